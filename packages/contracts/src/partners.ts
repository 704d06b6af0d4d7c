import { DELEGATED_ROLES } from "@allot/domain";
import { z } from "zod";
import { idInputSchema, instantInputSchema, isoDateTime, uuidSchema } from "./common.js";

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
