import { defineTexts } from "@/lib/i18n";
import type { LicensesTexts } from "./en";

export type { LicensesTexts };

/** The Licenses page's and the product page's texts, loaded with the feature in the language shown. */
export const licensesTexts = defineTexts<LicensesTexts>({ en: () => import("./en"), nl: () => import("./nl") });

export const useLicensesTexts = licensesTexts.useTexts;
