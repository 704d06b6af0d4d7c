import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useDebouncedValue, useQueryParams } from "@/lib/hooks";
import type { UsersFilter } from "../api/keys";
import {
  CLEAR_FILTERS,
  licenseFilterParams,
  readUsersFilter,
  type UsersView,
  viewChange,
} from "../lib/users-url-filter";

/** How long typing must pause before the search goes to the address (and so to the server). */
export const SEARCH_DELAY_MS = 300;

/**
 * The users page's list, filters and open user, with the address as their one source, and the search box's text.
 * The box shows what is typed; once typing pauses (or on Enter) the text goes to the address, and a search changed
 * from anywhere else (the menu, Back, Clear filters, a chip) comes back to the box, so box, chips and list agree.
 */
export function useUsersFilter() {
  const [params, updateParams] = useQueryParams();
  const { view, filter: urlFilter } = readUsersFilter(params);
  const openUserId = params.get("user");

  const urlSearch = urlFilter.search ?? "";
  const [searchText, setSearchText] = useState(urlSearch);
  const debouncedSearch = useDebouncedValue(searchText.trim(), SEARCH_DELAY_MS);
  const pushedSearch = useRef(urlSearch);
  const [seenUrlSearch, setSeenUrlSearch] = useState(urlSearch);
  if (urlSearch !== seenUrlSearch) {
    setSeenUrlSearch(urlSearch);
    if (urlSearch !== pushedSearch.current) {
      pushedSearch.current = urlSearch;
      if (searchText.trim() !== urlSearch) setSearchText(urlSearch);
    }
  }

  // The list updates without holding up the next keystroke.
  const pushSearch = useCallback(
    (text: string) => {
      pushedSearch.current = text;
      startTransition(() => updateParams({ q: text || undefined }));
    },
    [updateParams],
  );
  const settled = debouncedSearch === searchText.trim();
  useEffect(() => {
    if (settled && debouncedSearch !== urlSearch) pushSearch(debouncedSearch);
  }, [settled, debouncedSearch, urlSearch, pushSearch]);

  const { search, type, role, licensed, deleted, skuId, department, jobTitle, city, country } = urlFilter;
  const filter: UsersFilter = useMemo(
    () => ({ search, type, role, licensed, deleted, skuId, department, jobTitle, city, country }),
    [search, type, role, licensed, deleted, skuId, department, jobTitle, city, country],
  );

  return {
    view,
    filter,
    /** Names the filters (a selection of "every user that matches" belongs to one such key). */
    filterKey: JSON.stringify(filter),
    openUserId,
    searchText,
    setSearchText,
    /** Enter in the search box: search now, without waiting for the pause. */
    submitSearch: () => pushSearch(searchText.trim()),
    /** Changes some parameters (a filter select, a chip's removal). */
    updateParams,
    setLicenseFilter: (value: string) => updateParams(licenseFilterParams(value)),
    selectView: (next: UsersView) => updateParams(viewChange(next)),
    clearFilters: () => {
      setSearchText("");
      pushedSearch.current = "";
      updateParams(CLEAR_FILTERS);
    },
    openUser: useCallback((user: { id: string }) => updateParams({ user: user.id }), [updateParams]),
    closeUser: useCallback(() => updateParams({ user: undefined }), [updateParams]),
  };
}
