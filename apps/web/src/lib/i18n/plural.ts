import type { Language } from "@allot/contracts";
import { localeOf } from "./locale";

/** The word for a count in one language, chosen by the language's own plural rules (`Intl.PluralRules`). */
export type Plural = (count: number, one: string, other: string) => string;

/**
 * The plural and number helpers a dictionary of one language uses in its texts, so no text hard-codes a locale or
 * decides "one or many" itself. English and Dutch have the forms one and other; a language with more forms would
 * widen `Plural` to take them.
 */
export function textTools(language: Language) {
  const locale = localeOf(language);
  const rules = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  const plural: Plural = (count, one, other) => (rules.select(count) === "one" ? one : other);
  return {
    plural,
    /** A number as the language writes it: 2,500 / 2.500. */
    number: (value: number) => numbers.format(value),
    /** A change with its sign: +3 / −2 (a real minus sign). */
    signed: (delta: number) => (delta > 0 ? `+${numbers.format(delta)}` : `−${numbers.format(-delta)}`),
  };
}
