import type { AuditEvent } from "@allot/contracts";
import { decodeCursor, keysetPage } from "../../lib/cursor.js";
import type { TenantContext } from "../../types.js";

/** The tenant's audit events, newest first. */
export async function listAuditEvents(ctx: TenantContext, query: { cursor?: string; limit: number }) {
  const after = query.cursor ? (decodeCursor(query.cursor, ["datetime", "uuid"]) as [string, string]) : null;
  const before = after ? new Date(after[0]) : null;
  const rows = await ctx.db.auditEvent.findMany({
    where: {
      tenantId: ctx.tenantId,
      ...(before && after ? { OR: [{ createdAt: { lt: before } }, { createdAt: before, id: { lt: after[1] } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    include: { actor: { select: { displayName: true } } },
  });
  const page = keysetPage(rows, query.limit, (row) => [row.createdAt.toISOString(), row.id]);
  const items: AuditEvent[] = page.rows.map((row) => ({
    id: row.id,
    tenantId: row.tenantId,
    actorUserId: row.actorUserId,
    actorDisplayName: row.actor?.displayName ?? null,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    before: row.before,
    after: row.after,
    requestId: row.requestId,
    createdAt: row.createdAt.toISOString(),
  }));
  return { items, nextCursor: page.nextCursor };
}
