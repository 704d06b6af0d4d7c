import { z } from "zod";
import { COUNTRY_CODES } from "./countries.js";

export const uuidSchema = z.uuid({ error: "must be a UUID" });

/**
 * An id a client sends (path, body): any letter case, handed on lower-case as the database returns ids, so string
 * comparisons such as "is this the signed-in user" cannot be dodged with upper-case letters.
 */
export const idInputSchema = uuidSchema.transform((id) => id.toLowerCase());

/** Lone UTF-16 surrogates cannot be stored (PostgreSQL text is UTF-8) and no person types them. */
const wellFormed = (value: string) => !/\p{Cs}/u.test(value);

/** Display names, descriptions and other free text: trimmed, bounded, no control characters. */
export function text(max: number) {
  return z
    .string()
    .trim()
    .min(1, { error: "must not be empty" })
    .max(max, { error: `must be at most ${max} characters` })
    .refine((value) => !/\p{Cc}/u.test(value), { error: "must not contain control characters" })
    .refine(wellFormed, { error: "must be well-formed Unicode text" });
}

/** A search box's text: bounded, and nothing PostgreSQL cannot compare (NUL, lone surrogates). */
export const searchText = z
  .string()
  .trim()
  .max(100, { error: "must be at most 100 characters" })
  .refine((value) => !/\p{Cc}/u.test(value) && wellFormed(value), {
    error: "must not contain control characters or broken Unicode",
  });

export const emailSchema = z
  .string()
  .trim()
  .max(254, { error: "must be at most 254 characters" })
  .pipe(z.email({ error: "must be an email address" }))
  .transform((value) => value.toLowerCase());

/** ISO 3166-1 alpha-2 country code, or null for "not set" (a user without a usage location cannot be licensed). */
export const usageLocationSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => COUNTRY_CODES.has(code), { error: "must be an ISO 3166-1 alpha-2 country code" })
  .nullable();

/** Query-string booleans arrive as text; only the two spellings a person would type are accepted. */
export const queryBoolean = z.enum(["true", "false"]).transform((value) => value === "true");

export const isoDateTime = z.iso.datetime();

export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/**
 * A whole number in a query string, from `min` to `max` (at most four digits). Digits only: Number() would also
 * read "0x10", "1e2" or " 7 ".
 */
export function queryWholeNumber(min: number, max: number, error: string) {
  return z
    .string()
    .regex(/^\d{1,4}$/, { error })
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
}

export const cursorQuery = {
  cursor: z.string().max(512).optional(),
  limit: queryWholeNumber(1, 200, "must be a whole number from 1 to 200").default(50),
};

/** Field separators of the CSV exports: comma (the default) or semicolon (Excel in Dutch and other languages). */
export const CSV_DELIMITERS = ["comma", "semicolon"] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** The query parameter of every CSV export. */
export const csvExportQuery = {
  delimiter: z
    .enum(CSV_DELIMITERS, { error: "must be comma or semicolon" })
    .default("comma")
    .describe("Field separator: `comma` (default) or `semicolon` (Excel in Dutch and other European languages)."),
};

// PostgreSQL's timestamptz starts at year 1 (there is no year 0) and JS prints years past 9999 in a form it refuses.
const EARLIEST = Date.parse("0001-01-01T00:00:00Z");
const LATEST = Date.parse("9999-12-31T23:59:59.999Z");

/**
 * An instant with an explicit offset (`Z` or `+01:00`). Stored times have millisecond precision, so finer digits
 * round up to the next millisecond: `createdAt >= t` and `createdAt < t` then select exactly the same rows.
 */
export const instantInputSchema = z.iso
  .datetime({ offset: true, error: "must be an ISO 8601 date-time with an offset, e.g. 2025-01-31T00:00:00Z" })
  .transform((value) => {
    const fraction = /\.\d{3}(\d+)/.exec(value)?.[1];
    return new Date(Date.parse(value) + (fraction && /[1-9]/.test(fraction) ? 1 : 0));
  })
  .refine((date) => date.getTime() >= EARLIEST && date.getTime() <= LATEST, {
    error: "must lie between the years 0001 and 9999 (UTC)",
  });
