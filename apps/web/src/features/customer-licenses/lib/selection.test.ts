import { describe, expect, it } from "vitest";
import {
  EMPTY_SELECTION,
  pageSelectionState,
  parseSelection,
  type SelectedUser,
  serializeSelection,
  sortedSelection,
  togglePage,
  withoutUsers,
  withUsers,
} from "./selection";

const user = (id: string, displayName = `User ${id}`): SelectedUser => ({
  id,
  displayName,
  email: `${id}@tailspin.test`,
});

describe("a customer's user selection", () => {
  it("keeps users selected on other pages when a page is selected and cleared", () => {
    const earlier = withUsers(EMPTY_SELECTION, [user("a")]);
    const page = [user("b"), user("c")];
    const both = togglePage(earlier, page);
    expect([...both.keys()]).toEqual(["a", "b", "c"]);
    expect(pageSelectionState(both, ["b", "c"])).toBe(true);
    const cleared = togglePage(both, page);
    expect([...cleared.keys()]).toEqual(["a"]);
  });

  it("shows a partly selected page as mixed, and its header click selects the rest", () => {
    const some = withUsers(EMPTY_SELECTION, [user("b")]);
    expect(pageSelectionState(some, ["b", "c"])).toBe("mixed");
    expect(pageSelectionState(some, ["x"])).toBe(false);
    expect(pageSelectionState(some, [])).toBe(false);
    expect([...togglePage(some, [user("b"), user("c")]).keys()]).toEqual(["b", "c"]);
  });

  it("drops one user, and sorts by name the way people read it", () => {
    const selection = withUsers(EMPTY_SELECTION, [user("1", "émile"), user("2", "Adele"), user("3", "bob")]);
    expect(sortedSelection(selection, "en").map((u) => u.displayName)).toEqual(["Adele", "bob", "émile"]);
    expect([...withoutUsers(selection, ["2"]).keys()]).toEqual(["1", "3"]);
  });

  it("survives a round trip through storage and ignores what is not a selection", () => {
    const selection = withUsers(EMPTY_SELECTION, [user("a"), user("b")]);
    expect(parseSelection(serializeSelection(selection))).toEqual(selection);
    for (const stored of [null, "", "{", "{}", "[1]", '[{"id":1}]', "null"]) {
      expect(parseSelection(stored).size, String(stored)).toBe(0);
    }
  });
});
