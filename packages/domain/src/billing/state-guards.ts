import type { SubscriptionSource, SubscriptionState } from "../licensing/seats.js";

/**
 * Which changes a subscription's state and source allow, beside cancelSubscription and renewSubscription: a refusal
 * names its reason, and the API words it (SubscriptionStateInvalid).
 */

export interface GuardedSubscription {
  state: SubscriptionState;
  source: SubscriptionSource;
}

export type StateGuard<Reason extends string> =
  | { ok: true }
  | { ok: false; code: "SubscriptionStateInvalid"; reason: Reason; state: SubscriptionState };

const allowed = { ok: true } as const;

function refused<Reason extends string>(reason: Reason, state: SubscriptionState): StateGuard<Reason> {
  return { ok: false, code: "SubscriptionStateInvalid", reason, state };
}

/** Seats change on an active paid subscription only: a trial's seats are fixed (convert it instead). */
export function checkSeatChange(subscription: GuardedSubscription): StateGuard<"trialSeatsFixed" | "notActive"> {
  if (subscription.source === "trial") return refused("trialSeatsFixed", subscription.state);
  if (subscription.state !== "active") return refused("notActive", subscription.state);
  return allowed;
}

/** Auto-renew changes on an active subscription only, and a trial cannot be set to renew (it converts instead). */
export function checkAutoRenewChange(
  subscription: GuardedSubscription,
  autoRenew: boolean,
): StateGuard<"trialDoesNotRenew" | "notActive"> {
  if (subscription.source === "trial" && autoRenew) return refused("trialDoesNotRenew", subscription.state);
  if (subscription.state !== "active") return refused("notActive", subscription.state);
  return allowed;
}

/** An admin takes over a maker's self-service subscription once, while it is not deleted. */
export function checkTakeOver(
  subscription: GuardedSubscription & { takenOver: boolean },
): StateGuard<"notSelfService" | "alreadyTakenOver" | "deleted"> {
  if (subscription.source !== "selfService") return refused("notSelfService", subscription.state);
  if (subscription.takenOver) return refused("alreadyTakenOver", subscription.state);
  if (subscription.state === "deleted") return refused("deleted", subscription.state);
  return allowed;
}

/** Only a trial converts to a paid subscription, and not once it is deleted (buy the product instead). */
export function checkTrialConversion(subscription: GuardedSubscription): StateGuard<"notTrial" | "deleted"> {
  if (subscription.source !== "trial") return refused("notTrial", subscription.state);
  if (subscription.state === "deleted") return refused("deleted", subscription.state);
  return allowed;
}
