import { createHash } from "node:crypto";
import { uuidSchema } from "@allot/contracts";
import { invalidOption } from "./errors.js";

export const SKIP_TOKEN = "$skiptoken";

/** Where a page ended: the last user's id, and its displayName when the list is ordered by name. */
export interface KeysetPosition {
  id: string;
  displayName: string | null;
}

/** Tokens we hand out are a few hundred characters; anything far longer is not one of them. */
const MAX_TOKEN_LENGTH = 2_048;

function digest(text: string, length: number): string {
  return createHash("sha256").update(text).digest("base64url").slice(0, length);
}

/**
 * What a skip token is bound to: the query's filter, order and selected properties, each in canonical spelling. A
 * token carried over to another query would resume at a position that means nothing there, so it is refused.
 */
export function queryFingerprint(parts: { filter: string; orderBy: string; select: string }): string {
  return digest(JSON.stringify([parts.filter, parts.orderBy, parts.select]), 16);
}

/**
 * The token is base64url of small JSON: the position, the query's fingerprint, and a checksum over both. The
 * checksum is not a secret signature (a forged position is harmless: it only moves where a page of the caller's
 * own tenant starts); it makes a token that was edited or cut short fail loudly instead of paging oddly.
 */
export function encodeSkipToken(fingerprint: string, position: KeysetPosition): string {
  const after = position.displayName === null ? [position.id] : [position.displayName, position.id];
  const payload = { after, query: fingerprint };
  return Buffer.from(JSON.stringify({ ...payload, check: checksum(payload) })).toString("base64url");
}

function checksum(payload: { after: unknown; query: unknown }): string {
  return digest(JSON.stringify([payload.after, payload.query]), 12);
}

/** The position a token names, for the query it must have been issued for (ordered by name or not). */
export function decodeSkipToken(token: string, fingerprint: string, byName: boolean): KeysetPosition {
  const payload = readPayload(token);
  if (payload.query !== fingerprint) {
    throw invalidOption(
      SKIP_TOKEN,
      "$skiptoken belongs to a query with another $filter, $orderby or $select. Follow @odata.nextLink as it is, or start again without $skiptoken.",
    );
  }
  const [first, second] = payload.after;
  const position = byName ? { displayName: first, id: second } : { displayName: null, id: first };
  if (payload.after.length !== (byName ? 2 : 1) || !validPosition(position, byName)) throw notOurs();
  return position as KeysetPosition;
}

function readPayload(token: string): { after: unknown[]; query: string } {
  if (token.length > MAX_TOKEN_LENGTH || !/^[A-Za-z0-9_-]+$/.test(token)) throw notOurs();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    throw notOurs();
  }
  if (typeof parsed !== "object" || parsed === null) throw notOurs();
  const { after, query, check } = parsed as Record<string, unknown>;
  if (!Array.isArray(after) || typeof query !== "string" || check !== checksum({ after, query })) throw notOurs();
  return { after, query };
}

function validPosition(position: { displayName: unknown; id: unknown }, byName: boolean): boolean {
  const { displayName, id } = position;
  if (typeof id !== "string" || !uuidSchema.safeParse(id).success) return false;
  if (!byName) return displayName === null;
  // No control character (NUL!) or lone surrogate: PostgreSQL cannot compare them; names never hold them.
  return typeof displayName === "string" && !/[\p{Cc}\p{Cs}]/u.test(displayName);
}

function notOurs() {
  return invalidOption(
    SKIP_TOKEN,
    "$skiptoken is not one this API handed out (it was changed or cut short). Follow @odata.nextLink as it is.",
  );
}
