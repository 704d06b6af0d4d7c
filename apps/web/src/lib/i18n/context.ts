import type { Language } from "@allot/contracts";
import { createContext, useContext } from "react";
import type { Messages } from "./en";

export interface I18n {
  language: Language;
  /** The shell's shared texts (common words, errors, validation, navigation); features have their own. */
  t: Messages;
  setLanguage: (language: Language) => void;
  formatDate: (iso: string) => string;
  formatDateTime: (iso: string) => string;
  formatNumber: (value: number) => string;
  /** The country's name in the current language, e.g. "NL" -> "Netherlands" / "Nederland". */
  countryName: (code: string) => string;
}

export const I18nContext = createContext<I18n | null>(null);

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error("useI18n must be used inside <I18nProvider>");
  return context;
}
