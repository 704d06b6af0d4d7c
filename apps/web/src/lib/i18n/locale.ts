import type { Language } from "@allot/contracts";

/**
 * The one place a display language becomes a locale for Intl: dates, numbers and money follow the language chosen
 * in the portal, never the browser's own locale (a Dutch admin in an American browser still reads 31-01-2025).
 */
export const LOCALES: Record<Language, string> = { en: "en-GB", nl: "nl-NL" };

export function localeOf(language: Language): string {
  return LOCALES[language];
}

/** How a calendar day is typed and shown in each language: the placeholder and the separator between the parts. */
const DAY_FORMATS: Record<Language, { pattern: string; separator: string }> = {
  en: { pattern: "dd/mm/yyyy", separator: "/" },
  nl: { pattern: "dd-mm-jjjj", separator: "-" },
};

/** The placeholder of a date field: "dd/mm/yyyy" or "dd-mm-jjjj". */
export function dayPattern(language: Language): string {
  return DAY_FORMATS[language].pattern;
}

/** A calendar day (YYYY-MM-DD) as the language writes it in a date field: 31/01/2025 or 31-01-2025. */
export function formatDay(day: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  const separator = DAY_FORMATS[language].separator;
  return [match[3], match[2], match[1]].join(separator);
}

/**
 * A typed day, day first as both languages write it (31-1-2025, 31/01/2025, 31.01.2025) or as YYYY-MM-DD, to
 * YYYY-MM-DD; null when it is no real day.
 */
export function parseDay(text: string): string | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const dayFirst = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(trimmed);
  const [year, month, date] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : dayFirst
      ? [Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1])]
      : [Number.NaN, Number.NaN, Number.NaN];
  if (!Number.isInteger(year) || year < 1000) return null;
  const check = new Date(Date.UTC(year, month - 1, date));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(date).padStart(2, "0")}`;
}
