import { z } from "zod";
import { cursorQuery, idInputSchema, isoDateTime, page, text, uuidSchema } from "./common.js";
import { addLicenseSchema } from "./licenses.js";

/** A maker's request for a license, as the admin center lists it. */
export const LICENSE_REQUEST_STATUSES = ["pending", "approved", "denied", "cancelled"] as const;
export const licenseRequestSchema = z.object({
  id: uuidSchema,
  status: z.enum(LICENSE_REQUEST_STATUSES),
  requester: z.object({ id: uuidSchema, displayName: z.string(), email: z.string() }),
  skuId: uuidSchema,
  skuPartNumber: z.string(),
  productName: z.string(),
  message: z.string().nullable(),
  createdAt: isoDateTime,
  decidedAt: isoDateTime.nullable(),
  decidedBy: z.object({ id: uuidSchema, displayName: z.string() }).nullable(),
  /** Why it was denied. */
  decisionReason: z.string().nullable(),
  /** The product the approver assigned when it was another than the one asked for. */
  fulfilledWith: z.object({ skuId: uuidSchema, productName: z.string() }).nullable(),
});
export type LicenseRequest = z.infer<typeof licenseRequestSchema>;

export const listLicenseRequestsQuerySchema = z.strictObject({
  status: z.enum(LICENSE_REQUEST_STATUSES).optional(),
  ...cursorQuery,
});
export const licenseRequestPageSchema = page(licenseRequestSchema).extend({
  /** Requests matching the status filter, over every page (the admin center's badge). */
  total: z.number().int(),
});
export type LicenseRequestPage = z.infer<typeof licenseRequestPageSchema>;

export const licenseRequestParamsSchema = z.object({ tenantId: uuidSchema, requestId: idInputSchema });

export const createLicenseRequestSchema = z.strictObject({
  skuId: idInputSchema,
  /** Why the requester needs it, for the approver. */
  message: text(1000).optional(),
});
export type CreateLicenseRequest = z.input<typeof createLicenseRequestSchema>;

/** Approving assigns the license: the product asked for, or another one the approver picks (no seat left, say). */
export const approveLicenseRequestSchema = z.strictObject({
  skuId: idInputSchema.optional(),
  disabledPlans: addLicenseSchema.shape.disabledPlans.optional(),
});
export type ApproveLicenseRequest = z.input<typeof approveLicenseRequestSchema>;

export const denyLicenseRequestSchema = z.strictObject({ reason: text(500) });
export type DenyLicenseRequest = z.input<typeof denyLicenseRequestSchema>;
