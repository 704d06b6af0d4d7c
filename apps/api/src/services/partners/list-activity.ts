import type { PartnerActivityPage, PartnerActivityQuery } from "@allot/contracts";
import { Prisma } from "@allot/db";
import { AppError } from "../../lib/app-error.js";
import { keysetPage } from "../../lib/cursor.js";
import { type AuditRow, auditEventFromRow, auditKeyOf, targetDisplayName, targetUuid } from "../audit/audit-query.js";
import { auditCursorKey } from "../audit/list-audit.js";
import type { PartnerContext } from "./partner-context.js";

interface ActivityRow extends AuditRow {
  customerName: string | null;
}

/**
 * The partner's own activity log: changes its staff made in its customers and in its own tenant, newest first,
 * keyset-paged on (createdAt, id). The partner's global admin (partnerCenter.seeAll) sees every staff member's; anyone
 * else on the staff their own only (asking for someone else's is 403). Sign-ins and sign-outs are not changes: they
 * stay in the audit log. Every condition narrows the (tenantId, actorUserId, createdAt) index: the partner's tenant
 * and its customers' (also those who ended the relationship: the history is the partner's), by its staff.
 */
export async function listPartnerActivity(
  ctx: PartnerContext,
  { cursor, limit, customerTenantId, actorUserId }: PartnerActivityQuery,
): Promise<PartnerActivityPage> {
  if (!ctx.seesAllCustomers && actorUserId !== undefined && actorUserId !== ctx.actor.userId) {
    throw new AppError("Forbidden", "You see your own activity only.");
  }
  const actor = ctx.seesAllCustomers ? actorUserId : ctx.actor.userId;
  const partner = Prisma.sql`${ctx.partnerTenantId}::uuid`;
  const conditions = [
    Prisma.sql`e."tenantId" IN (SELECT ${partner} UNION ALL
                                SELECT r."customerTenantId" FROM "PartnerRelationship" r WHERE r."partnerTenantId" = ${partner})`,
    Prisma.sql`e."actorUserId" IN (SELECT u.id FROM "User" u WHERE u."tenantId" = ${partner})`,
    Prisma.sql`e.action NOT LIKE 'auth.%'`,
  ];
  if (actor !== undefined) conditions.push(Prisma.sql`e."actorUserId" = ${actor}::uuid`);
  if (customerTenantId !== undefined) conditions.push(Prisma.sql`e."tenantId" = ${customerTenantId}::uuid`);
  if (cursor) {
    const after = auditCursorKey(cursor);
    const at = Prisma.sql`${after.createdAt}::timestamptz`;
    conditions.push(Prisma.sql`e."createdAt" <= ${at} AND (e."createdAt" < ${at} OR e.id < ${after.id}::uuid)`);
  }
  const rows = await ctx.db.$queryRaw<ActivityRow[]>`
    SELECT e.id::text AS id, e."tenantId"::text AS "tenantId", e."actorUserId"::text AS "actorUserId",
           a."displayName" AS "actorDisplayName",
           CASE WHEN e."tenantId" <> ${partner} THEN pt.id::text END AS "actorPartnerTenantId",
           CASE WHEN e."tenantId" <> ${partner} THEN pt.name END AS "actorPartnerName",
           -- Staff are people: no app acts here; a token they used is named (once revoked, by its id).
           NULL::text AS "actorApplicationId", NULL::text AS "actorApplicationName",
           e."actorTokenId"::text AS "actorTokenId", tk.name AS "actorTokenName",
           e.action, e."targetType", e."targetId", ${targetDisplayName} AS "targetDisplayName",
           e."productIds"::text[] AS "productIds", e.before, e.after, e."requestId", e."createdAt",
           CASE WHEN e."tenantId" <> ${partner} THEN t.name END AS "customerName"
      FROM (SELECT e.*, ${targetUuid} AS target_uuid
              FROM "AuditEvent" e
             WHERE ${Prisma.join(conditions, " AND ")}
             ORDER BY e."createdAt" DESC, e.id DESC
             LIMIT ${limit + 1}) e
      LEFT JOIN "User" a ON a.id = e."actorUserId"
      LEFT JOIN "PersonalAccessToken" tk ON tk.id = e."actorTokenId"
      JOIN "Tenant" pt ON pt.id = ${partner}
      JOIN "Tenant" t ON t.id = e."tenantId"
     ORDER BY e."createdAt" DESC, e.id DESC`;
  const page = keysetPage(rows, limit, (row) => {
    const key = auditKeyOf(row);
    return [key.createdAt, key.id];
  });
  return {
    nextCursor: page.nextCursor,
    items: page.rows.map((row) => ({
      ...auditEventFromRow(row),
      customer: row.customerName === null ? null : { tenantId: row.tenantId, name: row.customerName },
    })),
  };
}
