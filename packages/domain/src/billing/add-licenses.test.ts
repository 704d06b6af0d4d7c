import { describe, expect, it } from "vitest";
import { type AddLicensesSubscription, canAddLicenses, planAddLicenses } from "./add-licenses.js";

/** "Buy more" adds licenses to the product's subscription, as Microsoft does, and buys anew only when there is none. */

function subscription(overrides: Partial<AddLicensesSubscription> = {}): AddLicensesSubscription {
  return { id: "s1", state: "active", source: "admin", takenOver: false, ...overrides };
}

describe("canAddLicenses", () => {
  it("an active purchased subscription, or a self-service one an admin took over", () => {
    expect(canAddLicenses(subscription())).toBe(true);
    expect(canAddLicenses(subscription({ source: "selfService", takenOver: true }))).toBe(true);
  });

  it("not a maker's self-service subscription, a trial, or one that is not active", () => {
    expect(canAddLicenses(subscription({ source: "selfService" }))).toBe(false);
    expect(canAddLicenses(subscription({ source: "trial" }))).toBe(false);
    for (const state of ["expired", "disabled", "deleted"] as const) {
      expect(canAddLicenses(subscription({ state }))).toBe(false);
    }
  });
});

describe("planAddLicenses", () => {
  it("adds to the one subscription there is", () => {
    expect(planAddLicenses([subscription()])).toEqual({ kind: "addToSubscription", subscriptionIds: ["s1"] });
  });

  it("lets the admin choose among several, leaving out those licenses cannot be added to", () => {
    const plan = planAddLicenses([
      subscription({ id: "a" }),
      subscription({ id: "trial", source: "trial" }),
      subscription({ id: "maker", source: "selfService" }),
      subscription({ id: "expired", state: "expired" }),
      subscription({ id: "b", source: "selfService", takenOver: true }),
    ]);
    expect(plan).toEqual({ kind: "addToSubscription", subscriptionIds: ["a", "b"] });
  });

  it("converts a usable trial when it is the only subscription to grow", () => {
    expect(planAddLicenses([subscription({ id: "t", source: "trial" })])).toEqual({
      kind: "convertTrial",
      subscriptionId: "t",
    });
    expect(planAddLicenses([subscription({ id: "t", source: "trial", state: "expired" })])).toEqual({
      kind: "convertTrial",
      subscriptionId: "t",
    });
  });

  it("buys a new subscription when there is nothing to add to", () => {
    expect(planAddLicenses([])).toEqual({ kind: "buy" });
    expect(
      planAddLicenses([
        subscription({ state: "disabled" }),
        subscription({ source: "trial", state: "disabled" }),
        subscription({ source: "selfService" }),
      ]),
    ).toEqual({ kind: "buy" });
  });
});
