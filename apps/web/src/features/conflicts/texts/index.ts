import { defineTexts } from "@/lib/i18n";
import type { ConflictsTexts } from "./en";

export type { ConflictsTexts };

/** The license conflicts page's texts, loaded with the feature in the language shown. */
export const conflictsTexts = defineTexts<ConflictsTexts>({ en: () => import("./en"), nl: () => import("./nl") });

export const useConflictsTexts = conflictsTexts.useTexts;
