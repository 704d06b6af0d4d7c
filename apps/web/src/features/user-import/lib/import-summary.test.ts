import { describe, expect, it } from "vitest";
import { importSteps, nextStep, previousStep } from "./import-steps";
import {
  previewCounts,
  progressMilestone,
  progressPercent,
  rowsToApply,
  seatShortages,
  validRows,
} from "./import-summary";

describe("import steps", () => {
  it("has an options step for users only", () => {
    expect(importSteps("users")).toEqual(["upload", "options", "preview", "apply"]);
    expect(importSteps("licenses")).toEqual(["upload", "preview", "apply"]);
    expect(nextStep("users", "upload")).toBe("options");
    expect(nextStep("licenses", "upload")).toBe("preview");
    expect(previousStep("licenses", "preview")).toBe("upload");
    expect(previousStep("users", "upload")).toBe("upload");
    expect(nextStep("users", "apply")).toBe("apply");
  });
});

describe("import summary", () => {
  it("shows each kind's actions in order, 0 for those the preview leaves out", () => {
    expect(previewCounts("users", { create: 3, refuse: 2 })).toEqual([
      { action: "create", count: 3 },
      { action: "update", count: 0 },
      { action: "unchanged", count: 0 },
      { action: "refuse", count: 2 },
    ]);
    expect(previewCounts("licenses", { remove: 1 }).map((entry) => entry.action)).toEqual([
      "assign",
      "change",
      "remove",
      "unchanged",
      "refuse",
    ]);
  });

  it("counts only rows that change as rows to apply", () => {
    expect(rowsToApply({ create: 3, update: 1, unchanged: 4, refuse: 2 })).toBe(4);
    expect(rowsToApply({ refuse: 2 })).toBe(0);
  });

  it("names the products that would run short, with the seats missing", () => {
    const seat = { skuId: "s", skuPartNumber: "P", displayName: "Pro" };
    const shortages = seatShortages([
      { ...seat, availableBefore: 2, availableAfter: -3 },
      { ...seat, skuId: "t", availableBefore: 5, availableAfter: 0 },
    ]);
    expect(shortages.map((entry) => [entry.seats.skuId, entry.missing])).toEqual([["s", 3]]);
  });

  it("counts valid rows and progress", () => {
    expect(validRows({ rowCount: 10, problemRowCount: 2 })).toBe(8);
    expect(progressPercent(null)).toBe(0);
    expect(progressPercent({ done: 0, total: 0 })).toBe(100);
    expect(progressPercent({ done: 1, total: 3 })).toBe(33);
  });

  it("announces progress only when a new quarter is reached", () => {
    expect(progressMilestone(0, 10)).toBeNull();
    expect(progressMilestone(10, 26)).toBe(25);
    expect(progressMilestone(26, 80)).toBe(75);
    expect(progressMilestone(80, 99)).toBeNull();
  });
});
