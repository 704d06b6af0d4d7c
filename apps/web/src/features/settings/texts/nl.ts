import type { SettingsTexts } from "./en";

export const texts: SettingsTexts = {
  title: "Instellingen",
  description: "Je persoonlijke voorkeuren.",
  languageTitle: "Weergavetaal",
  languageHint:
    "Het beheercentrum is beschikbaar in het Engels en het Nederlands. Je keuze wordt op dit apparaat onthouden en bij je account opgeslagen.",
  accountTitle: "Je account",
  name: "Naam",
  email: "E-mailadres",
  homeTenant: "Thuisorganisatie",
};
