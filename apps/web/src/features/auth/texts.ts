import { useI18n } from "@/lib/i18n";
import type { Widen } from "@/lib/i18n/widen";

/**
 * Texts of the change-password page and the sign-in page's first-run notice, in English and Dutch (`authTextsNl`
 * must have the same keys). They load with those pages, not with the shell's dictionary.
 */
export const authTextsEn = {
  changeTitle: "Change your password",
  forcedIntro:
    "You signed in with a one-time password. Choose a password of your own to continue; the one-time password stops working.",
  voluntaryIntro: "Choose a new password. You stay signed in here; your other sessions are signed out.",
  currentPassword: "Current password",
  forcedCurrentHint: "The one-time password you just signed in with",
  newPassword: "New password",
  newPasswordHint: "At least 12 characters.",
  confirmPassword: "Confirm new password",
  mismatch: "The two new passwords are not the same.",
  wrongCurrent: "This is not your current password.",
  samePassword: "Choose a password other than the current one.",
  published: "This password is published. Choose another one.",
  save: "Change password",
  saving: "Changing…",
  back: "Back",
  setupTitle: "This portal is not set up yet",
  setupBody:
    "It has no organization, so nobody can sign in. On the server, create the first organization and its global admin:",
  setupCommand:
    'pnpm allot-setup --organization "Contoso" --domain contoso.com --admin-name "Megan Bowen" --admin-email admin@contoso.com',
  setupAfter:
    "It prints the admin's one-time password; sign in with it here and choose a new one. With Docker: docker compose exec portal pnpm allot-setup …",
};

export const authTextsNl: Widen<typeof authTextsEn> = {
  changeTitle: "Wijzig je wachtwoord",
  forcedIntro:
    "Je bent aangemeld met een eenmalig wachtwoord. Kies een eigen wachtwoord om verder te gaan; het eenmalige wachtwoord werkt daarna niet meer.",
  voluntaryIntro: "Kies een nieuw wachtwoord. Je blijft hier aangemeld; je andere sessies worden afgemeld.",
  currentPassword: "Huidig wachtwoord",
  forcedCurrentHint: "Het eenmalige wachtwoord waarmee je je net hebt aangemeld",
  newPassword: "Nieuw wachtwoord",
  newPasswordHint: "Minstens 12 tekens.",
  confirmPassword: "Nieuw wachtwoord bevestigen",
  mismatch: "De twee nieuwe wachtwoorden zijn niet gelijk.",
  wrongCurrent: "Dit is niet je huidige wachtwoord.",
  samePassword: "Kies een ander wachtwoord dan het huidige.",
  published: "Dit wachtwoord is openbaar gemaakt. Kies een ander.",
  save: "Wachtwoord wijzigen",
  saving: "Wijzigen…",
  back: "Terug",
  setupTitle: "Deze portal is nog niet ingericht",
  setupBody:
    "Er is nog geen organisatie, dus niemand kan zich aanmelden. Maak op de server de eerste organisatie en haar globale beheerder:",
  setupCommand:
    'pnpm allot-setup --organization "Contoso" --domain contoso.com --admin-name "Megan Bowen" --admin-email admin@contoso.com',
  setupAfter:
    "Het toont het eenmalige wachtwoord van de beheerder; meld je daarmee hier aan en kies een nieuw. Met Docker: docker compose exec portal pnpm allot-setup …",
};

export function useAuthTexts(): Widen<typeof authTextsEn> {
  const { language } = useI18n();
  return language === "nl" ? authTextsNl : authTextsEn;
}
