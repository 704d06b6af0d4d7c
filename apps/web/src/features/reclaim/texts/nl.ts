import { textTools } from "@/lib/i18n/plural";
import type { ReclaimTexts } from "./en";

const { plural } = textTools("nl");

export const texts: ReclaimTexts = {
  title: "Licenties terugvorderen",
  description:
    "Gebruikers die een aantal dagen niet hebben aangemeld maar nog betaalde licenties hebben. Win hun licenties terug om de licenties en de kosten ervan vrij te maken.",
  daysLabel: "Minstens zoveel dagen niet aangemeld",
  daysHint: "Van 1 tot 3650 dagen. Druk op Enter of verlaat het veld om de lijst bij te werken.",
  daysInvalid: "Voer een heel aantal dagen in van 1 tot 3650.",
  inactiveSince: (date: string) => `Niet aangemeld sinds ${date}`,
  totalsLabel: "Totalen",
  totalUsers: "Inactieve gebruikers met betaalde licenties",
  totalCost: "Maandelijkse kosten van hun licenties",
  loading: "Inactieve gebruikers laden…",
  shownCount: (shown: number, total: number) =>
    `${shown} van ${total} ${plural(total, "gebruiker", "gebruikers")} weergegeven`,
  columns: {
    name: "Weergavenaam",
    lastSignIn: "Laatste aanmelding",
    licenses: "Betaalde licenties",
    monthlyCost: "Kosten per maand",
  },
  never: "Nooit",
  guest: "Gast",
  tableLabel: (days: number) => `Gebruikers die ${days} ${plural(days, "dag", "dagen")} niet hebben aangemeld`,
  selectAll: "Alle weergegeven gebruikers selecteren",
  selectRow: (name: string) => `${name} selecteren`,
  selection: (count: number, cost: string) =>
    count === 0
      ? "Selecteer de gebruikers van wie je de licenties wilt terugvorderen."
      : `${count} ${plural(count, "gebruiker", "gebruikers")} geselecteerd: terugvorderen bespaart ${cost} per maand.`,
  clearSelection: "Selectie wissen",
  reclaimButton: "Licenties terugvorderen",
  replaceWarning:
    "Terugvorderen verwijdert elke licentie die rechtstreeks aan de geselecteerde gebruikers is toegewezen. Licenties die ze via een groep krijgen, blijven.",
  dialogTitle: (count: number, cost: string) =>
    `Alle rechtstreekse licenties van ${count} ${plural(count, "gebruiker", "gebruikers")} verwijderen (bespaart ${cost} per maand)`,
  emptyTitle: "Geen inactieve gebruikers met betaalde licenties",
  emptyBody: (days: number) =>
    `Iedereen met een betaalde licentie heeft zich in de afgelopen ${days} ${plural(days, "dag", "dagen")} aangemeld.`,
};
