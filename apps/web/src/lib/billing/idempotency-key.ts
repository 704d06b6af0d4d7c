import { useCallback, useRef } from "react";

/** A fresh Idempotency-Key: a random UUID (crypto.randomUUID needs a secure context; getRandomValues does not). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * Idempotency keys for one opening of a dialog (one intent): the same request body always gets the same key, so a
 * retry after a lost answer or a double click places one order; a changed body (other seats, acceptConflict, a
 * different card after a decline) gets a new key, as the API refuses a key reused with another body. Mount the
 * dialog's content per opening to start afresh.
 */
export function useIdempotencyKeys(): (body: unknown) => string {
  const keys = useRef(new Map<string, string>());
  return useCallback((body: unknown) => {
    const signature = JSON.stringify(body ?? null);
    let key = keys.current.get(signature);
    if (!key) {
      key = newIdempotencyKey();
      keys.current.set(signature, key);
    }
    return key;
  }, []);
}
