import { defineTexts } from "@/lib/i18n";
import type { HomeTexts } from "./en";

export type { HomeTexts };

/** The Home page's texts, loaded with the feature in the language shown. */
export const homeTexts = defineTexts<HomeTexts>({ en: () => import("./en"), nl: () => import("./nl") });

export const useHomeTexts = homeTexts.useTexts;
