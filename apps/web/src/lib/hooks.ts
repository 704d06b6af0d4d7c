import { useCallback, useEffect, useState } from "react";
import { useSearchParams } from "react-router";

/** The value, once it has stopped changing for `delay` milliseconds (for search boxes that query the server). */
export function useDebouncedValue<T>(value: T, delay = 300): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), delay);
    return () => window.clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

/**
 * A key that changes each time `open` turns true. A dialog keyed with it starts empty every time it opens, while
 * closing leaves its content alone, so the focused button is not disabled or removed mid-close and focus can
 * return to the control that opened it.
 */
export function useOpenKey(open: boolean): number {
  const [key, setKey] = useState(0);
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setKey((current) => current + 1);
  }
  return key;
}

/** Query parameters to set; undefined or "" removes one. */
export type QueryParamChanges = { readonly [name: string]: string | undefined };

/**
 * The page's query parameters, and an update that sets some of them (undefined or "" removes one) in place of the
 * current history entry, so filters and open panels survive a reload without flooding the back button.
 */
export function useQueryParams(): [URLSearchParams, (changes: QueryParamChanges) => void] {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (changes: QueryParamChanges) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes)) {
            if (value === undefined || value === "") next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [params, update];
}
