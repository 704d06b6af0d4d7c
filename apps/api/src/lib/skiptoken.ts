import { createHash } from "node:crypto";
import { AppError } from "./app-error.js";

/**
 * Graph's `$skiptoken`: opaque to clients, here the keyset position of the next page plus a fingerprint of the
 * query it belongs to, so a token replayed with another filter or order is refused instead of skipping rows.
 */
export function encodeSkipToken(position: readonly string[], query: string): string {
  return Buffer.from(JSON.stringify({ p: position, q: fingerprint(query) })).toString("base64url");
}

export function decodeSkipToken(token: string, query: string, size: number): string[] {
  const refuse = () =>
    new AppError("ValidationFailed", "The $skiptoken is not one this API handed out for this query.", {
      errors: [{ path: "querystring.$skiptoken", message: "is not a valid skip token for this query" }],
    });
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    throw refuse();
  }
  const { p, q } = (decoded ?? {}) as { p?: unknown; q?: unknown };
  if (q !== fingerprint(query) || !Array.isArray(p) || p.length !== size || !p.every((x) => typeof x === "string")) {
    throw refuse();
  }
  return p as string[];
}

const fingerprint = (query: string) => createHash("sha256").update(query).digest("base64url").slice(0, 16);
