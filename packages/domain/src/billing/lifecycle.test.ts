import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SubscriptionSource, SubscriptionState } from "../licensing/seats.js";
import {
  cancelSubscription,
  DISABLED_DAYS,
  dueLifecycleSteps,
  EXPIRED_GRACE_DAYS,
  type LifecycleStep,
  type LifecycleSubscription,
  lifecycleAt,
  MAX_RENEWALS_PER_RUN,
  nextTransitionAt,
  renewSubscription,
  renewsAutomatically,
  withSteps,
} from "./lifecycle.js";
import { addDays, addMonths, type BillingTerm, DAY_MS, termEnd } from "./terms.js";

/**
 * The subscription lifecycle (as Microsoft 365 documents it): active → expired at term end (30 days) →
 * disabled (90 days) → deleted; auto-renew renews instead; trials never renew; cancelling a monthly subscription
 * skips expired. dueLifecycleSteps is what makes the scheduled job idempotent: applying its steps and asking again
 * yields nothing, and the dates are when each step was due, however late the job runs.
 */

const utc = (iso: string) => new Date(iso);
const START = utc("2024-01-31T09:00:00.000Z");

function subscription(overrides: Partial<LifecycleSubscription> = {}): LifecycleSubscription {
  const termStartsAt = overrides.termStartsAt ?? START;
  const billingTerm = overrides.billingTerm ?? "monthly";
  return {
    state: "active",
    source: "admin",
    autoRenew: false,
    billingTerm,
    termStartsAt,
    termEndsAt: termEnd(termStartsAt, billingTerm),
    stateChangedAt: termStartsAt,
    cancelledAt: null,
    ...overrides,
  };
}

/** What the job does with the steps: the subscription after them. */
const apply = withSteps;

const stepDate = (step: LifecycleStep) => (step.kind === "renew" ? step.termStartsAt : step.at);

describe("renewsAutomatically", () => {
  it.each([
    [true, "admin", null, true],
    [true, "selfService", null, true],
    [false, "admin", null, false],
    [true, "trial", null, false],
    [true, "admin", START, false],
  ] as const)("autoRenew %s, source %s, cancelledAt %s → %s", (autoRenew, source, cancelledAt, expected) => {
    expect(renewsAutomatically({ autoRenew, source, cancelledAt })).toBe(expected);
  });
});

describe("nextTransitionAt", () => {
  it("is the term's end while active, 30 days after expiring, 90 days after disabling, never once deleted", () => {
    const changed = utc("2024-06-01T00:00:00.000Z");
    const base = subscription();
    expect(nextTransitionAt(base)).toEqual(utc("2024-02-29T09:00:00.000Z"));
    expect(nextTransitionAt({ ...base, state: "expired", stateChangedAt: changed })).toEqual(addDays(changed, 30));
    expect(nextTransitionAt({ ...base, state: "disabled", stateChangedAt: changed })).toEqual(addDays(changed, 90));
    expect(nextTransitionAt({ ...base, state: "deleted", stateChangedAt: changed })).toBeNull();
    expect(EXPIRED_GRACE_DAYS).toBe(30);
    expect(DISABLED_DAYS).toBe(90);
  });
});

describe("dueLifecycleSteps", () => {
  it("nothing is due before the term ends", () => {
    const s = subscription();
    expect(dueLifecycleSteps(s, START)).toEqual([]);
    expect(dueLifecycleSteps(s, new Date(s.termEndsAt.getTime() - 1))).toEqual([]);
  });

  it("at the very instant the term ends it expires", () => {
    const s = subscription();
    expect(dueLifecycleSteps(s, s.termEndsAt)).toEqual([{ kind: "expire", at: s.termEndsAt }]);
  });

  it("a 400-day jump without auto-renew: expire at term end, disable 30 days later, delete 90 days after that", () => {
    const s = subscription();
    const end = utc("2024-02-29T09:00:00.000Z");
    expect(dueLifecycleSteps(s, addDays(START, 400))).toEqual([
      { kind: "expire", at: end },
      { kind: "disable", at: addDays(end, 30) },
      { kind: "delete", at: addDays(end, 120) },
    ]);
  });

  it("stops at each stage when the clock has only reached it", () => {
    const s = subscription();
    const end = s.termEndsAt;
    expect(dueLifecycleSteps(s, addDays(end, 29)).map((x) => x.kind)).toEqual(["expire"]);
    expect(dueLifecycleSteps(s, addDays(end, 30)).map((x) => x.kind)).toEqual(["expire", "disable"]);
    expect(dueLifecycleSteps(s, addDays(end, 119)).map((x) => x.kind)).toEqual(["expire", "disable"]);
    expect(dueLifecycleSteps(s, addDays(end, 120)).map((x) => x.kind)).toEqual(["expire", "disable", "delete"]);
  });

  it("an expired subscription is disabled 30 days after it expired, whenever that was", () => {
    const at = utc("2024-05-05T05:05:05.000Z");
    const s = subscription({ state: "expired", stateChangedAt: at });
    expect(dueLifecycleSteps(s, addDays(at, 31))).toEqual([{ kind: "disable", at: addDays(at, 30) }]);
  });

  it("a deleted subscription has nothing due, ever", () => {
    const s = subscription({ state: "deleted", autoRenew: true });
    expect(dueLifecycleSteps(s, addDays(START, 5000))).toEqual([]);
  });

  it("auto-renew renews term after term and never expires", () => {
    const s = subscription({ autoRenew: true });
    const steps = dueLifecycleSteps(s, addDays(START, 400));
    expect(steps.every((step) => step.kind === "renew")).toBe(true);
    // 31 Jan → 29 Feb → 29 Mar → … : 13 monthly terms end within 400 days.
    expect(steps).toHaveLength(13);
    expect(steps[0]).toEqual({
      kind: "renew",
      termStartsAt: utc("2024-02-29T09:00:00.000Z"),
      termEndsAt: utc("2024-03-29T09:00:00.000Z"),
    });
    // Each term starts when the previous one ended.
    let previousEnd = s.termEndsAt;
    for (const step of steps) {
      if (step.kind !== "renew") throw new Error("renewals only");
      expect(step.termStartsAt).toEqual(previousEnd);
      expect(step.termEndsAt).toEqual(addMonths(step.termStartsAt, 1));
      previousEnd = step.termEndsAt;
    }
  });

  it("an annual subscription with auto-renew renews once a year", () => {
    const s = subscription({ autoRenew: true, billingTerm: "annual", termStartsAt: utc("2024-02-29T00:00:00.000Z") });
    expect(dueLifecycleSteps(s, utc("2026-03-01T00:00:00.000Z"))).toEqual([
      { kind: "renew", termStartsAt: utc("2025-02-28T00:00:00.000Z"), termEndsAt: utc("2026-02-28T00:00:00.000Z") },
      { kind: "renew", termStartsAt: utc("2026-02-28T00:00:00.000Z"), termEndsAt: utc("2027-02-28T00:00:00.000Z") },
    ]);
  });

  it("a trial never renews, even with auto-renew on", () => {
    const s = subscription({ source: "trial", autoRenew: true });
    expect(dueLifecycleSteps(s, addDays(START, 400)).map((x) => x.kind)).toEqual(["expire", "disable", "delete"]);
  });

  it("a cancelled subscription never renews, even with auto-renew on", () => {
    const s = subscription({ autoRenew: true, cancelledAt: START });
    expect(dueLifecycleSteps(s, addDays(START, 40)).map((x) => x.kind)).toEqual(["expire"]);
  });

  it(`applies at most ${MAX_RENEWALS_PER_RUN} renewals per run; the next runs apply the rest`, () => {
    let s = subscription({ autoRenew: true, termStartsAt: utc("2020-01-15T00:00:00.000Z") });
    const now = utc("2030-01-20T00:00:00.000Z");
    const first = dueLifecycleSteps(s, now);
    expect(first).toHaveLength(MAX_RENEWALS_PER_RUN);
    let runs = 1;
    s = apply(s, first);
    for (let steps = dueLifecycleSteps(s, now); steps.length > 0; steps = dueLifecycleSteps(s, now)) {
      s = apply(s, steps);
      runs++;
    }
    expect(runs).toBe(Math.ceil(120 / MAX_RENEWALS_PER_RUN));
    expect(s.termStartsAt).toEqual(utc("2030-01-15T00:00:00.000Z"));
    expect(s.termEndsAt).toEqual(utc("2030-02-15T00:00:00.000Z"));
    expect(s.state).toBe("active");
  });
});

describe("lifecycleAt", () => {
  it("applies every due step, also beyond one run's renewals", () => {
    const s = subscription({ autoRenew: true, termStartsAt: utc("2020-01-15T00:00:00.000Z") });
    const now = utc("2030-01-20T00:00:00.000Z");
    expect(lifecycleAt(s, now)).toMatchObject({
      state: "active",
      termStartsAt: utc("2030-01-15T00:00:00.000Z"),
      termEndsAt: utc("2030-02-15T00:00:00.000Z"),
    });
    expect(dueLifecycleSteps(lifecycleAt(s, now), now)).toEqual([]);
  });
  it("an ended term without auto-renew is expired, then disabled, then deleted", () => {
    const s = subscription();
    expect(lifecycleAt(s, addDays(s.termEndsAt, 1)).state).toBe("expired");
    expect(lifecycleAt(s, addDays(s.termEndsAt, EXPIRED_GRACE_DAYS)).state).toBe("disabled");
    expect(lifecycleAt(s, addDays(s.termEndsAt, EXPIRED_GRACE_DAYS + DISABLED_DAYS)).state).toBe("deleted");
  });
  it("nothing due: the same subscription", () => {
    const s = subscription();
    expect(lifecycleAt(s, START)).toEqual(s);
  });
});

describe("cancelSubscription", () => {
  const now = utc("2024-02-10T00:00:00.000Z");
  const PRICE = 1310;
  const cancel = (overrides: Partial<LifecycleSubscription> = {}, price = PRICE, at = now) =>
    cancelSubscription({ ...subscription(overrides), seats: 5 }, at, price);

  it("monthly: disabled now (skips expired), the unused whole days credited", () => {
    // 31 Jan 09:00 → 29 Feb 09:00 (29 days); on 10 Feb 00:00, 19 whole days are not yet begun.
    expect(cancel()).toEqual({
      ok: true,
      state: "disabled",
      at: now,
      credit: { daysLeft: 19, termDays: 29, unitPriceCents: PRICE, amountCents: -Math.round((5 * PRICE * 19) / 29) },
    });
  });
  it("annual with a credit: disabled now, so no seat is usable for a day that was paid back", () => {
    const outcome = cancel({ billingTerm: "annual" });
    expect(outcome).toMatchObject({ ok: true, state: "disabled", at: now });
    if (!outcome.ok || !outcome.credit) throw new Error("expected a credit");
    expect(outcome.credit.amountCents).toBeLessThan(0);
    // 31 Jan 2024 09:00 → 31 Jan 2025 09:00 is 366 days; 356 whole days and 9 hours are left on 10 Feb 00:00.
    expect(outcome.credit.daysLeft).toBe(356);
  });
  it("annual on the term's last day (nothing left to credit): expired now, 30 days of grace", () => {
    const lastDay = new Date(termEnd(START, "annual").getTime() - 3_600_000);
    expect(cancel({ billingTerm: "annual" }, PRICE, lastDay)).toMatchObject({
      ok: true,
      state: "expired",
      credit: { daysLeft: 0, amountCents: 0 },
    });
  });
  it("annual of a free product: expired now, 30 days of grace", () => {
    expect(cancel({ billingTerm: "annual" }, 0)).toMatchObject({
      ok: true,
      state: "expired",
      credit: { amountCents: 0 },
    });
  });
  it("trial (monthly or annual): expired now, nothing credited", () => {
    for (const billingTerm of ["monthly", "annual"] as const) {
      expect(cancel({ source: "trial", billingTerm })).toMatchObject({
        ok: true,
        state: "expired",
        at: now,
        credit: { amountCents: 0 },
      });
    }
  });
  it("self-service monthly: disabled now", () => {
    expect(cancel({ source: "selfService" })).toMatchObject({ state: "disabled" });
  });
  it("expired: disabled now, nothing credited", () => {
    for (const billingTerm of ["monthly", "annual"] as const) {
      expect(cancel({ billingTerm, state: "expired" })).toEqual({ ok: true, state: "disabled", at: now, credit: null });
    }
  });
  it.each(["disabled", "deleted"] as const)("%s: SubscriptionStateInvalid", (state) => {
    expect(cancel({ state })).toEqual({ ok: false, code: "SubscriptionStateInvalid", state });
  });
  it("a credited cancellation goes straight to disabled and then deletion 90 days later", () => {
    const outcome = cancel({ billingTerm: "annual", autoRenew: true });
    if (!outcome.ok) throw new Error("cancel refused");
    const cancelled = subscription({
      billingTerm: "annual",
      autoRenew: true,
      state: outcome.state,
      stateChangedAt: outcome.at,
      cancelledAt: now,
    });
    expect(dueLifecycleSteps(cancelled, addDays(now, 200))).toEqual([{ kind: "delete", at: addDays(now, 90) }]);
  });
  it("an uncredited annual cancellation walks on: disabled 30 days later, deleted 90 after that", () => {
    const outcome = cancel({ billingTerm: "annual", autoRenew: true }, 0);
    if (!outcome.ok) throw new Error("cancel refused");
    const cancelled = subscription({
      billingTerm: "annual",
      autoRenew: true,
      state: outcome.state,
      stateChangedAt: outcome.at,
      cancelledAt: now,
    });
    expect(dueLifecycleSteps(cancelled, addDays(now, 200))).toEqual([
      { kind: "disable", at: addDays(now, 30) },
      { kind: "delete", at: addDays(now, 120) },
    ]);
  });
});

describe("renewSubscription", () => {
  const now = utc("2024-02-10T00:00:00.000Z");
  it("active: the next term, starting when this one ends", () => {
    const s = subscription();
    expect(renewSubscription(s, now)).toEqual({
      ok: true,
      reactivates: false,
      termStartsAt: s.termEndsAt,
      termEndsAt: addMonths(s.termEndsAt, 1),
    });
    const annual = subscription({ billingTerm: "annual" });
    expect(renewSubscription(annual, now)).toMatchObject({
      termStartsAt: annual.termEndsAt,
      termEndsAt: addMonths(annual.termEndsAt, 12),
    });
  });
  it.each(["expired", "disabled"] as const)("%s: reactivated with a new term from now", (state) => {
    for (const billingTerm of ["monthly", "annual"] as const) {
      expect(renewSubscription(subscription({ state, billingTerm }), now)).toEqual({
        ok: true,
        reactivates: true,
        termStartsAt: now,
        termEndsAt: termEnd(now, billingTerm),
      });
    }
  });
  it("deleted: SubscriptionStateInvalid", () => {
    expect(renewSubscription(subscription({ state: "deleted" }), now)).toEqual({
      ok: false,
      code: "SubscriptionStateInvalid",
      state: "deleted",
    });
  });
  it.each(["active", "expired", "disabled", "deleted"] as const)(
    "a %s trial: SubscriptionStateInvalid (it converts)",
    (state) => {
      expect(renewSubscription(subscription({ state, source: "trial" }), now)).toEqual({
        ok: false,
        code: "SubscriptionStateInvalid",
        state,
      });
    },
  );
  it("a reactivated subscription has nothing due until its new term ends", () => {
    const expired = subscription({ state: "expired", stateChangedAt: utc("2024-02-29T09:00:00.000Z") });
    const outcome = renewSubscription(expired, now);
    if (!outcome.ok) throw new Error("renew refused");
    const reactivated = {
      ...expired,
      state: "active" as const,
      stateChangedAt: now,
      termStartsAt: outcome.termStartsAt,
      termEndsAt: outcome.termEndsAt,
    };
    expect(dueLifecycleSteps(reactivated, addDays(now, 28))).toEqual([]);
    expect(dueLifecycleSteps(reactivated, outcome.termEndsAt)).toEqual([{ kind: "expire", at: outcome.termEndsAt }]);
  });
});

// ── Properties ──────────────────────────────────────────────────────────────────────────────────────────────────

const arbitraryTerm = fc.constantFrom<BillingTerm>("monthly", "annual");
const arbitraryState = fc.constantFrom<SubscriptionState>("active", "expired", "disabled", "deleted");
const arbitrarySource = fc.constantFrom<SubscriptionSource>("admin", "trial", "selfService");
const arbitraryInstant = (min: number, max: number) => fc.integer({ min, max }).map((ms) => new Date(ms));

const arbitrarySubscription = fc
  .record({
    state: arbitraryState,
    source: arbitrarySource,
    autoRenew: fc.boolean(),
    billingTerm: arbitraryTerm,
    termStartsAt: arbitraryInstant(Date.UTC(2020, 0, 1), Date.UTC(2030, 0, 1)),
    stateChangedOffset: fc.integer({ min: 0, max: 400 * DAY_MS }),
    cancelled: fc.boolean(),
  })
  .map(
    (r): LifecycleSubscription => ({
      state: r.state,
      source: r.source,
      autoRenew: r.autoRenew,
      billingTerm: r.billingTerm,
      termStartsAt: r.termStartsAt,
      termEndsAt: termEnd(r.termStartsAt, r.billingTerm),
      stateChangedAt: new Date(r.termStartsAt.getTime() + r.stateChangedOffset),
      cancelledAt: r.cancelled ? r.termStartsAt : null,
    }),
  );

/** A subscription and a "now" up to three years after its term started (fewer renewals than one run's cap). */
const arbitraryCase = arbitrarySubscription.chain((s) =>
  fc.record({
    s: fc.constant(s),
    now: arbitraryInstant(s.termStartsAt.getTime(), s.termStartsAt.getTime() + 3 * 365 * DAY_MS),
  }),
);

describe("dueLifecycleSteps, properties", () => {
  it("steps are in date order, none later than now, the first when the current state or term ends", () => {
    fc.assert(
      fc.property(arbitraryCase, ({ s, now }) => {
        const steps = dueLifecycleSteps(s, now);
        const first = steps[0];
        if (first) expect(stepDate(first)).toEqual(nextTransitionAt(s));
        let previous = -Infinity;
        for (const step of steps) {
          const at = stepDate(step).getTime();
          expect(at).toBeGreaterThanOrEqual(previous);
          expect(at).toBeLessThanOrEqual(now.getTime());
          previous = at;
        }
      }),
    );
  });

  it("applying the steps and asking again yields none (the job is idempotent)", () => {
    fc.assert(
      fc.property(arbitraryCase, ({ s, now }) => {
        const after = apply(s, dueLifecycleSteps(s, now));
        expect(dueLifecycleSteps(after, now)).toEqual([]);
      }),
    );
  });

  it("running late gives the same result as running at every step (any split of time)", () => {
    fc.assert(
      fc.property(arbitraryCase, fc.double({ min: 0, max: 1, noNaN: true }), ({ s, now }, fraction) => {
        const middle = new Date(
          s.termStartsAt.getTime() + Math.floor((now.getTime() - s.termStartsAt.getTime()) * fraction),
        );
        const inTwo = apply(
          apply(s, dueLifecycleSteps(s, middle)),
          dueLifecycleSteps(apply(s, dueLifecycleSteps(s, middle)), now),
        );
        expect(inTwo).toEqual(apply(s, dueLifecycleSteps(s, now)));
      }),
    );
  });

  it("states only move forward: active → expired → disabled → deleted, each at most once", () => {
    const order: Record<SubscriptionState, number> = { active: 0, expired: 1, disabled: 2, deleted: 3 };
    fc.assert(
      fc.property(arbitraryCase, ({ s, now }) => {
        const kinds = dueLifecycleSteps(s, now)
          .filter((step) => step.kind !== "renew")
          .map((step) => step.kind);
        const expected = (["expire", "disable", "delete"] as const).slice(order[s.state]).slice(0, kinds.length);
        expect(kinds).toEqual(expected);
      }),
    );
  });

  it("a subscription that renews automatically and is active only ever renews", () => {
    fc.assert(
      fc.property(arbitraryCase, ({ s, now }) => {
        fc.pre(s.state === "active" && renewsAutomatically(s));
        const steps = dueLifecycleSteps(s, now);
        expect(steps.every((step) => step.kind === "renew")).toBe(true);
        const after = apply(s, steps);
        expect(after.termEndsAt.getTime()).toBeGreaterThan(now.getTime());
        expect(after.termStartsAt.getTime()).toBeLessThanOrEqual(Math.max(now.getTime(), s.termStartsAt.getTime()));
      }),
    );
  });

  it("trials and subscriptions without auto-renew never renew", () => {
    fc.assert(
      fc.property(arbitraryCase, ({ s, now }) => {
        fc.pre(!renewsAutomatically(s));
        expect(dueLifecycleSteps(s, now).some((step) => step.kind === "renew")).toBe(false);
      }),
    );
  });

  it("an active subscription without renewal: expire at term end, disable +30 d, delete +120 d", () => {
    fc.assert(
      fc.property(arbitrarySubscription, fc.integer({ min: 0, max: 400 }), (base, daysAfter) => {
        const s = { ...base, state: "active" as const, autoRenew: false };
        const now = addDays(s.termEndsAt, daysAfter);
        const expected: LifecycleStep[] = [{ kind: "expire", at: s.termEndsAt }];
        if (daysAfter >= 30) expected.push({ kind: "disable", at: addDays(s.termEndsAt, 30) });
        if (daysAfter >= 120) expected.push({ kind: "delete", at: addDays(s.termEndsAt, 120) });
        expect(dueLifecycleSteps(s, now)).toEqual(expected);
      }),
    );
  });
});

describe("cancel and renew, properties", () => {
  it("cancel is refused exactly for disabled and deleted; it never leaves a subscription active, nor usable after a credit", () => {
    fc.assert(
      fc.property(
        arbitraryCase,
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 0, max: 100_000 }),
        ({ s, now }, seats, price) => {
          const outcome = cancelSubscription({ ...s, seats }, now, price);
          if (s.state === "disabled" || s.state === "deleted") {
            expect(outcome).toEqual({ ok: false, code: "SubscriptionStateInvalid", state: s.state });
            return;
          }
          if (!outcome.ok) throw new Error("cancel refused");
          expect(outcome.at).toEqual(now);
          const credited = (outcome.credit?.amountCents ?? 0) < 0;
          const monthlyPaid = s.state === "active" && s.billingTerm === "monthly" && s.source !== "trial";
          expect(outcome.state).toBe(s.state === "expired" || monthlyPaid || credited ? "disabled" : "expired");
          if (s.source === "trial" || s.state === "expired") expect(credited).toBe(false);
        },
      ),
    );
  });

  it("renew is refused exactly for deleted ones and trials; reactivation starts a whole term from now", () => {
    fc.assert(
      fc.property(arbitraryCase, ({ s, now }) => {
        const outcome = renewSubscription(s, now);
        if (s.state === "deleted" || s.source === "trial") {
          expect(outcome.ok).toBe(false);
          return;
        }
        if (!outcome.ok) throw new Error("renew refused");
        expect(outcome.reactivates).toBe(s.state !== "active");
        const from = outcome.reactivates ? now : s.termEndsAt;
        expect(outcome.termStartsAt).toEqual(from);
        expect(outcome.termEndsAt).toEqual(termEnd(from, s.billingTerm));
      }),
    );
  });
});
