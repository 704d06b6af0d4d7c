import { LANGUAGES, type Language } from "@allot/contracts";
import { type ReactNode, useCallback, useEffect, useMemo, useState } from "react";
import { type I18n, I18nContext } from "./context";
import { coreTexts } from "./core-texts";
import { loadRegisteredTexts, setShownLanguage } from "./define-texts";
import type { Messages } from "./en";
import { localeOf } from "./locale";

export { type I18n, useI18n } from "./context";
export { defineTexts, loadRegisteredTexts, type Texts } from "./define-texts";
export type { Messages } from "./en";
export { type Plural, textTools } from "./plural";

export { LANGUAGES, type Language };

const STORAGE_KEY = "allot.language";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

function readStoredLanguage(): Language | null {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null;
  }
}

/** The first language the browser prefers that we support; English when none is Dutch or English. */
export function detectLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split("-")[0];
    if (isLanguage(primary)) return primary;
  }
  return "en";
}

/** Whether the person chose a language on this device (rather than it following the browser). */
export function hasStoredLanguage(): boolean {
  return readStoredLanguage() !== null;
}

/** The language the app starts in: the one chosen on this device, else the browser's. */
export function initialLanguage(): Language {
  return readStoredLanguage() ?? detectLanguage(navigator.languages ?? [navigator.language]);
}

/** Loads the shell's texts in a language: the app renders only once they are there (see main.tsx). */
export function loadCoreTexts(language: Language): Promise<unknown> {
  return coreTexts.load(language);
}

/**
 * Switches to a language once every dictionary loaded so far is there in it too, so no page suspends half-way. A
 * failed load switches anyway: a feature whose texts did not come shows its error boundary with a retry.
 */
async function textsLoadedIn(language: Language): Promise<void> {
  try {
    await loadRegisteredTexts(language);
  } catch {
    // See above.
  }
}

/** Renders its children in the language chosen; the shell's texts in `initialLanguage()` must have loaded first. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);

  const setLanguage = useCallback((next: Language) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Storage can be unavailable (private mode); the choice then lasts for this page only.
    }
    void textsLoadedIn(next).then(() => setLanguageState(next));
  }, []);

  setShownLanguage(language);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  // Another tab changed the language: follow it.
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      const next = event.newValue;
      if (event.key === STORAGE_KEY && isLanguage(next)) void textsLoadedIn(next).then(() => setLanguageState(next));
    };
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
  }, []);

  const value = useMemo<I18n>(() => {
    const locale = localeOf(language);
    const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
    const number = new Intl.NumberFormat(locale);
    const regions = new Intl.DisplayNames([locale], { type: "region", fallback: "code" });
    return {
      language,
      // Loaded before the first render (main.tsx) and before every switch (setLanguage).
      t: coreTexts.peek(language) as Messages,
      setLanguage,
      formatDate: (iso) => date.format(new Date(iso)),
      formatDateTime: (iso) => dateTime.format(new Date(iso)),
      formatNumber: (value) => number.format(value),
      countryName: (code) => {
        try {
          return regions.of(code) ?? code;
        } catch {
          return code;
        }
      },
    };
  }, [language, setLanguage]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
