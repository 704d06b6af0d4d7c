import { startTransition, useCallback, useEffect, useRef, useState } from "react";
import { useDebouncedValue, useQueryParams } from "@/lib/hooks";
import { searchParam } from "../lib/customer-status";

/** How long typing must pause before the search goes to the address (and so to the server). */
export const SEARCH_DELAY_MS = 300;

/**
 * The Customers page's search, with the address (`?q=`) as its one source, and the search box's text. The box shows
 * what is typed; once typing pauses (or on Enter) the text goes to the address, and a search changed from anywhere
 * else (Back, a bookmark) comes back to the box.
 */
export function useCustomerSearch() {
  const [params, updateParams] = useQueryParams();
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
      startTransition(() => updateParams({ q: searchParam(text) }));
    },
    [updateParams],
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
