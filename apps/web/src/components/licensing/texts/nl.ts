import { textTools } from "@/lib/i18n/plural";
import type { LicensingTexts } from "./en";

const { plural, number } = textTools("nl");

export const texts: LicensingTexts = {
  appsOff: (product: string, apps: string) => `Apps uitgeschakeld in ${product}: ${apps}`,
  usersHeading: "Per gebruiker",
  title: "Licenties in bulk wijzigen",
  plansLegend: (product: string, on: number, total: number) =>
    `Apps en services van ${product}: ${on} van ${total} aan`,
  checkingUsers: (count: number) => `${number(count)} ${plural(count, "gebruiker", "gebruikers")} controleren…`,
  previewFailedTitle: "De wijziging kon niet worden gecontroleerd",
  previewSummary: (ok: number, failed: number) =>
    `${number(ok)} ${plural(ok, "gebruiker wordt", "gebruikers worden")} gewijzigd, ${number(failed)} ${plural(failed, "kan", "kunnen")} niet.`,
  previewSummaryTitle: "Wat er gaat gebeuren",
  nothingToApply: "Geen van deze gebruikers kan deze wijziging krijgen. De redenen staan hieronder per gebruiker.",
  dataLoss: {
    title: "Gegevens worden verwijderd",
    body: (licenses: number | null, users: number | null) =>
      `Als u ${plural(licenses ?? 0, "deze licentie", "deze licenties")} verwijdert, worden de gegevens van ${plural(users ?? 0, "de gebruiker", "de gebruikers")} in de apps en services ervan verwijderd, zoals ${plural(users ?? 0, "het postvak", "de postvakken")} met alle berichten. U kunt de gegevens niet meer herstellen (met uitzondering van de documenten die zijn opgeslagen in SharePoint Online), ook niet door de licentie opnieuw toe te wijzen.`,
  },
  usageLocation: {
    label: (name: string) => `Gebruikslocatie van ${name}`,
    set: "Gebruikslocatie instellen",
    setting: "Instellen…",
    chooseFirst: "Kies eerst een land of regio.",
    notAllowed: "Alleen een globale beheerder of een gebruikersbeheerder kan een gebruikslocatie instellen.",
    adminTarget: "Alleen een globale beheerder kan de gebruikslocatie van een beheerder instellen.",
  },
  seatsHeading: "Licenties per product",
  seatsProduct: "Product",
  seatsAssigned: "Toegewezen",
  seatsAvailable: "Beschikbaar",
  beforeAfter: (before: number, after: number) => `${number(before)} → ${number(after)}`,
  conflictCreated: (product: string, short: number) =>
    `${product}: deze wijziging veroorzaakt een licentieconflict (${number(short)} ${plural(short, "houder", "houders")} zonder licentie).`,
  conflictRemains: (product: string, short: number) =>
    `${product} blijft in een licentieconflict (${number(short)} ${plural(short, "houder", "houders")} zonder licentie).`,
  usersList: "Gebruikers in deze wijziging",
  onlyFailing: (count: number) => `Alleen gebruikers tonen bij wie het mislukt (${number(count)})`,
  noFailing: "Bij elke gebruiker in deze wijziging lukt het.",
  unknownUser: "Onbekende gebruiker",
  willChange: "Wordt gewijzigd",
  cannotChange: "Kan niet worden gewijzigd",
  gets: (products: string) => `Krijgt ${products}`,
  loses: (products: string) => `Verliest ${products}`,
  plansChange: (products: string) => `Apps en services wijzigen in ${products}`,
  noChange: "Er verandert niets",
  violation: (product: string, reason: string) => `${product}: ${reason}`,
  apply: (count: number) => `Toepassen op ${number(count)} ${plural(count, "gebruiker", "gebruikers")}`,
  starting: "Starten…",
  startFailedTitle: "De wijziging kon niet worden gestart",
  jobStarted: "De wijziging wordt uitgevoerd.",
  progressLabel: "Voortgang",
  progressText: (processed: number, total: number, percent: number) =>
    `${number(processed)} van ${number(total)} ${plural(total, "gebruiker", "gebruikers")} verwerkt (${percent}%)`,
  progressAnnouncement: (percent: number) => `${percent}% klaar`,
  finishedAnnouncement: (ok: number, failed: number) => `Klaar: ${number(ok)} gelukt, ${number(failed)} mislukt.`,
  stoppedAnnouncement: "De wijziging is gestopt voordat alle gebruikers waren verwerkt.",
  status: { queued: "Wacht op start", running: "Bezig", succeeded: "Voltooid", failed: "Gestopt" },
  resultCounts: (ok: number, failed: number) => `${number(ok)} gelukt, ${number(failed)} mislukt`,
  succeeded: "Gelukt",
  failed: "Mislukt",
  resultsHeading: "Resultaten per gebruiker",
  noResultsYet: "Het resultaat per gebruiker verschijnt hier zodra de wijziging klaar is.",
  jobStopped:
    "De wijziging is gestopt voordat alle gebruikers waren verwerkt. Gebruikers die hier niet staan, zijn niet gewijzigd.",
  jobCreatorForbidden:
    "Dat komt doordat de beheerder die de wijziging startte hier geen licenties meer mag wijzigen (rol ingetrokken, aanmelden geblokkeerd of account verwijderd). Wat daarvoor is gewijzigd, blijft staan.",
  continueInBackground: "Op de achtergrond verdergaan",
  backgroundHint: "De wijziging gaat door als je dit venster sluit.",
  loadingJob: "Wijziging laden…",
  jobLoadFailed: "De wijziging kon niet worden geladen",
  changeAdd: (products: string) => `${products} toevoegen`,
  changeRemove: (products: string) => `${products} verwijderen`,
  changeReplace: (products: string) => `Directe licenties vervangen door ${products}`,
  changeReplaceNone: "Alle directe licenties verwijderen",
  plansOff: (product: string, count: number) => `${product} (${number(count)} ${plural(count, "app", "apps")} uit)`,
  jobUsers: (count: number) => `${number(count)} ${plural(count, "gebruiker", "gebruikers")}`,
  backToLicenses: "Terug naar Licenties",
  /** The license conflicts of a product on an expired subscription (the expired-subscription notice). */
  conflicts: {
    expiredTitle: (product: string) => `${product} is verlopen`,
    expiredProblem: (users: number, product: string, date: string) =>
      `${users} ${plural(users, "gebruiker heeft", "gebruikers hebben")} ${product} via een verlopen abonnement: ${plural(users, "deze verliest", "ze verliezen")} op ${date} de toegang, tenzij je het verlengt.`,
    askBillingToRenew: "Een globale beheerder of factureringsbeheerder kan het verlengen.",
    convertTrial: "Omzetten naar betaald",
    renew: "Abonnement verlengen",
    viewConflicts: "Naar licentieconflicten",
  },
};
