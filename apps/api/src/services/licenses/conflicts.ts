import type { LicenseConflictReport } from "@allot/contracts";
import { DISABLED_DAYS, detectConflict, EXPIRED_GRACE_DAYS, summarizeSeats } from "@allot/domain";
import type { TenantContext } from "../../types.js";
import { seatStates } from "../seats/seat-states.js";
import { catalogOf } from "./catalog.js";

const USERS_LISTED = 100;

interface Holder {
  id: string;
  displayName: string;
  email: string;
  direct: boolean;
  licensedAt: Date;
  lastSignInAt: Date | null;
}

/**
 * The license conflict report: every product whose holders outnumber its usable seats, or depend on seats of an
 * expired subscription (domain `detectConflict`), with the fixes. Which products are in conflict follows from the
 * counters alone; only those products' holders are read, a page each, most recently licensed first (the likeliest
 * to be taken back), with their last sign-in (the inactive are the others).
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
    .filter(({ state, summary }) => state.consumedUnits > summary.prepaidUnits.enabled);
  const value = await Promise.all(
    inConflict.map(async ({ productId, state, summary }): Promise<LicenseConflictReport | null> => {
      const holders = await ctx.db.$queryRaw<Holder[]>`
        SELECT u.id::text AS id, u."displayName", u.email, u."lastSignInAt",
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
      const deadline = deadlines.get(productId);
      const accessEndsAt = conflict.expiring > 0 ? (deadline?.expiredDisabledAt ?? null) : null;
      const resolveBy = conflict.kind === "expired" ? accessEndsAt : (deadline?.resolveBy ?? null);
      return {
        kind: conflict.kind,
        skuId: product.skuId,
        skuPartNumber: product.skuPartNumber,
        displayName: product.displayName,
        capabilityStatus: summary.capabilityStatus,
        consumedUnits: conflict.consumedUnits,
        usableUnits: conflict.usableUnits,
        shortfall: conflict.shortfall,
        expiring: conflict.expiring,
        accessEndsAt: accessEndsAt?.toISOString() ?? null,
        userCount: state.consumedUnits,
        users: holders.map((holder) => ({
          ...holder,
          licensedAt: holder.licensedAt.toISOString(),
          lastSignInAt: holder.lastSignInAt?.toISOString() ?? null,
        })),
        fixes: conflict.fixes,
        resolveBy: resolveBy?.toISOString() ?? null,
      };
    }),
  );
  return {
    value: value
      .filter((conflict): conflict is LicenseConflictReport => conflict !== null)
      .sort(
        (a, b) =>
          b.shortfall - a.shortfall || b.expiring - a.expiring || a.skuPartNumber.localeCompare(b.skuPartNumber),
      ),
  };
}

interface Deadlines {
  /** The earliest of an accepted seat removal's deadline and a disabled subscription's deletion. */
  resolveBy: Date | null;
  /** When the first expired subscription is disabled (its 30 days of grace end). */
  expiredDisabledAt: Date | null;
}

/**
 * Per product, the deadlines running: an accepted seat removal's (TenantProduct.conflictResolveBy), a disabled
 * subscription's deletion (90 days after it was disabled), and an expired subscription's end of grace.
 */
async function conflictDeadlines(ctx: TenantContext): Promise<Map<string, Deadlines>> {
  const rows = await ctx.db.$queryRaw<
    Array<{ productId: string; resolveBy: Date | null; expiredDisabledAt: Date | null }>
  >`
    SELECT "productId"::text AS "productId", min(at) FILTER (WHERE NOT expired) AS "resolveBy",
           min(at) FILTER (WHERE expired) AS "expiredDisabledAt" FROM (
      SELECT "productId", "conflictResolveBy" AS at, false AS expired FROM "TenantProduct"
       WHERE "tenantId" = ${ctx.tenantId}::uuid AND "conflictResolveBy" IS NOT NULL
      UNION ALL
      SELECT "productId",
             "stateChangedAt" + make_interval(days => CASE WHEN state = 'disabled' THEN ${DISABLED_DAYS}::int
                                                          ELSE ${EXPIRED_GRACE_DAYS}::int END),
             state = 'expired'
        FROM "Subscription"
       WHERE "tenantId" = ${ctx.tenantId}::uuid AND state IN ('disabled', 'expired')) d
     GROUP BY "productId"`;
  return new Map(
    rows.map((row) => [row.productId, { resolveBy: row.resolveBy, expiredDisabledAt: row.expiredDisabledAt }]),
  );
}
