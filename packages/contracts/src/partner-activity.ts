import { z } from "zod";
import { auditEventSchema } from "./audit.js";
import { cursorQuery, idInputSchema, page, uuidSchema } from "./common.js";

/** A change one of the partner's staff made, in a customer or in the partner's own tenant. */
export const partnerActivityEventSchema = auditEventSchema.extend({
  /** The customer the change was made in; null for a change in the partner's own tenant (its staff, their access). */
  customer: z.object({ tenantId: uuidSchema, name: z.string() }).nullable(),
});
export type PartnerActivityEvent = z.infer<typeof partnerActivityEventSchema>;
export const partnerActivityPageSchema = page(partnerActivityEventSchema);
export type PartnerActivityPage = z.infer<typeof partnerActivityPageSchema>;

export const partnerActivityQuerySchema = z.strictObject({
  customerTenantId: idInputSchema
    .describe("Only changes made in this customer (the partner's own tenant id: changes made there).")
    .optional(),
  actorUserId: idInputSchema.describe("Only changes made by this staff member.").optional(),
  ...cursorQuery,
});
export type PartnerActivityQuery = z.infer<typeof partnerActivityQuerySchema>;
