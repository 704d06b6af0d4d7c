import { describe, expect, it } from "vitest";
import { type BuyMoreCandidate, buyMoreTarget, seatsFromLink } from "./buy-more-link";

/** A "buy more" link (?buy=<skuId>&seats=<n>) opens the dialog that adds the licenses where they belong. */

function subscription(overrides: Partial<BuyMoreCandidate> = {}): BuyMoreCandidate {
  return { id: "s1", skuId: "e3", state: "active", source: "admin", takenOverAt: null, ...overrides };
}

describe("seatsFromLink", () => {
  it("takes a whole number of seats above 0", () => {
    expect(seatsFromLink("3")).toBe(3);
    expect(seatsFromLink("25")).toBe(25);
  });

  it("ignores a missing, empty, zero, negative, fractional or non-numeric count", () => {
    for (const value of [null, "", "0", "-2", "1.5", "abc", "Infinity"]) {
      expect(seatsFromLink(value), String(value)).toBeUndefined();
    }
  });
});

describe("buyMoreTarget", () => {
  it("adds to the product's subscriptions licenses can be added to, leaving out the rest", () => {
    const mine = subscription({ id: "a" });
    const takenOver = subscription({ id: "b", source: "selfService", takenOverAt: "2025-01-01T00:00:00.000Z" });
    const target = buyMoreTarget(
      [
        mine,
        subscription({ id: "other-product", skuId: "e5" }),
        subscription({ id: "maker", source: "selfService" }),
        subscription({ id: "expired", state: "expired" }),
        takenOver,
      ],
      "e3",
    );
    expect(target).toEqual({ kind: "addToSubscription", subscriptions: [mine, takenOver] });
  });

  it("converts a usable trial when there is nothing to add to", () => {
    const trial = subscription({ id: "trial", source: "trial", state: "expired" });
    expect(buyMoreTarget([trial, subscription({ id: "x", skuId: "e5" })], "e3")).toEqual({
      kind: "convertTrial",
      trial,
    });
  });

  it("buys a new subscription when the tenant has none of the product it can use", () => {
    expect(buyMoreTarget([], "e3")).toEqual({ kind: "buy" });
    expect(buyMoreTarget([subscription({ skuId: "e5" })], "e3")).toEqual({ kind: "buy" });
    expect(
      buyMoreTarget([subscription({ state: "disabled" }), subscription({ source: "trial", state: "disabled" })], "e3"),
    ).toEqual({
      kind: "buy",
    });
  });
});
