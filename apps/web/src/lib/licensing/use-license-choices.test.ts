import type { LicenseSelection } from "@allot/contracts";
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useLicenseChoices } from "./use-license-choices";

const USERS = ["u1", "u2"];
const SKUS = ["e3", "e5"];
/** Both users hold E3 directly; one holds E5. */
const SELECTION: LicenseSelection = {
  users: 2,
  value: [
    { skuId: "e3", directHolders: 2, holders: 2 },
    { skuId: "e5", directHolders: 1, holders: 1 },
  ],
};

const renderChoices = () => renderHook(() => useLicenseChoices({ userIds: USERS, skuIds: SKUS, selection: SELECTION }));

describe("useLicenseChoices", () => {
  it("starts from what the users hold and says when Next finds nothing to change", () => {
    const { result } = renderChoices();
    expect(result.current.toggleOf("e3")).toEqual({ state: "checked", initial: "checked" });
    expect(result.current.toggleOf("e5")).toEqual({ state: "mixed", initial: "mixed" });

    let chosen: ReturnType<typeof result.current.next> | undefined;
    act(() => {
      chosen = result.current.next();
    });
    expect(chosen).toBeNull();
    expect(result.current.nothingChosen).toBe(true);
    // Any further choice takes the message away.
    act(() => result.current.setToggle("e5", "checked"));
    expect(result.current.nothingChosen).toBe(false);
  });

  it("turns toggles into the change to preview, flagging the data that goes", () => {
    const { result } = renderChoices();
    act(() => result.current.setToggle("e3", "unchecked"));
    act(() => result.current.setDisabledPlans("e5", new Set(["teams"])));
    act(() => result.current.setToggle("e5", "checked"));
    let chosen: ReturnType<typeof result.current.next> | undefined;
    act(() => {
      chosen = result.current.next();
    });
    expect(chosen).toEqual({
      change: { userIds: USERS, mode: "add", add: [{ skuId: "e5", disabledPlans: ["teams"] }], remove: ["e3"] },
      dataLoss: true,
    });
  });

  it("keeps Replace mode's choices apart from Add mode's", () => {
    const { result } = renderChoices();
    act(() => result.current.setToggle("e5", "unchecked"));
    act(() => result.current.setMode("replace"));
    expect(result.current.toggleOf("e3").state).toBe("unchecked");
    act(() => result.current.setToggle("e5", "checked"));
    expect(result.current.toggleOf("e5")).toEqual({ state: "checked", initial: "unchecked" });

    let chosen: ReturnType<typeof result.current.next> | undefined;
    act(() => {
      chosen = result.current.next();
    });
    // Replacing with E5 only takes E3 away from both users.
    expect(chosen).toEqual({
      change: { userIds: USERS, mode: "replace", add: [{ skuId: "e5", disabledPlans: [] }], remove: [] },
      dataLoss: true,
    });

    act(() => result.current.setMode("add"));
    expect(result.current.toggleOf("e5").state).toBe("unchecked");
  });
});
