import { defineTexts } from "@/lib/i18n";
import type { AuthTexts } from "./en";

/** The sign-in and change-password pages' texts; loaded with them, in the language shown. */
export const authTexts = defineTexts<AuthTexts>({ en: () => import("./en"), nl: () => import("./nl") });

export const useAuthTexts = authTexts.useTexts;
