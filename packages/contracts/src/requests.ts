import { z } from "zod";
import { cursorQuery, isoDateTime, page, uuidSchema } from "./common.js";

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
