import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type SubscriptionSeats, summarizeSeats } from "./seats.js";

const sub = (over: Partial<SubscriptionSeats> & { seats: number }): SubscriptionSeats => ({
  id: "s",
  state: "active",
  source: "admin",
  takenOver: false,
  ...over,
});

describe("summarizeSeats", () => {
  it("splits prepaid units by subscription state, as Graph's subscribedSku does", () => {
    const summary = summarizeSeats(
      [
        sub({ seats: 10, state: "active" }),
        sub({ seats: 5, state: "expired" }),
        sub({ seats: 3, state: "disabled" }),
        sub({ seats: 2, state: "deleted" }),
      ],
      12,
    );
    expect(summary.prepaidUnits).toEqual({ enabled: 10, warning: 5, suspended: 3, lockedOut: 2 });
    expect(summary.usableUnits).toBe(15);
    expect(summary.available).toBe(3);
    expect(summary.capabilityStatus).toBe("Enabled");
  });

  it("does not let admins assign from a maker's self-service subscription until it is taken over", () => {
    const selfService = sub({ seats: 5, source: "selfService" });
    expect(summarizeSeats([selfService], 0).available).toBe(0);
    expect(summarizeSeats([{ ...selfService, takenOver: true }], 0).available).toBe(5);
  });

  it("reports the best state among the subscriptions", () => {
    expect(
      summarizeSeats([sub({ seats: 1, state: "expired" }), sub({ seats: 1, state: "disabled" })], 0).capabilityStatus,
    ).toBe("Warning");
    expect(summarizeSeats([sub({ seats: 1, state: "disabled" })], 0).capabilityStatus).toBe("Suspended");
    expect(summarizeSeats([sub({ seats: 1, state: "deleted" })], 0).capabilityStatus).toBe("Deleted");
    expect(summarizeSeats([], 0).capabilityStatus).toBe("Deleted");
  });

  it("never reports negative availability, and available + consumed covers at most the usable seats", () => {
    const subscription = fc.record({
      id: fc.uuid(),
      seats: fc.nat({ max: 1000 }),
      state: fc.constantFrom("active", "expired", "disabled", "deleted" as const),
      source: fc.constantFrom("admin", "trial", "selfService" as const),
      takenOver: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(subscription, { maxLength: 8 }), fc.nat({ max: 5000 }), (subscriptions, consumed) => {
        const summary = summarizeSeats(subscriptions, consumed);
        expect(summary.available).toBeGreaterThanOrEqual(0);
        if (summary.available > 0) expect(summary.available + consumed).toBeLessThanOrEqual(summary.usableUnits);
        const total = subscriptions.reduce((sum, s) => sum + s.seats, 0);
        const { enabled, warning, suspended, lockedOut } = summary.prepaidUnits;
        expect(enabled + warning + suspended + lockedOut).toBe(total);
      }),
    );
  });
});
