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
  byPartners?: boolean | undefined;
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
    byPartners: filter.byPartners,
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
  actorPartnerTenantId: string | null;
  actorPartnerName: string | null;
  actorApplicationId: string | null;
  actorApplicationName: string | null;
  actorTokenId: string | null;
  actorTokenName: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  targetDisplayName: string | null;
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
  if (c.byPartners !== undefined) {
    // A partner's agent is a user of another tenant than the event's (the actor's row, by primary key).
    const byPartner = Prisma.sql`EXISTS (SELECT 1 FROM "User" p WHERE p.id = e."actorUserId" AND p."tenantId" <> e."tenantId")`;
    conditions.push(c.byPartners ? byPartner : Prisma.sql`NOT ${byPartner}`);
  }
  if (c.from !== undefined) conditions.push(Prisma.sql`e."createdAt" >= ${c.from.toISOString()}::timestamptz`);
  if (c.to !== undefined) conditions.push(Prisma.sql`e."createdAt" < ${c.to.toISOString()}::timestamptz`);
  if (after) {
    const at = Prisma.sql`${after.createdAt}::timestamptz`;
    // The first condition alone bounds the index scan; the second drops the rows at or before the cursor's id.
    conditions.push(Prisma.sql`e."createdAt" <= ${at} AND (e."createdAt" < ${at} OR e.id < ${after.id}::uuid)`);
  }
  // The page is chosen first; only its rows then look up the names (a sort would otherwise name every match).
  return Prisma.sql`
    SELECT e.id::text AS id, e."tenantId"::text AS "tenantId", e."actorUserId"::text AS "actorUserId",
           a."displayName" AS "actorDisplayName", pt.id::text AS "actorPartnerTenantId",
           pt.name AS "actorPartnerName", e."actorApplicationId"::text AS "actorApplicationId",
           CASE WHEN e."actorApplicationId" IS NOT NULL
                THEN ${applicationName(Prisma.sql`e."actorApplicationId"`)} END AS "actorApplicationName",
           e."actorTokenId"::text AS "actorTokenId",
           CASE WHEN e."actorTokenId" IS NOT NULL THEN COALESCE(tk.name,
             (SELECT c.after->>'name' FROM "AuditEvent" c
               WHERE c."tenantId" = e."tenantId" AND c."targetType" = 'personalToken'
                 AND c."targetId" = e."actorTokenId"::text AND c.action = 'personalToken.created' LIMIT 1))
           END AS "actorTokenName",
           e.action, e."targetType", e."targetId",
           ${targetDisplayName} AS "targetDisplayName",
           e."productIds"::text[] AS "productIds", e.before, e.after, e."requestId", e."createdAt"
      FROM (SELECT e.*,
                   ${targetUuid} AS target_uuid
              FROM "AuditEvent" e
             WHERE ${Prisma.join(conditions, " AND ")}
             ORDER BY e."createdAt" DESC, e.id DESC
             LIMIT ${take}) e
      LEFT JOIN "User" a ON a.id = e."actorUserId"
      LEFT JOIN "Tenant" pt ON pt.id = a."tenantId" AND a."tenantId" <> e."tenantId"
      LEFT JOIN "PersonalAccessToken" tk ON tk.id = e."actorTokenId" AND e."actorTokenId" IS NOT NULL
     ORDER BY e."createdAt" DESC, e.id DESC`;
}

/**
 * An app's name: its current one, or (deleted) the one its registration recorded, so the log still says which app
 * made a change after the app is gone.
 */
function applicationName(id: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`COALESCE(
    (SELECT ap."displayName" FROM "Application" ap WHERE ap.id = ${id} AND ap."tenantId" = e."tenantId"),
    (SELECT c.after->>'displayName' FROM "AuditEvent" c
      WHERE c."tenantId" = e."tenantId" AND c."targetType" = 'application' AND c."targetId" = ${id}::text
        AND c.action = 'application.created' LIMIT 1))`;
}

/** The event's target id as a uuid when it is one (a skuId, a user id), else null: `targetDisplayName` reads it. */
export const targetUuid = Prisma.sql`CASE WHEN e."targetId" ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                        THEN e."targetId"::uuid END`;

/**
 * The target's name, looked up in the tenant by the target's type. Users are deleted softly, so a deleted user keeps
 * its name; a deleted group is named by the name its last event recorded. A subscription, a license request and a
 * product are named by their product, a partner relationship by its partner; a bulk job has no name. Reads the
 * event as `e` with its target's id as `e.target_uuid` (see `targetUuid`).
 */
export const targetDisplayName = Prisma.sql`CASE e."targetType"
  WHEN 'user' THEN COALESCE(
    (SELECT u."displayName" FROM "User" u WHERE u.id = e.target_uuid AND u."tenantId" = e."tenantId"),
    e.before->>'displayName', e.after->>'displayName')
  WHEN 'group' THEN COALESCE(
    (SELECT g."displayName" FROM "Group" g WHERE g.id = e.target_uuid AND g."tenantId" = e."tenantId"),
    (SELECT p.before->>'displayName' FROM "AuditEvent" p
      WHERE p."tenantId" = e."tenantId" AND p."targetType" = 'group' AND p."targetId" = e."targetId"
        AND p.before ? 'displayName'
      ORDER BY p."createdAt" DESC LIMIT 1),
    e.after->>'displayName')
  WHEN 'subscription' THEN (SELECT p."displayName" FROM "Subscription" s JOIN "Product" p ON p.id = s."productId"
                             WHERE s.id = e.target_uuid AND s."tenantId" = e."tenantId")
  WHEN 'licenseRequest' THEN (SELECT p."displayName" FROM "LicenseRequest" r JOIN "Product" p ON p.id = r."productId"
                               WHERE r.id = e.target_uuid AND r."tenantId" = e."tenantId")
  WHEN 'product' THEN (SELECT p."displayName" FROM "Product" p WHERE p."skuId" = e.target_uuid)
  WHEN 'tenant' THEN (SELECT t.name FROM "Tenant" t WHERE t.id = e.target_uuid AND t.id = e."tenantId")
  WHEN 'application' THEN ${applicationName(Prisma.sql`e.target_uuid`)}
  WHEN 'personalToken' THEN COALESCE(
    (SELECT t.name FROM "PersonalAccessToken" t WHERE t.id = e.target_uuid), e.after->>'name', e.before->>'name')
  WHEN 'partnerRelationship' THEN (SELECT t.name FROM "PartnerRelationship" r JOIN "Tenant" t ON t.id = r."partnerTenantId"
                                    WHERE r.id = e.target_uuid AND r."customerTenantId" = e."tenantId")
END`;

export function auditKeyOf(row: AuditRow): AuditKey {
  return { createdAt: row.createdAt.toISOString(), id: row.id };
}

export function auditEventFromRow(row: AuditRow): AuditEvent {
  return {
    id: row.id,
    tenantId: row.tenantId,
    actorUserId: row.actorUserId,
    actorDisplayName: row.actorDisplayName,
    actorPartner:
      row.actorPartnerTenantId && row.actorPartnerName
        ? { tenantId: row.actorPartnerTenantId, name: row.actorPartnerName }
        : null,
    actorApplication:
      row.actorApplicationId !== null
        ? { id: row.actorApplicationId, displayName: row.actorApplicationName ?? row.actorApplicationId }
        : null,
    actorToken:
      row.actorTokenId !== null ? { id: row.actorTokenId, name: row.actorTokenName ?? row.actorTokenId } : null,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    targetDisplayName: row.targetDisplayName,
    before: row.before ?? null,
    after: row.after ?? null,
    requestId: row.requestId,
    createdAt: row.createdAt.toISOString(),
  };
}
