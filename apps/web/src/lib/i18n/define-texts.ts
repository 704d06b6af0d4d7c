import type { Language } from "@allot/contracts";
import { use } from "react";
import { useI18n } from "./context";

/** One language's module of a dictionary: `export const texts = { … }`. */
export interface TextsModule<T> {
  texts: T;
}

export interface Texts<T> {
  /** The dictionary in the current language; suspends the first time a language is needed until it has loaded. */
  useTexts(): T;
  /** Loads the dictionary in one language (once; later calls share the first load). */
  load(language: Language): Promise<T>;
  /** The dictionary in one language if it has loaded, else undefined. */
  peek(language: Language): T | undefined;
}

/** Every dictionary defined so far: switching language loads each of them in the new language first. */
const REGISTERED = new Set<Texts<unknown>>();

/** The language shown, for code outside React that loads texts ahead of a render (lazily loaded pages). */
let shownLanguage: Language = "en";

export function setShownLanguage(language: Language): void {
  shownLanguage = language;
}

/**
 * A feature's texts, one module per language, each loaded on first use and only in the language that is shown.
 * The English module is the reference: the Dutch one is typed `Widen<typeof texts>` of it, so a missing or extra key
 * fails the typecheck, and imports that type only (type imports do not load the English module).
 *
 *     export const usersTexts = defineTexts<UsersTexts>({ en: () => import("./en"), nl: () => import("./nl") });
 */
export function defineTexts<T>(loaders: Record<Language, () => Promise<TextsModule<T>>>): Texts<T> {
  const loaded = new Map<Language, T>();
  const loading = new Map<Language, Promise<T>>();
  const load = (language: Language): Promise<T> => {
    let promise = loading.get(language);
    if (!promise) {
      promise = loaders[language]().then((module) => {
        loaded.set(language, module.texts);
        return module.texts;
      });
      // A failed load (the network) may be tried again by the next render.
      promise.catch(() => loading.delete(language));
      loading.set(language, promise);
    }
    return promise;
  };
  const texts: Texts<T> = {
    load,
    peek: (language) => loaded.get(language),
    useTexts() {
      const { language } = useI18n();
      return loaded.get(language) ?? use(load(language));
    },
  };
  REGISTERED.add(texts as Texts<unknown>);
  return texts;
}

/**
 * Loads, in one language, every dictionary whose module has been imported: before the language changes (so no page
 * suspends half-way through the switch) and before a lazily loaded page first renders (so its texts come with it).
 */
export async function loadRegisteredTexts(language: Language = shownLanguage): Promise<void> {
  await Promise.all([...REGISTERED].map((texts) => texts.load(language)));
}
