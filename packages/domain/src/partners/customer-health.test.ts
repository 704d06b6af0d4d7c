import { describe, expect, it } from "vitest";
import { customerHealth, endsWithoutRenewalWithin, productSeatHealth } from "./customer-health.js";

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

describe("productSeatHealth", () => {
  const seats = (overrides: { seats?: number; state?: "active" | "expired" | "disabled"; source?: "selfService" }) => ({
    id: "s",
    seats: 10,
    state: "active" as const,
    source: "admin" as const,
    takenOver: false,
    ...overrides,
  });

  it("needs seats only, no lifecycle: usable seats, holders, and whether the product is in conflict", () => {
    expect(productSeatHealth({ subscriptions: [seats({})], consumedUnits: 7 })).toEqual({
      assigned: 7,
      total: 10,
      inConflict: false,
    });
    expect(productSeatHealth({ subscriptions: [seats({ seats: 2 })], consumedUnits: 3 }).inConflict).toBe(true);
    expect(productSeatHealth({ subscriptions: [seats({ state: "expired" })], consumedUnits: 4 })).toEqual({
      assigned: 4,
      total: 10,
      inConflict: true,
    });
    expect(productSeatHealth({ subscriptions: [seats({ state: "disabled" })], consumedUnits: 0 })).toEqual({
      assigned: 0,
      total: 0,
      inConflict: false,
    });
  });

  it("counts a maker's self-service seats like any usable seats", () => {
    const own = { ...seats({ seats: 5, source: "selfService" }), ownerAssigned: 3 };
    expect(productSeatHealth({ subscriptions: [own, seats({ seats: 4 })], consumedUnits: 8 })).toEqual({
      assigned: 8,
      total: 9,
      inConflict: false,
    });
  });
});
