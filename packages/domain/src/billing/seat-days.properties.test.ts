import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isUsable } from "../licensing/seats.js";
import {
  cancelSubscription,
  dueLifecycleSteps,
  type LifecycleStep,
  type LifecycleSubscription,
  renewSubscription,
} from "./lifecycle.js";
import { fullTermCents, prorate } from "./proration.js";
import { type BillingTerm, DAY_MS, termEnd, termPriceCents } from "./terms.js";

/**
 * No free seat-days: over random sequences of buy / add seats / remove seats / cancel / renew / auto-renew toggles /
 * clock moves, driven through the domain's own billing rules (the functions the API bills with), the money charged
 * is never less than the seat-days that were usable × the daily price of their term, within a cent per change.
 *
 * One allowance is not owed: the 30-day grace of a term that ran out (or was cancelled) without anything credited,
 * which Microsoft 365 gives for free. Any other usable day is owed, so a cancellation that credits the term and
 * leaves the seats usable (the hole this property was written for) fails it.
 */

interface SimSubscription extends LifecycleSubscription {
  seats: number;
  pricePerSeatMonthCents: number;
  /** In grace after a term ended without a credit: the free allowance. */
  freeGrace: boolean;
}

interface World {
  now: Date;
  subscriptions: SimSubscription[];
  /** Sum of every order's amount (charges positive, credits negative), in cents. */
  chargedCents: number;
  /** Usable seat-days × daily price, in (fractional) cents. */
  owedCents: number;
  /** Orders that moved money: each may round by half a cent. */
  changes: number;
}

type Operation =
  | { kind: "buy"; seats: number; term: BillingTerm; autoRenew: boolean; pricePerSeatMonthCents: number }
  | { kind: "changeSeats"; pick: number; seats: number }
  | { kind: "cancel"; pick: number }
  | { kind: "renew"; pick: number }
  | { kind: "autoRenew"; pick: number; on: boolean }
  | { kind: "wait"; ms: number };

const termDays = (s: SimSubscription) =>
  Math.max(1, Math.ceil((s.termEndsAt.getTime() - s.termStartsAt.getTime()) / DAY_MS));

function charge(world: World, amountCents: number) {
  world.chargedCents += amountCents;
  if (amountCents !== 0) world.changes += 1;
}

/** What the seats of one subscription were worth from `from` to `to` in its current state. */
function accrue(world: World, s: SimSubscription, from: number, to: number) {
  if (to <= from || !isUsable(s.state) || (s.state === "expired" && s.freeGrace)) return;
  const dailyCents = termPriceCents(s.pricePerSeatMonthCents, s.billingTerm) / termDays(s);
  world.owedCents += (s.seats * dailyCents * (to - from)) / DAY_MS;
}

function applyStep(world: World, s: SimSubscription, step: LifecycleStep) {
  if (step.kind === "renew") {
    charge(world, fullTermCents(s.pricePerSeatMonthCents, s.billingTerm, s.seats));
    Object.assign(s, { termStartsAt: step.termStartsAt, termEndsAt: step.termEndsAt });
    return;
  }
  const state = step.kind === "expire" ? "expired" : step.kind === "disable" ? "disabled" : "deleted";
  // A term that simply ran out was paid in full and nothing came back: its grace is the free allowance.
  Object.assign(s, { state, stateChangedAt: step.at, freeGrace: step.kind === "expire" ? true : s.freeGrace });
}

/** Moves the clock, walking every subscription through the lifecycle steps due on the way (the scheduled job). */
function advance(world: World, to: Date) {
  for (const s of world.subscriptions) {
    let cursor = world.now.getTime();
    for (let steps = dueLifecycleSteps(s, to); steps.length > 0; steps = dueLifecycleSteps(s, to)) {
      for (const step of steps) {
        const at = (step.kind === "renew" ? step.termStartsAt : step.at).getTime();
        accrue(world, s, cursor, at);
        applyStep(world, s, step);
        cursor = Math.max(cursor, at);
      }
    }
    accrue(world, s, cursor, to.getTime());
  }
  world.now = to;
}

function perform(world: World, operation: Operation) {
  const now = world.now;
  if (operation.kind === "wait") return advance(world, new Date(now.getTime() + operation.ms));
  if (operation.kind === "buy") {
    charge(world, fullTermCents(operation.pricePerSeatMonthCents, operation.term, operation.seats));
    world.subscriptions.push({
      state: "active",
      source: "admin",
      autoRenew: operation.autoRenew,
      billingTerm: operation.term,
      termStartsAt: now,
      termEndsAt: termEnd(now, operation.term),
      stateChangedAt: now,
      cancelledAt: null,
      seats: operation.seats,
      pricePerSeatMonthCents: operation.pricePerSeatMonthCents,
      freeGrace: false,
    });
    return;
  }
  const s = world.subscriptions[operation.pick % Math.max(1, world.subscriptions.length)];
  if (!s) return;
  switch (operation.kind) {
    case "changeSeats": {
      // Seats change on an active subscription only (the API refuses others with SubscriptionStateInvalid).
      if (s.state !== "active" || operation.seats === s.seats) return;
      const proration = prorate({
        pricePerSeatMonthCents: s.pricePerSeatMonthCents,
        term: s.billingTerm,
        termStartsAt: s.termStartsAt,
        termEndsAt: s.termEndsAt,
        at: now,
        seatsDelta: operation.seats - s.seats,
      });
      charge(world, proration.amountCents);
      s.seats = operation.seats;
      return;
    }
    case "cancel": {
      const outcome = cancelSubscription(s, now, s.pricePerSeatMonthCents);
      if (!outcome.ok) return;
      const creditCents = outcome.credit?.amountCents ?? 0;
      charge(world, creditCents);
      Object.assign(s, {
        state: outcome.state,
        stateChangedAt: outcome.at,
        cancelledAt: now,
        autoRenew: false,
        // Grace is free only when nothing was paid back; after a credit every usable day is owed again.
        freeGrace: outcome.state === "expired" && creditCents === 0,
      });
      return;
    }
    case "renew": {
      const outcome = renewSubscription(s, now);
      if (!outcome.ok) return;
      if (outcome.reactivates) {
        charge(world, fullTermCents(s.pricePerSeatMonthCents, s.billingTerm, s.seats));
        Object.assign(s, {
          state: "active",
          stateChangedAt: now,
          termStartsAt: outcome.termStartsAt,
          termEndsAt: outcome.termEndsAt,
          freeGrace: false,
        });
      }
      Object.assign(s, { autoRenew: true, cancelledAt: null });
      return;
    }
    case "autoRenew":
      if (s.state === "active") s.autoRenew = operation.on;
      return;
  }
}

const arbitraryOperation: fc.Arbitrary<Operation> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("buy" as const),
      seats: fc.integer({ min: 1, max: 500 }),
      term: fc.constantFrom<BillingTerm>("monthly", "annual"),
      autoRenew: fc.boolean(),
      pricePerSeatMonthCents: fc.integer({ min: 0, max: 100_000 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("changeSeats" as const),
      pick: fc.nat(),
      seats: fc.integer({ min: 1, max: 500 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("cancel" as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("renew" as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("autoRenew" as const), pick: fc.nat(), on: fc.boolean() }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("wait" as const),
      // From a minute (changes inside one day) to well past a year (renewals, grace, deletion).
      ms: fc.oneof(
        fc.integer({ min: 60_000, max: DAY_MS }),
        fc.integer({ min: DAY_MS, max: 40 * DAY_MS }),
        fc.integer({ min: 40 * DAY_MS, max: 400 * DAY_MS }),
      ),
    }),
  },
);

const arbitraryStart = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2040, 0, 1) }).map((ms) => new Date(ms));

function run(start: Date, operations: readonly Operation[], check: (world: World, step: number) => void) {
  const world: World = { now: start, subscriptions: [], chargedCents: 0, owedCents: 0, changes: 0 };
  operations.forEach((operation, step) => {
    perform(world, operation);
    check(world, step);
  });
  return world;
}

const neverShort = (world: World) => {
  expect(world.chargedCents).toBeGreaterThanOrEqual(world.owedCents - world.changes);
};

describe("money charged covers every usable seat-day", () => {
  it("for any sequence of billing changes and clock moves, at every step", () => {
    fc.assert(
      fc.property(
        arbitraryStart,
        fc.array(arbitraryOperation, { minLength: 1, maxLength: 60 }),
        (start, operations) => {
          run(start, operations, neverShort);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("buying an annual term and cancelling it the same day leaves no seat usable afterwards", () => {
    fc.assert(
      fc.property(
        arbitraryStart,
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 0, max: DAY_MS - 1 }),
        (start, seats, pricePerSeatMonthCents, later) => {
          const world = run(
            start,
            [
              { kind: "buy", seats, term: "annual", autoRenew: true, pricePerSeatMonthCents },
              { kind: "wait", ms: later + 1 },
              { kind: "cancel", pick: 0 },
              { kind: "wait", ms: 60 * DAY_MS },
            ],
            neverShort,
          );
          const [subscription] = world.subscriptions;
          if (!subscription) throw new Error("nothing bought");
          expect(subscription.state).toBe("disabled");
          // Paid: the started day, for every seat (within the cent the credit may round).
          const oneDayCents = (seats * termPriceCents(pricePerSeatMonthCents, "annual")) / termDays(subscription);
          expect(world.chargedCents).toBeGreaterThanOrEqual(oneDayCents - 1);
        },
      ),
    );
  });

  it("renew → cancel, again and again, never adds up to free seats", () => {
    fc.assert(
      fc.property(
        arbitraryStart,
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 60_000, max: 3 * DAY_MS }),
        (start, seats, pricePerSeatMonthCents, rounds, gap) => {
          const cycle: Operation[] = [
            { kind: "renew", pick: 0 },
            { kind: "wait", ms: gap },
            { kind: "cancel", pick: 0 },
            { kind: "wait", ms: gap },
          ];
          run(
            start,
            [
              { kind: "buy", seats, term: "annual", autoRenew: false, pricePerSeatMonthCents },
              { kind: "cancel", pick: 0 },
              ...Array.from({ length: rounds }, () => cycle).flat(),
            ],
            neverShort,
          );
        },
      ),
    );
  });

  it("a term that runs out keeps its 30 days of grace, uncharged and uncredited", () => {
    const start = new Date(Date.UTC(2025, 0, 15));
    const world = run(
      start,
      [
        { kind: "buy", seats: 10, term: "monthly", autoRenew: false, pricePerSeatMonthCents: 1310 },
        { kind: "wait", ms: 45 * DAY_MS },
      ],
      neverShort,
    );
    expect(world.subscriptions[0]?.state).toBe("expired");
    expect(world.chargedCents).toBe(13_100);
    expect(world.owedCents).toBeCloseTo(13_100, 6);
  });
});
