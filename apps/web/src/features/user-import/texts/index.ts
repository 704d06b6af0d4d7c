import { defineTexts } from "@/lib/i18n";
import type { UserImportTexts } from "./en";

/** The import pages' texts; loaded with them, in the language shown. */
export const userImportTexts = defineTexts<UserImportTexts>({ en: () => import("./en"), nl: () => import("./nl") });

export const useUserImportTexts = userImportTexts.useTexts;
