import { isUsable, type SeatSummary, type SubscriptionSeats, summarizeSeats } from "./seats.js";

/**
 * License conflicts (DESIGN.md §2): a product whose assignments consume more seats than its usable subscriptions
 * hold, because seats were removed or a subscription was disabled ("shortfall"); or whose holders depend on seats
 * of an expired subscription, still usable during its 30 days of grace ("expired": seed 002, with auto-renew off an
 * expired subscription gives a license conflict for every user in it, and renewing is the only fix). Each comes with
 * the fixes that would clear it, so the portal can offer them.
 */

export type ConflictKind = "shortfall" | "expired";

export type ConflictFix =
  | { kind: "buySeats"; seats: number }
  | { kind: "removeAssignments"; count: number }
  | { kind: "deleteUsers"; count: number }
  | {
      kind: "renewSubscription";
      subscriptionId: string;
      seats: number;
      /** expired: renewing keeps the access of the holders depending on it; disabled: it gives access back. */
      state: "expired" | "disabled";
      /** A trial is not renewed but converted to a paid subscription. */
      trial: boolean;
    };

export interface LicenseConflict {
  productId: string;
  /** shortfall when some holders have no usable seat; expired when all do, but some only in expired subscriptions. */
  kind: ConflictKind;
  consumedUnits: number;
  usableUnits: number;
  /** consumedUnits − usableUnits: how many holders have no seat behind them. */
  shortfall: number;
  /** Holders whose seat is only in expired subscriptions: they lose access when those are disabled. */
  expiring: number;
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
  const { usableUnits, prepaidUnits } = summarizeSeats(subscriptions, consumed);
  const shortfall = Math.max(0, consumed - usableUnits);
  const expiring = holdersOnExpiredSeats({ consumedUnits: consumed, usableUnits, prepaidUnits });
  if (shortfall === 0 && expiring === 0) return null;
  const fixes: ConflictFix[] =
    shortfall > 0
      ? [
          { kind: "buySeats", seats: shortfall },
          { kind: "removeAssignments", count: shortfall },
          { kind: "deleteUsers", count: shortfall },
          ...renewals(subscriptions, "disabled", shortfall),
        ]
      : [];
  // Renewing is the only fix seed 002 gives an expired subscription: it keeps its holders' access.
  fixes.push(...renewals(subscriptions, "expired", expiring));
  return {
    productId,
    kind: shortfall > 0 ? "shortfall" : "expired",
    consumedUnits: consumed,
    usableUnits,
    shortfall,
    expiring,
    userIds: holders,
    fixes,
  };
}

/**
 * Holders whose seat is only in expired subscriptions (their grace): of the holders with a usable seat, those beyond
 * the active subscriptions' seats. A license conflict of kind `expired` until renewed.
 */
export function holdersOnExpiredSeats(
  seats: Pick<SeatSummary, "consumedUnits" | "usableUnits" | "prepaidUnits">,
): number {
  return Math.max(0, Math.min(seats.consumedUnits, seats.usableUnits) - seats.prepaidUnits.enabled);
}

/**
 * Renewing (reactivating) the subscriptions in `state`: offer those that alone cover `needed` holders first (fewest
 * seats that do), then the rest, largest first.
 */
function renewals(
  subscriptions: readonly SubscriptionSeats[],
  state: "expired" | "disabled",
  needed: number,
): ConflictFix[] {
  if (needed <= 0) return [];
  return subscriptions
    .filter((subscription) => subscription.state === state && subscription.seats > 0)
    .sort((a, b) => {
      const aCovers = a.seats >= needed;
      const bCovers = b.seats >= needed;
      if (aCovers !== bCovers) return aCovers ? -1 : 1;
      return aCovers ? a.seats - b.seats || a.id.localeCompare(b.id) : b.seats - a.seats || a.id.localeCompare(b.id);
    })
    .map((subscription) => ({
      kind: "renewSubscription",
      subscriptionId: subscription.id,
      seats: subscription.seats,
      state,
      trial: subscription.source === "trial",
    }));
}

/**
 * Who is affected when one subscription is not usable (cancelled, expired, disabled): the holders of the product
 * beyond the seats usable in the tenant's other subscriptions of it, at most its own seats. For a subscription about
 * to be cancelled, how many people would lose access; for an expired one, how many lose access when it is disabled;
 * for a disabled one, how many have lost access (and get it back if it is reactivated). 0 for a deleted one: its
 * holders were dealt with when it was deleted.
 */
export function holdersDependingOn(
  subscriptions: readonly SubscriptionSeats[],
  consumedUnits: number,
  subscriptionId: string,
): number {
  const target = subscriptions.find((subscription) => subscription.id === subscriptionId);
  if (!target || target.state === "deleted") return 0;
  const otherSeats = subscriptions
    .filter((subscription) => subscription.id !== subscriptionId && isUsable(subscription.state))
    .reduce((sum, subscription) => sum + subscription.seats, 0);
  return Math.min(target.seats, Math.max(0, consumedUnits - otherSeats));
}

/** Every product in conflict, in product id order. */
export function detectConflicts(products: readonly ProductHoldings[]): LicenseConflict[] {
  return products
    .map(detectConflict)
    .filter((conflict): conflict is LicenseConflict => conflict !== null)
    .sort((a, b) => a.productId.localeCompare(b.productId));
}
