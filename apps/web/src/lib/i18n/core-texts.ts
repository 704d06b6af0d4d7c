import { defineTexts } from "./define-texts";
import type { Messages } from "./en";

/**
 * The shell's own texts: common words, error codes, validation, navigation, roles. Loaded before the app first
 * renders, in the language it starts in; the other language only when someone switches to it.
 */
export const coreTexts = defineTexts<Messages>({ en: () => import("./en"), nl: () => import("./nl") });
