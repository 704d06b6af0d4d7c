import { z } from "zod";
import { cursorQuery, isoDateTime, page, uuidSchema } from "./common.js";

export const auditEventSchema = z.object({
  id: uuidSchema,
  tenantId: uuidSchema,
  actorUserId: uuidSchema.nullable(),
  actorDisplayName: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
  createdAt: isoDateTime,
});
export type AuditEvent = z.infer<typeof auditEventSchema>;
export const listAuditQuerySchema = z.strictObject({ ...cursorQuery });
export const auditPageSchema = page(auditEventSchema);
