import type { SubscriptionSource, SubscriptionState } from "../licensing/seats.js";
import { type Proration, prorate } from "./proration.js";
import { addDays, type BillingTerm, termEnd } from "./terms.js";

/**
 * The subscription lifecycle as Microsoft 365 documents it:
 *
 *   active ──term ends, no auto-renew──▶ expired (30 days, still usable) ──▶ disabled (90 days, not usable) ──▶ deleted
 *
 * Auto-renew starts the next term instead of expiring. Cancelling with a credit for unused days (and cancelling any
 * monthly subscription) goes straight to disabled; cancelling an annual one without a credit starts the grace
 * period now. Reactivating an expired or disabled subscription starts a
 * new term. Each transition is dated when it was due, not when a job noticed it, so a job that runs late (or a
 * clock moved by months in a test) reaches the same states and dates as one that ran every minute.
 */

export const EXPIRED_GRACE_DAYS = 30;
export const DISABLED_DAYS = 90;
/** Bounds the renewals one run applies after a very long pause; the next run applies the rest. */
export const MAX_RENEWALS_PER_RUN = 36;

export interface LifecycleSubscription {
  state: SubscriptionState;
  source: SubscriptionSource;
  autoRenew: boolean;
  billingTerm: BillingTerm;
  termStartsAt: Date;
  termEndsAt: Date;
  /** When the subscription entered its current state. */
  stateChangedAt: Date;
  cancelledAt: Date | null;
}

export type LifecycleStep =
  | { kind: "renew"; termStartsAt: Date; termEndsAt: Date }
  | { kind: "expire"; at: Date }
  | { kind: "disable"; at: Date }
  | { kind: "delete"; at: Date };

/** Trials and cancelled subscriptions never renew by themselves. */
export function renewsAutomatically(subscription: Pick<LifecycleSubscription, "autoRenew" | "source" | "cancelledAt">) {
  return subscription.autoRenew && subscription.source !== "trial" && subscription.cancelledAt === null;
}

/** When the subscription leaves its current state if nothing is done, or null when it never does by itself. */
export function nextTransitionAt(subscription: LifecycleSubscription): Date | null {
  switch (subscription.state) {
    case "active":
      return subscription.termEndsAt;
    case "expired":
      return addDays(subscription.stateChangedAt, EXPIRED_GRACE_DAYS);
    case "disabled":
      return addDays(subscription.stateChangedAt, DISABLED_DAYS);
    case "deleted":
      return null;
  }
}

/**
 * The transitions due at `now`, in order. Applying them and asking again gives none: the function is what makes the
 * scheduled job idempotent.
 */
export function dueLifecycleSteps(subscription: LifecycleSubscription, now: Date): LifecycleStep[] {
  const steps: LifecycleStep[] = [];
  let current = { ...subscription };
  for (;;) {
    const due = nextTransitionAt(current);
    if (due === null || due.getTime() > now.getTime()) return steps;
    if (current.state === "active" && renewsAutomatically(current)) {
      if (steps.length >= MAX_RENEWALS_PER_RUN) return steps;
      const termStartsAt = current.termEndsAt;
      const termEndsAt = termEnd(termStartsAt, current.billingTerm);
      steps.push({ kind: "renew", termStartsAt, termEndsAt });
      current = { ...current, termStartsAt, termEndsAt };
      continue;
    }
    const kind = current.state === "active" ? "expire" : current.state === "expired" ? "disable" : "delete";
    const state: SubscriptionState = kind === "expire" ? "expired" : kind === "disable" ? "disabled" : "deleted";
    steps.push({ kind, at: due });
    current = { ...current, state, stateChangedAt: due };
  }
}

/** The subscription after these steps, as the scheduled job would write it. */
export function withSteps<T extends LifecycleSubscription>(subscription: T, steps: readonly LifecycleStep[]): T {
  let next = { ...subscription };
  for (const step of steps) {
    if (step.kind === "renew") next = { ...next, termStartsAt: step.termStartsAt, termEndsAt: step.termEndsAt };
    else {
      const state: SubscriptionState =
        step.kind === "expire" ? "expired" : step.kind === "disable" ? "disabled" : "deleted";
      next = { ...next, state, stateChangedAt: step.at };
    }
  }
  return next;
}

/** The subscription as it is at `now`, every due step applied (however many runs of the job that would take). */
export function lifecycleAt<T extends LifecycleSubscription>(subscription: T, now: Date): T {
  let current = subscription;
  for (let steps = dueLifecycleSteps(current, now); steps.length > 0; steps = dueLifecycleSteps(current, now)) {
    current = withSteps(current, steps);
  }
  return current;
}

export type CancelOutcome =
  | {
      ok: true;
      state: SubscriptionState;
      at: Date;
      /**
       * An active term's unused days given back (a negative amount; 0 for a free trial), or null for a subscription
       * in grace, which has no unused days left.
       */
      credit: Proration | null;
    }
  | { ok: false; code: "SubscriptionStateInvalid"; state: SubscriptionState };

/**
 * Cancelling. A cancellation that credits money ends the seats at once: the subscription is disabled (users lose
 * access, nothing can be assigned from it, holders are in a license conflict until it is deleted), so seats are
 * never usable for days that were paid back. Without a credit (a free trial, a free product, or the term's last
 * day) a monthly subscription is still disabled at once, and an annual one or a trial enters its 30-day grace, like
 * one that runs out. A subscription in grace is disabled (it has no unused days to credit).
 */
export function cancelSubscription(
  subscription: LifecycleSubscription & { seats: number },
  now: Date,
  pricePerSeatMonthCents: number,
): CancelOutcome {
  if (subscription.state === "expired") return { ok: true, state: "disabled", at: now, credit: null };
  if (subscription.state !== "active") {
    return { ok: false, code: "SubscriptionStateInvalid", state: subscription.state };
  }
  const free = subscription.source === "trial";
  const proration = prorate({
    pricePerSeatMonthCents: free ? 0 : pricePerSeatMonthCents,
    term: subscription.billingTerm,
    termStartsAt: subscription.termStartsAt,
    termEndsAt: subscription.termEndsAt,
    at: now,
    seatsDelta: -subscription.seats,
  });
  const credited = proration.amountCents < 0;
  const skipsGrace = credited || (subscription.billingTerm === "monthly" && !free);
  return { ok: true, state: skipsGrace ? "disabled" : "expired", at: now, credit: proration };
}

export type RenewOutcome =
  | { ok: true; reactivates: boolean; termStartsAt: Date; termEndsAt: Date }
  | { ok: false; code: "SubscriptionStateInvalid"; state: SubscriptionState };

/**
 * A manual renewal, as Microsoft 365 offers it. An active subscription is set to renew into its next term (the
 * one returned, starting when this one ends and billed when it starts): auto-renew is turned back on. An expired or
 * disabled one is reactivated with a new term from now, billed now. Deleted is final; a trial converts instead.
 */
export function renewSubscription(subscription: LifecycleSubscription, now: Date): RenewOutcome {
  if (subscription.state === "deleted" || subscription.source === "trial") {
    return { ok: false, code: "SubscriptionStateInvalid", state: subscription.state };
  }
  if (subscription.state === "active") {
    const termStartsAt = subscription.termEndsAt;
    return { ok: true, reactivates: false, termStartsAt, termEndsAt: termEnd(termStartsAt, subscription.billingTerm) };
  }
  return { ok: true, reactivates: true, termStartsAt: now, termEndsAt: termEnd(now, subscription.billingTerm) };
}
