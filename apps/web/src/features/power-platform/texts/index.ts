import { defineTexts } from "@/lib/i18n";
import type { PowerPlatformTexts } from "./en";

export type { PowerPlatformTexts };

/** The Power Platform pages' texts, loaded with the feature in the language shown. */
export const powerPlatformTexts = defineTexts<PowerPlatformTexts>({
  en: () => import("./en"),
  nl: () => import("./nl"),
});

export const usePowerPlatformTexts = powerPlatformTexts.useTexts;
