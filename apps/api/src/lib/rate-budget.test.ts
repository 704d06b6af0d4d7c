import { describe, expect, it } from "vitest";
import { MovableClock } from "./clock.js";
import { RateBudget } from "./rate-budget.js";

const T0 = new Date("2030-01-01T00:00:00Z");

describe("RateBudget", () => {
  it("lets a key through `limit` times per window, then says how long to wait", () => {
    const clock = new MovableClock(T0);
    const budget = new RateBudget(clock, 60_000);
    const one = [{ key: "a", limit: 2 }];
    expect(budget.spend(one)).toEqual({ allowed: true });
    expect(budget.spend(one)).toEqual({ allowed: true });
    expect(budget.spend(one)).toEqual({ allowed: false, retryAfterSeconds: 60 });
    clock.set(new Date(T0.getTime() + 59_500));
    expect(budget.spend(one)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    clock.set(new Date(T0.getTime() + 60_000));
    expect(budget.spend(one)).toEqual({ allowed: true });
  });

  it("spends every budget or none: a refusal by one leaves the others untouched", () => {
    const clock = new MovableClock(T0);
    const budget = new RateBudget(clock);
    expect(budget.spend([{ key: "session", limit: 1 }])).toEqual({ allowed: true });
    expect(
      budget.spend([
        { key: "session", limit: 1 },
        { key: "tenant", limit: 1 },
      ]).allowed,
    ).toBe(false);
    // The tenant's one request is still there for another session.
    expect(
      budget.spend([
        { key: "other", limit: 1 },
        { key: "tenant", limit: 1 },
      ]),
    ).toEqual({ allowed: true });
  });

  it("the longest wait wins when several budgets are spent", () => {
    const clock = new MovableClock(T0);
    const budget = new RateBudget(clock);
    budget.spend([{ key: "tenant", limit: 1 }]);
    clock.set(new Date(T0.getTime() + 30_000));
    budget.spend([{ key: "session", limit: 1 }]);
    const refused = budget.spend([
      { key: "session", limit: 1 },
      { key: "tenant", limit: 1 },
    ]);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 60 });
  });

  it("a clock set back starts a fresh window instead of waiting for a far future one to end", () => {
    const clock = new MovableClock(T0);
    const budget = new RateBudget(clock);
    budget.spend([{ key: "a", limit: 1 }]);
    clock.set(new Date(T0.getTime() - 86_400_000));
    expect(budget.spend([{ key: "a", limit: 1 }])).toEqual({ allowed: true });
  });
});
