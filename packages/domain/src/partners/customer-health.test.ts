import { describe, expect, it } from "vitest";
import { customerHealth, endsWithoutRenewalWithin } from "./customer-health.js";

const now = new Date("2026-12-07T12:00:00Z");
const day = 86_400_000;

function subscription(overrides: Partial<Parameters<typeof endsWithoutRenewalWithin>[0]> & { seats?: number } = {}) {
  return {
    id: "s",
    seats: 10,
    source: "admin" as const,
    takenOver: false,
    state: "active" as const,
    autoRenew: true,
    billingTerm: "monthly" as const,
    termStartsAt: new Date(now.getTime() - 10 * day),
    termEndsAt: new Date(now.getTime() + 20 * day),
    stateChangedAt: new Date(now.getTime() - 10 * day),
    cancelledAt: null,
    ...overrides,
  };
}

describe("endsWithoutRenewalWithin", () => {
  it("warns of an active subscription that ends within the window and does not renew", () => {
    expect(endsWithoutRenewalWithin(subscription({ autoRenew: false }), now, 30)).toBe(true);
    expect(endsWithoutRenewalWithin(subscription({ source: "trial" }), now, 30)).toBe(true);
    expect(endsWithoutRenewalWithin(subscription({ cancelledAt: now }), now, 30)).toBe(true);
  });

  it("not of one that renews, ends later, has ended or is no longer active", () => {
    expect(endsWithoutRenewalWithin(subscription(), now, 30)).toBe(false);
    expect(
      endsWithoutRenewalWithin(
        subscription({ autoRenew: false, termEndsAt: new Date(now.getTime() + 31 * day) }),
        now,
        30,
      ),
    ).toBe(false);
    expect(endsWithoutRenewalWithin(subscription({ autoRenew: false, termEndsAt: now }), now, 30)).toBe(false);
    expect(endsWithoutRenewalWithin(subscription({ autoRenew: false, state: "expired" }), now, 30)).toBe(false);
  });
});

describe("customerHealth", () => {
  it("adds up seats over products and counts products in conflict and subscriptions about to end", () => {
    const health = customerHealth(
      [
        { subscriptions: [subscription({ seats: 10 })], consumedUnits: 7 },
        // Fewer seats than holders: a shortfall.
        { subscriptions: [subscription({ seats: 2, autoRenew: false })], consumedUnits: 3 },
        // Holders only on an expired subscription's seats: a conflict too, and no active term to warn of.
        { subscriptions: [subscription({ seats: 5, state: "expired" })], consumedUnits: 4 },
        // A disabled subscription's seats are not usable.
        { subscriptions: [subscription({ seats: 50, state: "disabled" })], consumedUnits: 0 },
      ],
      now,
    );
    expect(health).toEqual({ assigned: 14, total: 17, conflicts: 2, expiring: 1 });
  });

  it("is all zero for a customer without products", () => {
    expect(customerHealth([], now)).toEqual({ assigned: 0, total: 0, conflicts: 0, expiring: 0 });
  });
});
