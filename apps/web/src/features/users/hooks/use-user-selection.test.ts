import { NO_DIRECTORY_FIELDS, type User } from "@allot/contracts";
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useUserSelection } from "./use-user-selection";

const user = (id: string): User => ({
  id,
  tenantId: "t",
  displayName: `User ${id}`,
  email: `${id}@contoso.test`,
  userType: "member",
  usageLocation: "NL",
  accountEnabled: true,
  roles: [],
  licenseCount: 0,
  licenses: [],
  createdAt: "2026-01-01T00:00:00.000Z",
  lastSignInAt: null,
  deletedAt: null,
  ...NO_DIRECTORY_FIELDS,
});

const [a, b, c, d] = ["a", "b", "c", "d"].map(user) as [User, User, User, User];

interface Props {
  filterKey: string;
  shown: readonly User[];
  loaded: readonly User[];
}

/** The hook as the users page uses it, with the list it shows (what it loaded, shown at once). */
function renderSelection(filterKey: string, loaded: readonly User[]) {
  return renderHook((props: Props) => useUserSelection(props), {
    initialProps: { filterKey, shown: loaded, loaded },
  });
}

describe("useUserSelection", () => {
  it("keeps users selected in one search while the next one hides them, and counts them as not shown", () => {
    const { result, rerender } = renderSelection("q=a", [a, b]);
    act(() => result.current.onGridSelectionChange(new Set(["a"])));
    expect(result.current.selectedIds).toEqual(["a"]);
    expect(result.current.hiddenCount).toBe(0);

    rerender({ filterKey: "q=c", shown: [c, d], loaded: [c, d] });
    act(() => result.current.onGridSelectionChange(new Set(["c"])));
    expect(result.current.selectedIds).toEqual(["a", "c"]);
    expect(result.current.hiddenCount).toBe(1);
    // Users seen in an earlier list are still known by name, so they can be deleted.
    expect(result.current.selectedUsers.map((selected) => selected.id)).toEqual(["a", "c"]);
    expect(result.current.deletable).toBe(true);

    // Unticking in the grid drops only rows in view.
    act(() => result.current.onGridSelectionChange(new Set()));
    expect(result.current.selectedIds).toEqual(["a"]);
  });

  it("says when every loaded user is selected", () => {
    const { result } = renderSelection("", [a, b]);
    expect(result.current.allLoadedSelected).toBe(false);
    act(() => result.current.onGridSelectionChange(new Set(["a", "b"])));
    expect(result.current.allLoadedSelected).toBe(true);
  });

  it("takes every user that matches, for the filters it was asked for only", () => {
    const { result, rerender } = renderSelection("role=x", [a, b]);
    act(() => result.current.selectMatching({ ids: ["a", "b", "c", "d"], truncated: true }));
    expect(result.current.selected.size).toBe(4);
    expect(result.current.matching).toMatchObject({ filterKey: "role=x", truncated: true });
    // Matching users not loaded yet are not "hidden": they belong to the list.
    expect(result.current.hiddenCount).toBe(0);
    // Users never seen in a list cannot be named, so deleting waits for them.
    expect(result.current.deletable).toBe(false);

    rerender({ filterKey: "role=y", shown: [a], loaded: [a] });
    expect(result.current.matching).toBeNull();
    expect(result.current.hiddenCount).toBe(3);
    expect(result.current.selected.size).toBe(4);
  });

  it("is no longer every user that matches once a row is unticked", () => {
    const { result } = renderSelection("k", [a, b]);
    act(() => result.current.selectMatching({ ids: ["a", "b", "c"], truncated: false }));
    act(() => result.current.onGridSelectionChange(new Set(["b"])));
    expect(result.current.matching).toBeNull();
    expect(result.current.selectedIds.toSorted()).toEqual(["b", "c"]);
  });

  it("forgets deleted users and clears", () => {
    const { result } = renderSelection("k", [a, b, c]);
    act(() => result.current.selectMatching({ ids: ["a", "b", "c"], truncated: false }));
    act(() => result.current.forget(["b"]));
    expect(result.current.selectedIds).toEqual(["a", "c"]);
    expect(result.current.selectedUsers.map((selected) => selected.id)).toEqual(["a", "c"]);
    expect(result.current.matching).toBeNull();

    act(() => result.current.clear());
    expect(result.current.selected.size).toBe(0);
    expect(result.current.selectedUsers).toEqual([]);
  });
});
