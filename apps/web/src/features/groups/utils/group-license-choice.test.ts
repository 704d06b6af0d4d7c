import { describe, expect, it } from "vitest";
import { groupLicenseChanges } from "./group-license-choice";

/** Saving a group's licenses sends only what changed: products added or re-planned, and products removed. */

const current = new Map<string, readonly string[]>([
  ["e3", ["exchange"]],
  ["pbi", []],
]);

describe("groupLicenseChanges", () => {
  it("sends nothing when the choice is what the group has", () => {
    const choice = new Map([
      ["pbi", new Set<string>()],
      ["e3", new Set(["exchange"])],
    ]);
    expect(groupLicenseChanges(current, choice)).toEqual({ licensesToAdd: [], licensesToRemove: [] });
  });

  it("adds a new product and one whose switched-off plans changed", () => {
    const choice = new Map([
      ["e3", new Set(["exchange", "teams"])],
      ["pbi", new Set<string>()],
      ["visio", new Set<string>()],
    ]);
    expect(groupLicenseChanges(current, choice)).toEqual({
      licensesToAdd: [
        { skuId: "e3", disabledPlans: ["exchange", "teams"] },
        { skuId: "visio", disabledPlans: [] },
      ],
      licensesToRemove: [],
    });
  });

  it("removes the products the choice cleared", () => {
    const choice = new Map([["e3", new Set(["exchange"])]]);
    expect(groupLicenseChanges(current, choice)).toEqual({ licensesToAdd: [], licensesToRemove: ["pbi"] });
  });
});
