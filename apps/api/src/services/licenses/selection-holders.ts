import type { SelectionHolders } from "@allot/contracts";
import { AppError } from "../../lib/app-error.js";
import type { TenantContext } from "../../types.js";
import { catalogOf } from "./catalog.js";

/**
 * Which of the given users hold one product in effect, by name, and whether directly: the list behind the Assigned
 * count of a Manage licenses page (the same counting as `licenseSelection`: an inherited assignment in error holds
 * nothing).
 */
export async function selectionHolders(
  ctx: TenantContext,
  userIds: readonly string[],
  skuId: string,
): Promise<SelectionHolders> {
  const product = (await catalogOf(ctx.db)).bySkuId.get(skuId);
  if (!product) {
    throw new AppError("NotFound", `No product has skuId ${skuId}.`, {
      errors: [{ path: "body.skuId", message: `no product has skuId ${skuId}`, skuId }],
    });
  }
  const ids = [...new Set(userIds)];
  const value = await ctx.db.$queryRaw<SelectionHolders["value"]>`
    SELECT u.id::text AS id, u."displayName", u.email,
           bool_or(l."assignedByGroupId" IS NULL) AS direct
      FROM "User" u JOIN "LicenseAssignment" l ON l."userId" = u.id AND l."productId" = ${product.id}::uuid
     WHERE u."tenantId" = ${ctx.tenantId}::uuid AND u.id = ANY(${ids}::uuid[]) AND u."deletedAt" IS NULL
       AND (l."assignedByGroupId" IS NULL OR l.state <> 'error')
     GROUP BY u.id
     ORDER BY u."displayName", u.id`;
  return { skuId, value };
}
