import type { Widen } from "../widen";

const plural = (count: number, one: string, other: string) => (count === 1 ? one : other);

/** Texts of the reclaim area; `reclaimNl` must have the same keys. */
export const reclaimEn = {
  title: "Reclaim licenses",
  description:
    "Users who have not signed in for a number of days but still hold paid licenses. Reclaim their licenses to free the seats and what they cost.",
  daysLabel: "Not signed in for at least (days)",
  daysHint: "From 1 to 3650 days. Press Enter or leave the field to update the list.",
  daysInvalid: "Enter a whole number of days from 1 to 3650.",
  inactiveSince: (date: string) => `Not signed in since ${date}`,
  totalsLabel: "Totals",
  totalUsers: "Inactive users with paid licenses",
  totalCost: "Monthly cost of their licenses",
  loading: "Loading inactive users…",
  shownCount: (shown: number, total: number) => `${shown} of ${total} ${plural(total, "user", "users")} shown`,
  columns: {
    name: "Display name",
    lastSignIn: "Last sign-in",
    licenses: "Paid licenses",
    monthlyCost: "Monthly cost",
  },
  never: "Never",
  guest: "Guest",
  tableLabel: (days: number) => `Users who have not signed in for ${days} ${plural(days, "day", "days")}`,
  selectAll: "Select all users shown",
  selectRow: (name: string) => `Select ${name}`,
  selection: (count: number, cost: string) =>
    count === 0
      ? "Select the users whose licenses you want to reclaim."
      : `${count} ${plural(count, "user", "users")} selected: reclaiming frees ${cost} a month.`,
  clearSelection: "Clear selection",
  reclaimButton: "Reclaim licenses",
  replaceWarning:
    "Reclaiming removes every license assigned directly to the selected users. Licenses they get through a group stay.",
  dialogTitle: (count: number, cost: string) =>
    `Remove every direct license of ${count} ${plural(count, "user", "users")} (frees ${cost} a month)`,
  emptyTitle: "No inactive users with paid licenses",
  emptyBody: (days: number) =>
    `Everyone holding a paid license has signed in within the last ${days} ${plural(days, "day", "days")}.`,
};

export const reclaimNl: Widen<typeof reclaimEn> = {
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
    `${shown} van ${total} ${total === 1 ? "gebruiker" : "gebruikers"} weergegeven`,
  columns: {
    name: "Weergavenaam",
    lastSignIn: "Laatste aanmelding",
    licenses: "Betaalde licenties",
    monthlyCost: "Kosten per maand",
  },
  never: "Nooit",
  guest: "Gast",
  tableLabel: (days: number) => `Gebruikers die ${days} ${days === 1 ? "dag" : "dagen"} niet hebben aangemeld`,
  selectAll: "Alle weergegeven gebruikers selecteren",
  selectRow: (name: string) => `${name} selecteren`,
  selection: (count: number, cost: string) =>
    count === 0
      ? "Selecteer de gebruikers van wie je de licenties wilt terugvorderen."
      : `${count} ${count === 1 ? "gebruiker" : "gebruikers"} geselecteerd: terugvorderen bespaart ${cost} per maand.`,
  clearSelection: "Selectie wissen",
  reclaimButton: "Licenties terugvorderen",
  replaceWarning:
    "Terugvorderen verwijdert elke licentie die rechtstreeks aan de geselecteerde gebruikers is toegewezen. Licenties die ze via een groep krijgen, blijven.",
  dialogTitle: (count: number, cost: string) =>
    `Alle rechtstreekse licenties van ${count} ${count === 1 ? "gebruiker" : "gebruikers"} verwijderen (bespaart ${cost} per maand)`,
  emptyTitle: "Geen inactieve gebruikers met betaalde licenties",
  emptyBody: (days: number) =>
    `Iedereen met een betaalde licentie heeft zich in de afgelopen ${days} ${days === 1 ? "dag" : "dagen"} aangemeld.`,
};
