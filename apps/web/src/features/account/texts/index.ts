import { defineTexts } from "@/lib/i18n";
import type { AccountTexts } from "./en";

/** My licenses' texts; loaded with the page, in the language shown. */
export const accountTexts = defineTexts<AccountTexts>({ en: () => import("./en"), nl: () => import("./nl") });

export const useAccountTexts = accountTexts.useTexts;
