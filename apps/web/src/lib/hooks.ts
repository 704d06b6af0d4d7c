import { useCallback, useEffect, useRef, useState } from "react";
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
  // react-router computes a functional update from the parameters of the last render, not from the last update: two
  // updates before the next render (a debounced search landing just as a row is clicked) would drop one another's
  // change. So each update starts from the one before it until the location has caught up with it.
  const pending = useRef<string | null>(null);
  if (pending.current !== null && pending.current === params.toString()) pending.current = null;
  const update = useCallback(
    (changes: QueryParamChanges) => {
      const next = new URLSearchParams(pending.current ?? window.location.search);
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined || value === "") next.delete(key);
        else next.set(key, value);
      }
      pending.current = next.toString();
      setParams(next, { replace: true });
    },
    [setParams],
  );
  return [params, update];
}
