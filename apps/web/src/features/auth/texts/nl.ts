import type { AuthTexts } from "./en";

export const texts: AuthTexts = {
  signInTitle: "Aanmelden",
  signInSubtitle: "bij het Allot-beheercentrum",
  email: "E-mailadres",
  emailPlaceholder: "naam@voorbeeld.nl",
  password: "Wachtwoord",
  signIn: "Aanmelden",
  signingIn: "Aanmelden…",
  signedOut: "Je bent afgemeld.",
  sessionEnded: "Je sessie is beëindigd. Meld je opnieuw aan om verder te gaan.",
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
