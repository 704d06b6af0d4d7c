import { describe, expect, it } from "vitest";
import type { SubscriptionSource, SubscriptionState } from "../licensing/seats.js";
import { checkAutoRenewChange, checkSeatChange, checkTakeOver, checkTrialConversion } from "./state-guards.js";

const STATES: SubscriptionState[] = ["active", "expired", "disabled", "deleted"];
const sub = (state: SubscriptionState, source: SubscriptionSource = "admin") => ({ state, source });

describe("checkSeatChange", () => {
  it("allows an active paid subscription only", () => {
    expect(checkSeatChange(sub("active"))).toEqual({ ok: true });
    expect(checkSeatChange(sub("active", "selfService"))).toEqual({ ok: true });
    for (const state of STATES.filter((s) => s !== "active")) {
      expect(checkSeatChange(sub(state))).toEqual({
        ok: false,
        code: "SubscriptionStateInvalid",
        reason: "notActive",
        state,
      });
    }
  });

  it("refuses a trial first, whatever its state: its seats are fixed", () => {
    for (const state of STATES)
      expect(checkSeatChange(sub(state, "trial"))).toMatchObject({ reason: "trialSeatsFixed" });
  });
});

describe("checkAutoRenewChange", () => {
  it("allows turning auto-renew on or off on an active subscription", () => {
    expect(checkAutoRenewChange(sub("active"), true)).toEqual({ ok: true });
    expect(checkAutoRenewChange(sub("active"), false)).toEqual({ ok: true });
  });

  it("a trial may be set not to renew, never to renew", () => {
    expect(checkAutoRenewChange(sub("active", "trial"), false)).toEqual({ ok: true });
    expect(checkAutoRenewChange(sub("expired", "trial"), true)).toMatchObject({ reason: "trialDoesNotRenew" });
  });

  it("refuses any other state", () => {
    for (const state of ["expired", "disabled", "deleted"] as const) {
      expect(checkAutoRenewChange(sub(state), false)).toMatchObject({ ok: false, reason: "notActive", state });
    }
  });
});

describe("checkTakeOver", () => {
  const selfService = (state: SubscriptionState, takenOver = false) => ({ ...sub(state, "selfService"), takenOver });

  it("takes over a self-service subscription in any state but deleted, once", () => {
    for (const state of ["active", "expired", "disabled"] as const)
      expect(checkTakeOver(selfService(state))).toEqual({ ok: true });
    expect(checkTakeOver(selfService("deleted"))).toMatchObject({ reason: "deleted" });
    expect(checkTakeOver(selfService("active", true))).toMatchObject({ reason: "alreadyTakenOver" });
  });

  it("refuses an admin's subscription or a trial", () => {
    expect(checkTakeOver({ ...sub("active"), takenOver: false })).toMatchObject({ reason: "notSelfService" });
    expect(checkTakeOver({ ...sub("active", "trial"), takenOver: false })).toMatchObject({ reason: "notSelfService" });
  });
});

describe("checkTrialConversion", () => {
  it("converts a trial that is not deleted", () => {
    for (const state of ["active", "expired", "disabled"] as const) {
      expect(checkTrialConversion(sub(state, "trial"))).toEqual({ ok: true });
    }
    expect(checkTrialConversion(sub("deleted", "trial"))).toMatchObject({ reason: "deleted" });
  });

  it("refuses a paid subscription", () => {
    expect(checkTrialConversion(sub("active"))).toMatchObject({ reason: "notTrial" });
    expect(checkTrialConversion(sub("deleted", "selfService"))).toMatchObject({ reason: "notTrial" });
  });
});
