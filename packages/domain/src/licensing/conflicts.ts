import { isUsable, type SubscriptionSeats, summarizeSeats } from "./seats.js";

/**
 * License conflicts (DESIGN.md §2): a product whose assignments consume more seats than its usable subscriptions
 * hold, because seats were removed or a subscription expired into "disabled". Each comes with the fixes that
 * would clear it, so the portal can offer them.
 */

export type ConflictFix =
  | { kind: "buySeats"; seats: number }
  | { kind: "removeAssignments"; count: number }
  | { kind: "deleteUsers"; count: number }
  | { kind: "renewSubscription"; subscriptionId: string; seats: number };

export interface LicenseConflict {
  productId: string;
  consumedUnits: number;
  usableUnits: number;
  /** consumedUnits − usableUnits: how many holders have no seat behind them. */
  shortfall: number;
  /** The users holding the product, sorted; any `shortfall` of them must go, or seats must come. */
  userIds: string[];
  fixes: ConflictFix[];
}

export interface ProductHoldings {
  productId: string;
  subscriptions: readonly SubscriptionSeats[];
  /** Users holding the product (directly or through a group): one seat each. */
  userIds: readonly string[];
  /**
   * How many users hold it, when `userIds` lists only some of them (a tenant of 100,000 users keeps the count
   * and lists a page). Defaults to the number of distinct `userIds`.
   */
  consumedUnits?: number;
}

export function detectConflict({
  productId,
  subscriptions,
  userIds,
  consumedUnits,
}: ProductHoldings): LicenseConflict | null {
  const holders = [...new Set(userIds)].sort();
  const consumed = consumedUnits ?? holders.length;
  const { usableUnits } = summarizeSeats(subscriptions, consumed);
  const shortfall = consumed - usableUnits;
  if (shortfall <= 0) return null;
  const fixes: ConflictFix[] = [
    { kind: "buySeats", seats: shortfall },
    { kind: "removeAssignments", count: shortfall },
    { kind: "deleteUsers", count: shortfall },
  ];
  // Reactivating a subscription that is no longer usable brings its seats back; offer those that alone suffice
  // first (fewest seats that cover the shortfall), then the rest, largest first.
  const renewable = subscriptions
    .filter(
      (subscription) => !isUsable(subscription.state) && subscription.state !== "deleted" && subscription.seats > 0,
    )
    .sort((a, b) => {
      const aCovers = a.seats >= shortfall;
      const bCovers = b.seats >= shortfall;
      if (aCovers !== bCovers) return aCovers ? -1 : 1;
      return aCovers ? a.seats - b.seats || a.id.localeCompare(b.id) : b.seats - a.seats || a.id.localeCompare(b.id);
    });
  for (const subscription of renewable) {
    fixes.push({ kind: "renewSubscription", subscriptionId: subscription.id, seats: subscription.seats });
  }
  return { productId, consumedUnits: consumed, usableUnits, shortfall, userIds: holders, fixes };
}

/** Every product in conflict, in product id order. */
export function detectConflicts(products: readonly ProductHoldings[]): LicenseConflict[] {
  return products
    .map(detectConflict)
    .filter((conflict): conflict is LicenseConflict => conflict !== null)
    .sort((a, b) => a.productId.localeCompare(b.productId));
}
