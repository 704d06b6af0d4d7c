import type { HolderCounts } from "@allot/contracts";
import { AppError } from "../../lib/app-error.js";
import type { TenantContext } from "../../types.js";
import { catalogOf } from "./catalog.js";

/**
 * A product's holders counted in one aggregate over its assignment rows (the (tenantId, productId, state) index):
 * the same users the list `users?skuId=` pages through, with how many hold it directly and through a group.
 */
export async function holderCounts(ctx: TenantContext, skuId: string): Promise<HolderCounts> {
  const product = (await catalogOf(ctx.db)).bySkuId.get(skuId);
  if (!product) {
    throw new AppError("NotFound", `No product has skuId ${skuId}.`, {
      errors: [{ path: "querystring.skuId", message: `no product has skuId ${skuId}`, skuId }],
    });
  }
  const [row] = await ctx.db.$queryRaw<Array<{ total: number; direct: number; inherited: number }>>`
    SELECT count(*)::int AS total,
           count(*) FILTER (WHERE h.direct)::int AS direct,
           count(*) FILTER (WHERE h.inherited)::int AS inherited
      FROM (SELECT l."userId", bool_or(l."assignedByGroupId" IS NULL) AS direct,
                   bool_or(l."assignedByGroupId" IS NOT NULL) AS inherited
              FROM "LicenseAssignment" l
              JOIN "User" u ON u.id = l."userId" AND u."deletedAt" IS NULL
             WHERE l."tenantId" = ${ctx.tenantId}::uuid AND l."productId" = ${product.id}::uuid AND l.state <> 'error'
             GROUP BY l."userId") h`;
  return { skuId: product.skuId, total: row?.total ?? 0, direct: row?.direct ?? 0, inherited: row?.inherited ?? 0 };
}
