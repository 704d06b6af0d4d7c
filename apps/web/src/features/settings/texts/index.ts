import { defineTexts } from "@/lib/i18n";
import type { SettingsTexts } from "./en";

export type { SettingsTexts };

/** The settings page's texts, loaded with the feature in the language shown. */
export const settingsTexts = defineTexts<SettingsTexts>({ en: () => import("./en"), nl: () => import("./nl") });

export const useSettingsTexts = settingsTexts.useTexts;
