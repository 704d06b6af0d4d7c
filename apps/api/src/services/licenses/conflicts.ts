import type { LicenseConflictReport } from "@allot/contracts";
import { DISABLED_DAYS, detectConflict, summarizeSeats } from "@allot/domain";
import type { TenantContext } from "../../types.js";
import { catalogOf } from "./catalog.js";
import { seatStates } from "./product-status.js";

const USERS_LISTED = 100;

interface Holder {
  id: string;
  displayName: string;
  email: string;
  direct: boolean;
  licensedAt: Date;
}

/**
 * The license conflict report: every product whose holders outnumber its usable seats, with the fixes. Which
 * products are in conflict follows from the counters alone; only those products' holders are read, a page each,
 * most recently licensed first (the likeliest to be taken back).
 */
export async function licenseConflicts(ctx: TenantContext): Promise<{ value: LicenseConflictReport[] }> {
  const [catalog, states, deadlines] = await Promise.all([
    catalogOf(ctx.db),
    seatStates(ctx.db, ctx.tenantId),
    conflictDeadlines(ctx),
  ]);
  const inConflict = [...states]
    .map(([productId, state]) => ({
      productId,
      state,
      summary: summarizeSeats(state.subscriptions, state.consumedUnits),
    }))
    .filter(({ state, summary }) => state.consumedUnits > summary.usableUnits);
  const value = await Promise.all(
    inConflict.map(async ({ productId, state, summary }): Promise<LicenseConflictReport | null> => {
      const holders = await ctx.db.$queryRaw<Holder[]>`
        SELECT u.id::text AS id, u."displayName", u.email,
               bool_or(la."assignedByGroupId" IS NULL) AS direct, min(la."createdAt") AS "licensedAt"
          FROM (SELECT "userId", "assignedByGroupId", "createdAt" FROM "LicenseAssignment"
                 WHERE "tenantId" = ${ctx.tenantId}::uuid AND "productId" = ${productId}::uuid AND state <> 'error'
                 ORDER BY "createdAt" DESC LIMIT ${USERS_LISTED * 3}) la
          JOIN "User" u ON u.id = la."userId" AND u."deletedAt" IS NULL
         GROUP BY u.id
         ORDER BY min(la."createdAt") DESC, u.id
         LIMIT ${USERS_LISTED}`;
      const conflict = detectConflict({
        productId,
        subscriptions: state.subscriptions,
        userIds: holders.map((holder) => holder.id),
        consumedUnits: state.consumedUnits,
      });
      const product = catalog.byId.get(productId);
      if (!conflict || !product) return null;
      return {
        skuId: product.skuId,
        skuPartNumber: product.skuPartNumber,
        displayName: product.displayName,
        capabilityStatus: summary.capabilityStatus,
        consumedUnits: conflict.consumedUnits,
        usableUnits: conflict.usableUnits,
        shortfall: conflict.shortfall,
        userCount: state.consumedUnits,
        users: holders.map((holder) => ({ ...holder, licensedAt: holder.licensedAt.toISOString() })),
        fixes: conflict.fixes,
        resolveBy: deadlines.get(productId)?.toISOString() ?? null,
      };
    }),
  );
  return {
    value: value
      .filter((conflict): conflict is LicenseConflictReport => conflict !== null)
      .sort((a, b) => b.shortfall - a.shortfall || a.skuPartNumber.localeCompare(b.skuPartNumber)),
  };
}

/**
 * Per product, the earliest deadline running: an accepted seat removal's (TenantProduct.conflictResolveBy) or a
 * disabled subscription's deletion (90 days after it was disabled).
 */
async function conflictDeadlines(ctx: TenantContext): Promise<Map<string, Date>> {
  const rows = await ctx.db.$queryRaw<Array<{ productId: string; resolveBy: Date }>>`
    SELECT "productId"::text AS "productId", min(at) AS "resolveBy" FROM (
      SELECT "productId", "conflictResolveBy" AS at FROM "TenantProduct"
       WHERE "tenantId" = ${ctx.tenantId}::uuid AND "conflictResolveBy" IS NOT NULL
      UNION ALL
      SELECT "productId", "stateChangedAt" + make_interval(days => ${DISABLED_DAYS}) FROM "Subscription"
       WHERE "tenantId" = ${ctx.tenantId}::uuid AND state = 'disabled') d
     GROUP BY "productId"`;
  return new Map(rows.map((row) => [row.productId, row.resolveBy]));
}
