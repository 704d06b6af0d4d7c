import { describe, expect, it } from "vitest";
import { canManageSubscription, isHeldBySelfService, type ManagedSubscription } from "./subscription-actions.js";

/** Billing admins manage every subscription; a maker manages the one they bought until an admin takes it over. */

function subscription(overrides: Partial<ManagedSubscription> = {}): ManagedSubscription {
  return { source: "admin", takenOver: false, ownerUserId: null, skuPartNumber: "SPE_E3", ...overrides };
}

const makersOwn = subscription({ source: "selfService", ownerUserId: "maker" });

describe("isHeldBySelfService", () => {
  it("a maker's self-service subscription until an admin takes it over", () => {
    expect(isHeldBySelfService(makersOwn)).toBe(true);
    expect(isHeldBySelfService({ ...makersOwn, takenOver: true })).toBe(false);
  });

  it("never a purchased subscription or a trial", () => {
    expect(isHeldBySelfService(subscription())).toBe(false);
    expect(isHeldBySelfService(subscription({ source: "trial" }))).toBe(false);
  });
});

describe("canManageSubscription", () => {
  it("nobody manages the Power Automate trial people sign up for, not even a global admin", () => {
    const trial = subscription({ source: "trial", skuPartNumber: "FLOW_FREE" });
    expect(canManageSubscription(trial, { userId: "admin", roles: ["globalAdmin"] })).toBe(false);
    expect(canManageSubscription(subscription({ source: "trial" }), { userId: "admin", roles: ["globalAdmin"] })).toBe(
      true,
    );
  });

  it("billing and global admins manage every subscription, a maker's own included", () => {
    for (const role of ["billingAdmin", "globalAdmin", "adminAgent"] as const) {
      expect(canManageSubscription(subscription(), { userId: "admin", roles: [role] })).toBe(true);
      expect(canManageSubscription(makersOwn, { userId: "admin", roles: [role] })).toBe(true);
    }
  });

  it("the maker who bought it, while it is still theirs", () => {
    expect(canManageSubscription(makersOwn, { userId: "maker", roles: ["member"] })).toBe(true);
    expect(canManageSubscription({ ...makersOwn, takenOver: true }, { userId: "maker", roles: ["member"] })).toBe(
      false,
    );
  });

  it("nobody else: another maker, other admins, or an unknown person", () => {
    expect(canManageSubscription(makersOwn, { userId: "other", roles: ["member"] })).toBe(false);
    expect(canManageSubscription(makersOwn, { userId: null, roles: ["member"] })).toBe(false);
    expect(canManageSubscription(subscription(), { userId: "admin", roles: ["licenseAdmin", "helpdeskAgent"] })).toBe(
      false,
    );
  });

  it("a buyer who may no longer buy for themselves does not manage it either, as the API refuses", () => {
    expect(canManageSubscription(makersOwn, { userId: "maker", roles: ["helpdeskAdmin"] })).toBe(false);
  });
});
