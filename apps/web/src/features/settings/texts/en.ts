import type { Widen } from "@/lib/i18n/widen";

/** Texts of the settings page, in English: the reference for other languages. */
export const texts = {
  title: "Settings",
  description: "Your personal preferences.",
  languageTitle: "Display language",
  languageHint:
    "The admin center is available in English and Dutch. Your choice is remembered on this device and saved with your account.",
  accountTitle: "Your account",
  name: "Name",
  email: "Email",
  homeTenant: "Home organization",
};

export type SettingsTexts = Widen<typeof texts>;
