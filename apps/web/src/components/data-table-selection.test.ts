import { describe, expect, it } from "vitest";
import { selectionState, toggleAll, toggleOne } from "./data-table-selection";

describe("a table's selection", () => {
  it("is none, some or all of the rows that can be chosen", () => {
    expect(selectionState(["a", "b"], new Set())).toBe(false);
    expect(selectionState(["a", "b"], new Set(["a"]))).toBe("mixed");
    expect(selectionState(["a", "b"], new Set(["a", "b", "x"]))).toBe(true);
  });

  it("takes all rows from none or some, and none from all", () => {
    expect([...toggleAll(["a", "b"], new Set())]).toEqual(["a", "b"]);
    expect([...toggleAll(["a", "b"], new Set(["b"]))]).toEqual(["a", "b"]);
    expect([...toggleAll(["a", "b"], new Set(["a", "b"]))]).toEqual([]);
  });

  it("flips one row and leaves the rest", () => {
    expect([...toggleOne(new Set(["a"]), "b")]).toEqual(["a", "b"]);
    expect([...toggleOne(new Set(["a", "b"]), "a")]).toEqual(["b"]);
  });
});
