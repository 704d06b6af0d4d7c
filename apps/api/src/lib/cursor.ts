import { AppError } from "./app-error.js";

/** Opaque keyset cursors: the sort key of the last row of a page, base64url-encoded JSON. */
export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

export function decodeCursor(cursor: string, parts: number): string[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(key) && key.length === parts && key.every((part) => typeof part === "string")) return key;
  } catch {
    // fall through to the error below
  }
  throw new AppError("ValidationFailed", "The cursor is not one this API handed out.", [
    { path: "querystring.cursor", message: "is not a valid cursor" },
  ]);
}
