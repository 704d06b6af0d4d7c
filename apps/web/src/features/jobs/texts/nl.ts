import type { JobsTexts } from "./en";

export const texts: JobsTexts = {
  jobTitle: "Licenties in bulk wijzigen",
  jobNotFound: "Deze bulkwijziging bestaat niet of je kunt hem niet zien.",
  jobFacts: "Over deze wijziging",
  jobStartedBy: "Gestart door",
  jobStartedAt: "Gestart",
  jobFinishedAt: "Voltooid",
  jobChange: "Wijziging",
  jobUsers: "Gebruikers",
  unknownPerson: "Onbekend",
  notFinished: "Nog niet voltooid",
};
