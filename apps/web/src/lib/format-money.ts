import { useCallback } from "react";
import { useI18n } from "./i18n";
import { localeOf } from "./i18n/locale";

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: "currency", currency });
    formatters.set(key, format);
  }
  return format;
}

/**
 * An amount in integer cents (minor units) of `currency`, as the locale writes money: 6550 EUR → "€65.50" in
 * English, "€ 65,50" in Dutch. Credits (negative amounts) keep their minus sign.
 */
export function formatMoney(cents: number, currency: string, locale: string): string {
  try {
    return formatter(locale, currency).format(cents / 100);
  } catch {
    // An unknown currency code: still show the amount.
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}

/** `formatMoney` in the current language: `money(6550, "EUR")`. */
export function useFormatMoney(): (cents: number, currency: string) => string {
  const { language } = useI18n();
  const locale = localeOf(language);
  return useCallback((cents: number, currency: string) => formatMoney(cents, currency, locale), [locale]);
}
