import { defineTexts } from "@/lib/i18n";
import type { LicensingTexts } from "./en";

export type { LicensingTexts };

/** The shared licensing pieces' texts, used by several features; loaded with the first of them, in the language shown. */
export const licensingTexts = defineTexts<LicensingTexts>({ en: () => import("./en"), nl: () => import("./nl") });

export const useLicensingTexts = licensingTexts.useTexts;
