import { ERROR_CODES, type ErrorCode } from "@allot/contracts";
import { ApiError } from "@/lib/api-client";
import type { Messages } from "@/lib/i18n";

const KNOWN: ReadonlySet<string> = new Set(ERROR_CODES);

/**
 * A violation code (a member's inherited license error, a field error) in words, in the current language; `unknown`
 * for a code this version does not know.
 */
export function violationText(code: string | undefined, t: Messages, unknown: string): string {
  return code && KNOWN.has(code) ? t.errors[code as ErrorCode] : unknown;
}

/** The messages of a refused change per product (field errors carry the skuId they concern). */
export function errorsBySku(error: unknown, t: Messages, unknown: string): Map<string, string[]> {
  const bySku = new Map<string, string[]>();
  if (!(error instanceof ApiError)) return bySku;
  for (const field of error.fieldErrors) {
    if (!field.skuId) continue;
    const text = violationText(field.code, t, unknown);
    const list = bySku.get(field.skuId) ?? [];
    if (!list.includes(text)) list.push(text);
    bySku.set(field.skuId, list);
  }
  return bySku;
}
