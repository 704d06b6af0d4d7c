import type { PartnerCustomer } from "@allot/contracts";
import { Prisma } from "@allot/db";
import { customerHealth, DELEGATED_ROLES, type DelegatedRole, relationshipGrantsAccess } from "@allot/domain";
import { decodeCursor, keysetPage } from "../../lib/cursor.js";
import { likeLiteral } from "../../lib/like.js";
import { customerProducts } from "./customer-licensing.js";
import type { PartnerContext } from "./partner-context.js";

interface CustomerRow {
  tenantId: string;
  name: string;
  domain: string;
  relationshipId: string;
  status: "active" | "terminated";
  endsAt: Date | null;
  yourRoles: DelegatedRole[];
  pendingRequests: number;
}

/**
 * The customers the caller may see (see PartnerContext), by name, with search and keyset paging. A customer's
 * licensing comes from the same seat and conflict rules as its own admin center, and only while the relationship
 * grants access: a customer who removed the partner's privileges shows that, and nothing of its data.
 */
export function visibleCustomersSql(ctx: PartnerContext, search: string | undefined): Prisma.Sql {
  const conditions = [Prisma.sql`r."partnerTenantId" = ${ctx.partnerTenantId}::uuid`];
  if (!ctx.seesAllCustomers) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "DelegatedAccess" d
                                        WHERE d."relationshipId" = r.id AND d."partnerUserId" = ${ctx.actor.userId}::uuid)`);
  }
  if (search) {
    const pattern = `%${likeLiteral(search)}%`;
    conditions.push(Prisma.sql`(t.name ILIKE ${pattern} OR t.domain ILIKE ${pattern})`);
  }
  return Prisma.join(conditions, " AND ");
}

export async function listPartnerCustomers(
  ctx: PartnerContext,
  query: { search?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<{ items: PartnerCustomer[]; nextCursor: string | null }> {
  const after = query.cursor ? decodeCursor(query.cursor, ["text", "uuid"]) : null;
  const keyset = after ? Prisma.sql`AND (t.name, t.id) > (${after[0]}, ${after[1]}::uuid)` : Prisma.empty;
  const rows = await ctx.db.$queryRaw<CustomerRow[]>`
    SELECT t.id::text AS "tenantId", t.name, t.domain, r.id::text AS "relationshipId", r.status::text AS status,
           r."endsAt",
           ARRAY(SELECT DISTINCT d.role::text FROM "DelegatedAccess" d
                  WHERE d."relationshipId" = r.id AND d."partnerUserId" = ${ctx.actor.userId}::uuid) AS "yourRoles",
           (SELECT count(*)::int FROM "LicenseRequest" q
             WHERE q."tenantId" = t.id AND q.status = 'pending') AS "pendingRequests"
      FROM "PartnerRelationship" r JOIN "Tenant" t ON t.id = r."customerTenantId"
     WHERE ${visibleCustomersSql(ctx, query.search)} ${keyset}
     ORDER BY t.name, t.id
     LIMIT ${query.limit + 1}`;
  const page = keysetPage(rows, query.limit, (row) => [row.name, row.tenantId]);
  const now = ctx.clock.now();
  const granting = page.rows.filter((row) => relationshipGrantsAccess(row, now));
  const products = await customerProducts(
    ctx.db,
    granting.map((row) => row.tenantId),
  );
  return {
    nextCursor: page.nextCursor,
    items: page.rows.map((row) => {
      const grantsAccess = relationshipGrantsAccess(row, now);
      const health = grantsAccess ? customerHealth([...(products.get(row.tenantId)?.values() ?? [])], now) : null;
      return {
        tenantId: row.tenantId,
        name: row.name,
        domain: row.domain,
        relationship: {
          id: row.relationshipId,
          status: row.status,
          grantsAccess,
          endsAt: row.endsAt?.toISOString() ?? null,
        },
        yourRoles: [...row.yourRoles].sort((a, b) => DELEGATED_ROLES.indexOf(a) - DELEGATED_ROLES.indexOf(b)),
        licensing: health && {
          assigned: health.assigned,
          total: health.total,
          conflicts: health.conflicts,
          expiringSubscriptions: health.expiring,
          pendingRequests: row.pendingRequests,
        },
      };
    }),
  };
}
