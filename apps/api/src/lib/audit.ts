import type { Prisma, Tx } from "@allot/db";
import type { TenantContext } from "../types.js";

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId: string | null;
  before?: unknown;
  after?: unknown;
}

function json(value: unknown): Prisma.InputJsonValue | undefined {
  return value === undefined || value === null
    ? undefined
    : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);
}

/** Records who did what in the tenant; call it with the transaction that makes the change. */
export async function audit(tx: Tx, ctx: Pick<TenantContext, "tenantId" | "actor" | "requestId">, entry: AuditEntry) {
  await tx.auditEvent.create({
    data: {
      tenantId: ctx.tenantId,
      actorUserId: ctx.actor.userId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      before: json(entry.before),
      after: json(entry.after),
      requestId: ctx.requestId,
    },
  });
}
