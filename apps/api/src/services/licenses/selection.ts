import type { LicenseSelection } from "@allot/contracts";
import { sqlOf } from "@allot/db";
import type { TenantContext } from "../../types.js";
import { uuidArrayLiteral } from "./holdings.js";

/**
 * Per product, how many of the given users hold it directly and in effect: the tri-state of the Manage product
 * licenses panel. One aggregate over the users' assignment rows (the userId index), whatever the selection's size,
 * sent straight to node-postgres over the request's client's pool (Prisma's $queryRaw adds its per-statement work).
 */
export async function licenseSelection(ctx: TenantContext, userIds: readonly string[]): Promise<LicenseSelection> {
  // The ids travel as one array literal (the contract made each a lower-case UUID): cheaper than a 10,000-element
  // array parameter.
  const ids = [...new Set(userIds)];
  // One statement: the live users among the ids, then their assignments per product.
  const rows = await sqlOf(ctx.db).$queryRaw<
    Array<{ users: number; skuId: string | null; directHolders: number; holders: number }>
  >`
    WITH live AS MATERIALIZED (
      SELECT id FROM "User"
       WHERE "tenantId" = ${ctx.tenantId}::uuid AND id = ANY(${uuidArrayLiteral(ids)}::uuid[]) AND "deletedAt" IS NULL
    ), per_product AS (
      SELECT l."productId",
             count(DISTINCT l."userId") FILTER (WHERE l."assignedByGroupId" IS NULL)::int AS "directHolders",
             count(DISTINCT l."userId") FILTER (WHERE l.state <> 'error')::int AS holders
        -- An index scan for the live ids (their array, not a join: the planner would hash every assignment of the
        -- tenant to probe it with 10,000 users).
        FROM "LicenseAssignment" l WHERE l."userId" = ANY(ARRAY(SELECT id FROM live))
       GROUP BY l."productId"
       -- An inherited assignment in error holds nothing: a product only such rows name is held by none.
      HAVING count(*) FILTER (WHERE l."assignedByGroupId" IS NULL OR l.state <> 'error') > 0
    )
    SELECT (SELECT count(*)::int FROM live) AS users, p."skuId"::text AS "skuId",
           pp."directHolders", pp.holders
      FROM (SELECT 1) one
      LEFT JOIN per_product pp ON true
      LEFT JOIN "Product" p ON p.id = pp."productId"
     ORDER BY p."skuId"`;
  const products = rows
    .filter((row) => row.skuId !== null)
    .map((row) => ({ skuId: row.skuId as string, directHolders: row.directHolders, holders: row.holders }));
  return { users: rows[0]?.users ?? 0, value: products };
}
