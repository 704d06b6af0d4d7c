import { Prisma } from "@allot/db";
import { likeLiteral } from "../../lib/like.js";

/**
 * The partner center's SQL statements, built here so that bench/partner-customers.ts runs these very statements
 * through raw pg as its baseline (as users-page-query.ts does for the users list).
 */

/** Whose customers, seen by whom. */
export interface VisibleCustomersCriteria {
  partnerTenantId: string;
  /** The partner's staff member asking: their delegated roles are read, and limit what they see unless… */
  userId: string;
  /** …they are the partner's global admin, who sees every customer. */
  seesAllCustomers: boolean;
  /** Part of the customer's name or domain. */
  search?: string | undefined;
}

export interface CustomerPageCriteria extends VisibleCustomersCriteria {
  /** Keyset: the (name, tenantId) of the previous page's last customer. */
  after?: readonly [name: string, tenantId: string] | null | undefined;
  /** Rows to fetch: the page size plus one, to know whether another page follows. */
  take: number;
}

/** The customers the caller may see (relationship `r`, customer tenant `t`), as a WHERE condition. */
function visibleCustomersSql(c: VisibleCustomersCriteria): Prisma.Sql {
  const conditions = [Prisma.sql`r."partnerTenantId" = ${c.partnerTenantId}::uuid`];
  if (!c.seesAllCustomers) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "DelegatedAccess" d
                                        WHERE d."relationshipId" = r.id AND d."partnerUserId" = ${c.userId}::uuid)`);
  }
  if (c.search) {
    const pattern = `%${likeLiteral(c.search)}%`;
    conditions.push(Prisma.sql`(t.name ILIKE ${pattern} OR t.domain ILIKE ${pattern})`);
  }
  return Prisma.join(conditions, " AND ");
}

/** One page of customers by (name, id): the relationship, the caller's roles there, its pending license requests. */
export function customerPageQuery(c: CustomerPageCriteria): Prisma.Sql {
  const keyset = c.after ? Prisma.sql`AND (t.name, t.id) > (${c.after[0]}, ${c.after[1]}::uuid)` : Prisma.empty;
  return Prisma.sql`
    SELECT t.id::text AS "tenantId", t.name, t.domain, r.id::text AS "relationshipId", r.status::text AS status,
           r."endsAt",
           ARRAY(SELECT DISTINCT d.role::text FROM "DelegatedAccess" d
                  WHERE d."relationshipId" = r.id AND d."partnerUserId" = ${c.userId}::uuid) AS "yourRoles",
           (SELECT count(*)::int FROM "LicenseRequest" q
             WHERE q."tenantId" = t.id AND q.status = 'pending') AS "pendingRequests"
      FROM "PartnerRelationship" r JOIN "Tenant" t ON t.id = r."customerTenantId"
     WHERE ${visibleCustomersSql(c)} ${keyset}
     ORDER BY t.name, t.id
     LIMIT ${c.take}`;
}

/** Every customer the caller may see, with its relationship's terms (the overview's starting point). */
export function visibleRelationshipsQuery(c: Omit<VisibleCustomersCriteria, "search">): Prisma.Sql {
  return Prisma.sql`
    SELECT t.id::text AS "tenantId", r.status::text AS status, r."endsAt"
      FROM "PartnerRelationship" r JOIN "Tenant" t ON t.id = r."customerTenantId"
     WHERE ${visibleCustomersSql(c)}`;
}

/**
 * What the seat rules read of a subscription `s`. `ownerAssigned` (the seats a maker gave from their own self-service
 * subscription) only counts while it is not admin-assignable (isAdminAssignable): it is counted for those alone, so
 * the hundreds of admin subscriptions of a partner's customers cost no lookup of their assignments.
 */
const SEAT_COLUMNS = Prisma.sql`s.id::text AS id, s."tenantId"::text AS "tenantId", s."productId"::text AS "productId", s.seats,
             s.state::text AS state, s.source::text AS source, s."takenOverAt" IS NOT NULL AS "takenOver",
             CASE WHEN s.source = 'selfService' AND s."takenOverAt" IS NULL
                  THEN (SELECT count(*)::int FROM "LicenseAssignment" la WHERE la."subscriptionId" = s.id)
                  ELSE 0 END AS "ownerAssigned"`;

/** The subscriptions of these customers, with what their seat and lifecycle rules need (the customers list). */
export function customerSubscriptionsQuery(tenantIds: readonly string[]): Prisma.Sql {
  return Prisma.sql`
      SELECT ${SEAT_COLUMNS},
             s."autoRenew", s."billingTerm"::text AS "billingTerm", s."termStartsAt", s."termEndsAt",
             s."stateChangedAt", s."cancelledAt"
        FROM "Subscription" s WHERE s."tenantId" = ANY(${[...tenantIds]}::uuid[])`;
}

/**
 * The subscriptions of these customers with what the seat rules need and no more, each with the seats its product
 * consumes (the overview: every customer of a partner, so thousands of rows, where each column and statement counts).
 * A product without a subscription is not in it.
 */
export function customerSeatsQuery(tenantIds: readonly string[]): Prisma.Sql {
  return Prisma.sql`
      SELECT ${SEAT_COLUMNS}, COALESCE(tp."consumedUnits", 0) AS "consumedUnits"
        FROM "Subscription" s
        LEFT JOIN "TenantProduct" tp ON tp."tenantId" = s."tenantId" AND tp."productId" = s."productId"
       WHERE s."tenantId" = ANY(${[...tenantIds]}::uuid[])`;
}

/** The seats consumed per product of these customers. */
export function customerCountersQuery(tenantIds: readonly string[]): Prisma.Sql {
  return Prisma.sql`
      SELECT "tenantId"::text AS "tenantId", "productId"::text AS "productId", "consumedUnits"
        FROM "TenantProduct" WHERE "tenantId" = ANY(${[...tenantIds]}::uuid[])`;
}

/** The catalog entries of these products. */
export function productsByIdQuery(productIds: readonly string[]): Prisma.Sql {
  return Prisma.sql`
    SELECT id::text AS id, "skuId"::text AS "skuId", "skuPartNumber", "displayName" FROM "Product"
     WHERE id = ANY(${[...productIds]}::uuid[])`;
}
