import { defineTexts } from "@/lib/i18n";
import type { ReclaimTexts } from "./en";

export type { ReclaimTexts };

/** The reclaim page's texts, loaded with the feature in the language shown. */
export const reclaimTexts = defineTexts<ReclaimTexts>({ en: () => import("./en"), nl: () => import("./nl") });

export const useReclaimTexts = reclaimTexts.useTexts;
