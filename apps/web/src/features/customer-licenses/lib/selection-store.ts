import { useCallback, useSyncExternalStore } from "react";
import { EMPTY_SELECTION, parseSelection, type Selection, serializeSelection } from "./selection";

/**
 * One selection per customer for the browser tab: the users page, the Manage licenses page and a reload all see the
 * same one (sessionStorage, so it ends with the tab and never reaches another person's session).
 */
const storageKey = (tenantId: string) => `allot.customerSelection.${tenantId}`;
const cache = new Map<string, Selection>();
const listeners = new Set<() => void>();

function read(tenantId: string): Selection {
  const cached = cache.get(tenantId);
  if (cached) return cached;
  let stored: string | null = null;
  try {
    stored = window.sessionStorage.getItem(storageKey(tenantId));
  } catch {
    stored = null;
  }
  const selection = parseSelection(stored);
  cache.set(tenantId, selection);
  return selection;
}

function write(tenantId: string, selection: Selection): void {
  cache.set(tenantId, selection);
  try {
    if (selection.size === 0) window.sessionStorage.removeItem(storageKey(tenantId));
    else window.sessionStorage.setItem(storageKey(tenantId), serializeSelection(selection));
  } catch {
    // Kept for this page only when storage is unavailable.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The customer's selection and a way to change it (`update` gets the current one and returns the next). */
export function useCustomerSelection(tenantId: string) {
  const selection = useSyncExternalStore(
    subscribe,
    () => read(tenantId),
    () => EMPTY_SELECTION,
  );
  const update = useCallback(
    (change: (current: Selection) => Selection) => write(tenantId, change(read(tenantId))),
    [tenantId],
  );
  return { selection, update };
}
