import type { LicenseSelection } from "@allot/contracts";
import type { TenantContext } from "../../types.js";

/**
 * Per product, how many of the given users hold it directly and in effect: the tri-state of the Manage product
 * licenses panel. One aggregate over the users' assignment rows (the userId index), whatever the selection's size.
 */
export async function licenseSelection(ctx: TenantContext, userIds: readonly string[]): Promise<LicenseSelection> {
  const ids = [...new Set(userIds)];
  const [[users], products] = await Promise.all([
    ctx.db.$queryRaw<Array<{ count: number }>>`
      SELECT count(*)::int AS count FROM "User"
       WHERE "tenantId" = ${ctx.tenantId}::uuid AND id = ANY(${ids}::uuid[]) AND "deletedAt" IS NULL`,
    ctx.db.$queryRaw<Array<{ skuId: string; directHolders: number; holders: number }>>`
      SELECT p."skuId"::text AS "skuId",
             count(DISTINCT l."userId") FILTER (WHERE l."assignedByGroupId" IS NULL)::int AS "directHolders",
             count(DISTINCT l."userId") FILTER (WHERE l.state <> 'error')::int AS holders
        FROM "LicenseAssignment" l
        JOIN "User" u ON u.id = l."userId"
        JOIN "Product" p ON p.id = l."productId"
       WHERE l."userId" = ANY(${ids}::uuid[]) AND u."tenantId" = ${ctx.tenantId}::uuid AND u."deletedAt" IS NULL
       GROUP BY p."skuId" ORDER BY p."skuId"`,
  ]);
  return { users: users?.count ?? 0, value: products };
}
