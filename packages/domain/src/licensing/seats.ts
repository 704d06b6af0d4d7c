/**
 * Seat arithmetic of one product in one tenant, in Microsoft Graph's terms (subscribedSku): prepaidUnits split by
 * subscription state, consumedUnits, and what an admin can still assign. Pure: callers load the rows.
 */

export type SubscriptionState = "active" | "expired" | "disabled" | "deleted";
export type SubscriptionSource = "admin" | "trial" | "selfService";
export type CapabilityStatus = "Enabled" | "Warning" | "Suspended" | "Deleted";

export interface SubscriptionSeats {
  id: string;
  seats: number;
  state: SubscriptionState;
  source: SubscriptionSource;
  /** Self-service subscriptions are the buyer's until an admin takes them over. */
  takenOver: boolean;
  /**
   * Seats of a self-service subscription its buyer gave to people (before a take-over). Those holders count in the
   * product's consumedUnits but are backed by this subscription, not by the admins' seats.
   */
  ownerAssigned?: number;
}

export interface PrepaidUnits {
  /** Seats of active subscriptions. */
  enabled: number;
  /** Seats of expired subscriptions in their 30-day grace: still usable. */
  warning: number;
  /** Seats of disabled subscriptions: users lose access, nothing new can be assigned. */
  suspended: number;
  /** Seats of deleted subscriptions. */
  lockedOut: number;
}

export interface SeatSummary {
  prepaidUnits: PrepaidUnits;
  consumedUnits: number;
  /** Seats users may hold: enabled + warning. */
  usableUnits: number;
  /** Seats an admin may still hand out: usable seats of admin-assignable subscriptions, less what is consumed. */
  available: number;
  capabilityStatus: CapabilityStatus;
}

/** Whether an admin can assign from a subscription (DESIGN.md §2: not a maker's self-service one until taken over). */
export function isAdminAssignable(subscription: SubscriptionSeats): boolean {
  return subscription.source !== "selfService" || subscription.takenOver;
}

export function isUsable(state: SubscriptionState): boolean {
  return state === "active" || state === "expired";
}

const BUCKET: Record<SubscriptionState, keyof PrepaidUnits> = {
  active: "enabled",
  expired: "warning",
  disabled: "suspended",
  deleted: "lockedOut",
};

export function summarizeSeats(subscriptions: readonly SubscriptionSeats[], consumedUnits: number): SeatSummary {
  const prepaidUnits: PrepaidUnits = { enabled: 0, warning: 0, suspended: 0, lockedOut: 0 };
  let assignable = 0;
  for (const subscription of subscriptions) {
    prepaidUnits[BUCKET[subscription.state]] += subscription.seats;
    if (!isUsable(subscription.state)) continue;
    // A buyer's own assignments are consumed but not from the admins' seats: they offset their share of consumed.
    assignable += isAdminAssignable(subscription) ? subscription.seats : (subscription.ownerAssigned ?? 0);
  }
  return {
    prepaidUnits,
    consumedUnits,
    usableUnits: prepaidUnits.enabled + prepaidUnits.warning,
    available: Math.max(0, assignable - consumedUnits),
    capabilityStatus: capabilityStatus(subscriptions),
  };
}

/** The product's status as Graph reports it: the best state any of its subscriptions is in. */
function capabilityStatus(subscriptions: readonly SubscriptionSeats[]): CapabilityStatus {
  const states = new Set(subscriptions.map((subscription) => subscription.state));
  if (states.has("active")) return "Enabled";
  if (states.has("expired")) return "Warning";
  if (states.has("disabled")) return "Suspended";
  return "Deleted";
}
