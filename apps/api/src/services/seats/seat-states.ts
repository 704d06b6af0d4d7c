import type { SqlTx } from "@allot/db";
import { type SeatSummary, type SubscriptionSeats, summarizeSeats } from "@allot/domain";

interface SubscriptionRow extends SubscriptionSeats {
  productId: string;
}

/**
 * Seat states and summaries of a tenant's products (all of them, or those named), from its subscriptions and the seat rows'
 * consumed counters: two small statements whatever the number of users, since consumption is kept counted.
 */
export interface SeatState {
  subscriptions: SubscriptionSeats[];
  consumedUnits: number;
}

export async function seatStates(
  tx: Pick<SqlTx, "$queryRaw">,
  tenantId: string,
  productIds?: readonly string[],
): Promise<Map<string, SeatState>> {
  const only = productIds ? [...productIds] : null;
  const [subscriptions, counters] = await Promise.all([
    tx.$queryRaw<SubscriptionRow[]>`
      SELECT id::text AS id, "productId"::text AS "productId", seats, state::text AS state, source::text AS source,
             "takenOverAt" IS NOT NULL AS "takenOver",
             (SELECT count(*)::int FROM "LicenseAssignment" la WHERE la."subscriptionId" = s.id) AS "ownerAssigned"
        FROM "Subscription" s
       WHERE "tenantId" = ${tenantId}::uuid AND (${only}::uuid[] IS NULL OR "productId" = ANY(${only}::uuid[]))`,
    tx.$queryRaw<Array<{ productId: string; consumedUnits: number }>>`
      SELECT "productId"::text AS "productId", "consumedUnits" FROM "TenantProduct"
       WHERE "tenantId" = ${tenantId}::uuid AND (${only}::uuid[] IS NULL OR "productId" = ANY(${only}::uuid[]))`,
  ]);
  const states = new Map<string, SeatState>();
  const stateOf = (productId: string) => {
    let state = states.get(productId);
    if (!state) {
      state = { subscriptions: [], consumedUnits: 0 };
      states.set(productId, state);
    }
    return state;
  };
  for (const { productId, ...subscription } of subscriptions) stateOf(productId).subscriptions.push(subscription);
  for (const row of counters) stateOf(row.productId).consumedUnits = row.consumedUnits;
  return states;
}

export async function seatSummaries(
  tx: SqlTx,
  tenantId: string,
  productIds?: readonly string[],
): Promise<Map<string, SeatSummary>> {
  const summaries = new Map<string, SeatSummary>();
  for (const [productId, state] of await seatStates(tx, tenantId, productIds)) {
    summaries.set(productId, summarizeSeats(state.subscriptions, state.consumedUnits));
  }
  return summaries;
}
