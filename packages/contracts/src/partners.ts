import { DELEGATED_ROLES } from "@allot/domain";
import { z } from "zod";
import {
  csvExportQuery,
  cursorQuery,
  idInputSchema,
  instantInputSchema,
  isoDateTime,
  page,
  uuidSchema,
} from "./common.js";

/** A partner's staff member with a delegated role in this organization, and when they last changed anything here. */
export const partnerAgentSchema = z.object({
  userId: uuidSchema,
  displayName: z.string(),
  email: z.string(),
  roles: z.array(z.enum(DELEGATED_ROLES)),
  /** Their latest entry in this organization's audit log; null when they never changed anything here. */
  lastActedAt: isoDateTime.nullable(),
});

/** A partner with delegated access to this organization, as its global admin sees it (Settings › Partner relationships). */
export const partnerRelationshipSchema = z.object({
  id: uuidSchema,
  partner: z.object({ tenantId: uuidSchema, name: z.string(), domain: z.string() }),
  /** `terminated`: this organization removed the partner's delegated admin privileges. */
  status: z.enum(["active", "terminated"]),
  /** Whether the partner's agents can reach this organization now: active, and its end date (if any) not reached. */
  grantsAccess: z.boolean(),
  createdAt: isoDateTime,
  /** When access ends by itself; null: until removed. */
  endsAt: isoDateTime.nullable(),
  /** Every delegated role the partner's staff hold here. */
  roles: z.array(z.enum(DELEGATED_ROLES)),
  agents: z.array(partnerAgentSchema),
});
export type PartnerRelationship = z.infer<typeof partnerRelationshipSchema>;

export const partnerRelationshipListSchema = z.object({ value: z.array(partnerRelationshipSchema) });
export type PartnerRelationshipList = z.infer<typeof partnerRelationshipListSchema>;

export const partnerRelationshipParamsSchema = z.strictObject({
  tenantId: idInputSchema,
  relationshipId: idInputSchema,
});

/** Sets or clears the date the partner's access ends by itself; it must lie in the future. */
export const updatePartnerRelationshipRequestSchema = z.strictObject({ endsAt: instantInputSchema.nullable() });
export type UpdatePartnerRelationshipRequest = z.input<typeof updatePartnerRelationshipRequestSchema>;

export const partnerParamsSchema = z.strictObject({ partnerTenantId: idInputSchema });

const count = z.number().int().nonnegative();

/** One customer of a partner, as the partner's Customers page lists it. */
export const partnerCustomerSchema = z.object({
  tenantId: uuidSchema,
  name: z.string(),
  domain: z.string(),
  relationship: partnerRelationshipSchema.pick({ id: true, status: true, grantsAccess: true, endsAt: true }),
  /** The caller's delegated roles in this customer (none for a partner global admin without an agent role). */
  yourRoles: z.array(z.enum(DELEGATED_ROLES)),
  /** The customer's licensing at a glance; null while the relationship grants no access (removed or ended). */
  licensing: z
    .object({
      /** Seats held by people, over all products. */
      assigned: count,
      /** Usable seats (active, or expired in grace), over all products. */
      total: count,
      /** Products in license conflict. */
      conflicts: count,
      /** Active subscriptions ending within 30 days without renewing by themselves. */
      expiringSubscriptions: count,
      pendingRequests: count,
    })
    .nullable(),
});
export type PartnerCustomer = z.infer<typeof partnerCustomerSchema>;
export const partnerCustomerPageSchema = page(partnerCustomerSchema);

export const listPartnerCustomersQuerySchema = z.strictObject({
  search: z.string().trim().max(256).optional().describe("Part of the customer's name or domain."),
  ...cursorQuery,
});

/** One product across every customer the caller may see: where to sell more and where to reclaim. */
export const partnerProductOverviewSchema = z.object({
  skuId: uuidSchema,
  skuPartNumber: z.string(),
  displayName: z.string(),
  /** Customers with any subscription of the product. */
  customers: count,
  /** Usable seats bought, over those customers. */
  bought: count,
  assigned: count,
  /** Seats bought and not assigned (a customer short of seats counts 0, not less). */
  free: count,
  /** Customers in license conflict on this product. */
  conflicts: count,
});
export const partnerOverviewSchema = z.object({ value: z.array(partnerProductOverviewSchema) });
export type PartnerOverview = z.infer<typeof partnerOverviewSchema>;
export const partnerOverviewExportQuerySchema = z.strictObject({ ...csvExportQuery });

/** Columns of the cross-customer overview's CSV export, in order. */
export const PARTNER_OVERVIEW_CSV_COLUMNS = [
  "skuPartNumber",
  "product",
  "customers",
  "bought",
  "assigned",
  "free",
  "conflicts",
] as const;
