import { startTransition, useCallback, useEffect, useRef, useState } from "react";
import { useDebouncedValue, useQueryParams } from "@/lib/hooks";

/** The search as the address holds it: trimmed, and nothing for an empty box. */
export function searchParam(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed === "" ? undefined : trimmed;
}

/** How long typing must pause before the search goes to the address (and so to the server). */
export const SEARCH_DELAY_MS = 300;

/**
 * A list page's search, with the address (`?q=`) as its one source, and the search box's text. The box shows what
 * is typed; once typing pauses (or on Enter) the text goes to the address, and a search changed from anywhere else
 * (Back, a bookmark) comes back to the box. `resets` names other parameters a new search clears (a page number).
 */
export function useUrlSearch({ resets = [] }: { resets?: readonly string[] } = {}) {
  const [params, updateParams] = useQueryParams();
  // Compared by content: the caller writes its list inline, a new array every render.
  const resetList = resets.join(",");
  const urlSearch = params.get("q") ?? "";
  const [searchText, setSearchText] = useState(urlSearch);
  const debounced = useDebouncedValue(searchText.trim(), SEARCH_DELAY_MS);
  const pushed = useRef(urlSearch);
  const [seenUrlSearch, setSeenUrlSearch] = useState(urlSearch);
  if (urlSearch !== seenUrlSearch) {
    setSeenUrlSearch(urlSearch);
    if (urlSearch !== pushed.current) {
      pushed.current = urlSearch;
      if (searchText.trim() !== urlSearch) setSearchText(urlSearch);
    }
  }

  // The list updates without holding up the next keystroke.
  const push = useCallback(
    (text: string) => {
      pushed.current = text;
      const cleared = Object.fromEntries(
        resetList
          .split(",")
          .filter(Boolean)
          .map((name) => [name, undefined]),
      );
      startTransition(() => updateParams({ ...cleared, q: searchParam(text) }));
    },
    [updateParams, resetList],
  );
  const settled = debounced === searchText.trim();
  useEffect(() => {
    if (settled && debounced !== urlSearch) push(debounced);
  }, [settled, debounced, urlSearch, push]);

  return {
    /** The search in force (the address's). */
    search: urlSearch,
    searchText,
    setSearchText,
    /** Enter in the search box: search now, without waiting for the pause. */
    submitSearch: () => push(searchText.trim()),
  };
}
