import { useEffect, useState } from "react";

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
