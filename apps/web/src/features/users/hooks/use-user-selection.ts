import type { User } from "@allot/contracts";
import { useCallback, useMemo, useState } from "react";

/**
 * The selected users. A selection outlives the filters (as Partner Center's does): users ticked in one search stay
 * selected in the next, counted as "not shown" while the list hides them, and bulk actions act on all of them.
 */
interface Selection {
  ids: ReadonlySet<string>;
  /** The selected users seen in a list, to name them (deleting) when the list no longer shows them. */
  known: ReadonlyMap<string, User>;
  /** Set while `ids` is exactly "every user that matches" the filters of `filterKey`, as the server answered it. */
  matching: MatchingSelection | null;
}

/** "Every user that matches" the filters named by `filterKey`: the server's ids (at most 10,000, `truncated`). */
export interface MatchingSelection {
  filterKey: string;
  ids: ReadonlySet<string>;
  truncated: boolean;
}

const EMPTY_SELECTION: Selection = { ids: new Set(), known: new Map(), matching: null };

/**
 * The users page's selection, kept across searches and filters. `shown` are the rows the grid shows (its checkboxes
 * speak for those only), `loaded` every user loaded for the current filters, `filterKey` names those filters.
 */
export function useUserSelection({
  filterKey,
  shown,
  loaded,
}: {
  filterKey: string;
  shown: readonly User[];
  loaded: readonly User[];
}) {
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const selected = selection.ids;
  // "Every user that matches" holds only while the filters are the ones it was asked for and nothing was unticked.
  const matching =
    selection.matching && selection.matching.filterKey === filterKey && selection.matching.ids === selection.ids
      ? selection.matching
      : null;

  const clear = useCallback(() => setSelection(EMPTY_SELECTION), []);

  // Selected users the grid does not show stay selected (its header checkbox would otherwise drop them, or take only
  // the rows in view).
  const onGridSelectionChange = useCallback(
    (next: ReadonlySet<string>) =>
      setSelection((previous) => {
        const inView = new Map(shown.map((user) => [user.id, user]));
        const ids = new Set([...previous.ids].filter((id) => !inView.has(id)));
        const known = new Map(previous.known);
        for (const id of next) {
          const user = inView.get(id);
          if (!user) continue;
          ids.add(id);
          known.set(id, user);
        }
        return { ids, known, matching: previous.matching };
      }),
    [shown],
  );

  /** Users that are gone (deleted) leave the selection; it no longer is "every user that matches". */
  const forget = useCallback(
    (gone: readonly string[]) =>
      setSelection((previous) => ({
        ids: new Set([...previous.ids].filter((id) => !gone.includes(id))),
        known: new Map([...previous.known].filter(([id]) => !gone.includes(id))),
        matching: null,
      })),
    [],
  );

  /** The server's answer to "select all users that match" becomes the selection, for the current filters. */
  const selectMatching = (result: { ids: readonly string[]; truncated: boolean }) => {
    const ids = new Set(result.ids);
    setSelection((previous) => ({
      ids,
      known: new Map([...previous.known, ...loaded.map((user) => [user.id, user] as const)]),
      matching: { filterKey, ids, truncated: result.truncated },
    }));
  };

  const loadedById = useMemo(() => new Map(loaded.map((user) => [user.id, user])), [loaded]);
  const selectedIds = useMemo(() => [...selected], [selected]);
  const selectedUsers = useMemo(
    () =>
      selectedIds.flatMap((id) => {
        const user = loadedById.get(id) ?? selection.known.get(id);
        return user ? [user] : [];
      }),
    [selectedIds, loadedById, selection.known],
  );
  // Selected users this list does not show (another search or filter); "every user that matches" the current
  // filters are in it, loaded yet or not.
  const hiddenCount = useMemo(
    () => (matching ? 0 : selectedIds.filter((id) => !loadedById.has(id)).length),
    [matching, selectedIds, loadedById],
  );

  return {
    selected,
    /** The selected ids in the order they were selected (bulk actions send them). */
    selectedIds,
    /** The selected users seen in a list, loaded now or before. */
    selectedUsers,
    matching,
    hiddenCount,
    allLoadedSelected: loaded.length > 0 && loaded.every((user) => selected.has(user.id)),
    // Deleting goes user by user and names each one: it needs every selected user seen in a list.
    deletable: selectedUsers.length === selected.size,
    clear,
    onGridSelectionChange,
    forget,
    selectMatching,
  };
}

/** The selection as the users page passes it to its parts. */
export type UserSelection = ReturnType<typeof useUserSelection>;
