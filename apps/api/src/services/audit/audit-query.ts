import type { AuditEvent, AuditLogFilter } from "@allot/contracts";
import { Prisma } from "@allot/db";
import { notFound } from "../../lib/app-error.js";
import type { TenantContext } from "../../types.js";

/** The audit log's filters, resolved to what the table stores (a skuId becomes the internal product id). */
export interface AuditCriteria {
  tenantId: string;
  actorUserId?: string | undefined;
  actions?: readonly string[] | undefined;
  targetUserId?: string | undefined;
  productId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

/** Keyset position: the (createdAt, id) of the previous page's last row. */
export interface AuditKey {
  createdAt: string;
  id: string;
}

/** Turns the query's filters into criteria; an unknown skuId is a 404, not an empty list. */
export async function resolveAuditFilter(ctx: TenantContext, filter: AuditLogFilter): Promise<AuditCriteria> {
  let productId: string | undefined;
  if (filter.skuId !== undefined) {
    const product = await ctx.db.product.findUnique({ where: { skuId: filter.skuId }, select: { id: true } });
    if (!product) throw notFound(`Product with skuId ${filter.skuId}`);
    productId = product.id;
  }
  return {
    tenantId: ctx.tenantId,
    actorUserId: filter.actorUserId,
    actions: filter.action,
    targetUserId: filter.userId,
    productId,
    from: filter.from,
    to: filter.to,
  };
}

/** The columns an audit event is built from, as `auditEventsQuery` yields them. */
export interface AuditRow {
  id: string;
  tenantId: string;
  actorUserId: string | null;
  actorDisplayName: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  productIds: string[];
  before: unknown;
  after: unknown;
  requestId: string | null;
  createdAt: Date;
}

/**
 * The tenant's matching events, newest first ((createdAt, id) descending), `take` rows after `after`. Every filter
 * narrows an indexed column: (tenantId, createdAt, id) serves the order and the time range, (tenantId, actorUserId,
 * createdAt) the actor, (tenantId, targetType, targetId) the target user and the GIN index on productIds the
 * product (`@>`, which the GIN index answers; `= ANY` would not use it). Instants are sent as ISO text cast to
 * timestamptz so the session's time zone cannot shift them.
 */
export function auditEventsQuery(c: AuditCriteria, after: AuditKey | undefined, take: number): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`e."tenantId" = ${c.tenantId}::uuid`];
  if (c.actorUserId !== undefined) conditions.push(Prisma.sql`e."actorUserId" = ${c.actorUserId}::uuid`);
  if (c.actions !== undefined && c.actions.length > 0) {
    conditions.push(Prisma.sql`e.action IN (${Prisma.join(c.actions)})`);
  }
  if (c.targetUserId !== undefined) {
    conditions.push(Prisma.sql`e."targetType" = 'user' AND e."targetId" = ${c.targetUserId}`);
  }
  if (c.productId !== undefined) conditions.push(Prisma.sql`e."productIds" @> ARRAY[${c.productId}::uuid]`);
  if (c.from !== undefined) conditions.push(Prisma.sql`e."createdAt" >= ${c.from.toISOString()}::timestamptz`);
  if (c.to !== undefined) conditions.push(Prisma.sql`e."createdAt" < ${c.to.toISOString()}::timestamptz`);
  if (after) {
    const at = Prisma.sql`${after.createdAt}::timestamptz`;
    // The first condition alone bounds the index scan; the second drops the rows at or before the cursor's id.
    conditions.push(Prisma.sql`e."createdAt" <= ${at} AND (e."createdAt" < ${at} OR e.id < ${after.id}::uuid)`);
  }
  return Prisma.sql`
    SELECT e.id::text AS id, e."tenantId"::text AS "tenantId", e."actorUserId"::text AS "actorUserId",
           a."displayName" AS "actorDisplayName", e.action, e."targetType", e."targetId",
           e."productIds"::text[] AS "productIds", e.before, e.after, e."requestId", e."createdAt"
      FROM "AuditEvent" e
      LEFT JOIN "User" a ON a.id = e."actorUserId"
     WHERE ${Prisma.join(conditions, " AND ")}
     ORDER BY e."createdAt" DESC, e.id DESC
     LIMIT ${take}`;
}

export function auditKeyOf(row: AuditRow): AuditKey {
  return { createdAt: row.createdAt.toISOString(), id: row.id };
}

export function auditEventFromRow(row: AuditRow): AuditEvent {
  return {
    id: row.id,
    tenantId: row.tenantId,
    actorUserId: row.actorUserId,
    actorDisplayName: row.actorDisplayName,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    before: row.before ?? null,
    after: row.after ?? null,
    requestId: row.requestId,
    createdAt: row.createdAt.toISOString(),
  };
}
