import { isoDateTime, uuidSchema } from "@allot/contracts";
import { AppError } from "./app-error.js";

/** Opaque keyset cursors: the sort key of the last row of a page, base64url-encoded JSON. */
export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/** What each part of a sort key must be; a forged cursor must not reach the database as a bad uuid or date. */
export type CursorPart = "text" | "uuid" | "datetime";

const PART_OK: Record<CursorPart, (value: string) => boolean> = {
  // No control character (NUL!) or lone surrogate: PostgreSQL cannot compare them; names never hold them.
  text: (value) => !/[\p{Cc}\p{Cs}]/u.test(value),
  uuid: (value) => uuidSchema.safeParse(value).success,
  datetime: (value) => isoDateTime.safeParse(value).success,
};

export function decodeCursor(cursor: string, parts: readonly CursorPart[]): string[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(key) &&
      key.length === parts.length &&
      key.every((part, i) => typeof part === "string" && PART_OK[parts[i] as CursorPart](part))
    ) {
      return key;
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError("ValidationFailed", "The cursor is not one this API handed out.", {
    errors: [{ path: "querystring.cursor", message: "is not a valid cursor" }],
  });
}

/**
 * A keyset query fetches one row more than the page size: that row only tells whether a next page exists. Returns
 * the page's rows and the cursor after its last one (null on the last page).
 */
export function keysetPage<T>(
  rows: readonly T[],
  limit: number,
  sortKey: (row: T) => readonly string[],
): { rows: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(sortKey(last)) : null };
}
