import type { Widen } from "../widen";

const plural = (count: number, one: string, other: string) => (count === 1 ? one : other);
const enNumber = new Intl.NumberFormat("en-GB");
const nlNumber = new Intl.NumberFormat("nl-NL");
const en = (value: number) => enNumber.format(value);
const nl = (value: number) => nlNumber.format(value);

/** Texts of the shared licensing pieces (bulk change preview, job progress); `licensingNl` must have the same keys. */
export const licensingEn = {
  title: "Bulk license change",
  plansLegend: (product: string, on: number, total: number) => `Apps and services of ${product}: ${on} of ${total} on`,
  requiresRole: (roles: string) => `Requires one of these roles: ${roles}`,
  // Preview (dry run)
  checkingUsers: (count: number) => `Checking ${en(count)} ${plural(count, "user", "users")}…`,
  previewFailedTitle: "The change could not be checked",
  previewSummary: (ok: number, failed: number) =>
    `${en(ok)} ${plural(ok, "user", "users")} will change, ${en(failed)} cannot.`,
  previewSummaryTitle: "What will happen",
  nothingToApply: "None of these users can get this change. The reasons are listed per user below.",
  /**
   * The one warning of every path that removes licenses (seed 002: the service data is deleted at once and cannot
   * be recovered, except documents in SharePoint Online). `licenses`/`users` choose the plurals; null: not known.
   */
  dataLoss: {
    title: "Data will be deleted",
    body: (licenses: number | null, users: number | null) =>
      `Removing ${licenses === 1 ? "this license" : "these licenses"} deletes ${users === 1 ? "the user's" : "the users'"} data in ${licenses === 1 ? "its" : "their"} apps and services, such as ${users === 1 ? "their mailbox and all its messages" : "their mailboxes and all their messages"}. The data can't be recovered (except documents stored in SharePoint Online), not even by assigning the license again.`,
  },
  appsOff: (product: string, apps: string) => `Apps switched off in ${product}: ${apps}`,
  usageLocation: {
    label: (name: string) => `Usage location of ${name}`,
    set: "Set usage location",
    setting: "Setting…",
    chooseFirst: "Choose a country or region first.",
    notAllowed: "Only a global admin or a user admin can set a usage location.",
    adminTarget: "Only a global admin can set the usage location of an admin.",
  },
  seatsHeading: "Seats per product",
  seatsProduct: "Product",
  seatsAssigned: "Assigned",
  seatsAvailable: "Available",
  beforeAfter: (before: number, after: number) => `${en(before)} → ${en(after)}`,
  conflictCreated: (product: string, short: number) =>
    `${product}: this change would create a license conflict (${en(short)} ${plural(short, "holder", "holders")} without a seat).`,
  conflictRemains: (product: string, short: number) =>
    `${product} stays in a license conflict (${en(short)} ${plural(short, "holder", "holders")} without a seat).`,
  usersHeading: "Per user",
  usersList: "Users in this change",
  onlyFailing: (count: number) => `Show only users that fail (${en(count)})`,
  noFailing: "Every user in this change succeeds.",
  unknownUser: "Unknown user",
  willChange: "Will change",
  cannotChange: "Cannot change",
  gets: (products: string) => `Gets ${products}`,
  loses: (products: string) => `Loses ${products}`,
  plansChange: (products: string) => `Apps and services change in ${products}`,
  noChange: "Nothing changes",
  violation: (product: string, reason: string) => `${product}: ${reason}`,
  apply: (count: number) => `Apply to ${en(count)} ${plural(count, "user", "users")}`,
  starting: "Starting…",
  startFailedTitle: "The change could not be started",
  // Job
  jobStarted: "The change is running.",
  progressLabel: "Progress",
  progressText: (processed: number, total: number, percent: number) =>
    `${en(processed)} of ${en(total)} ${plural(total, "user", "users")} processed (${percent}%)`,
  progressAnnouncement: (percent: number) => `${percent}% done`,
  finishedAnnouncement: (ok: number, failed: number) => `Finished: ${en(ok)} succeeded, ${en(failed)} failed.`,
  stoppedAnnouncement: "The change stopped before every user was processed.",
  status: { queued: "Waiting to start", running: "Running", succeeded: "Finished", failed: "Stopped" },
  resultCounts: (ok: number, failed: number) => `${en(ok)} succeeded, ${en(failed)} failed`,
  succeeded: "Succeeded",
  failed: "Failed",
  resultsHeading: "Results per user",
  noResultsYet: "The result per user appears here when the change has finished.",
  jobStopped: "The change stopped before every user was processed. Users not listed here were not changed.",
  jobCreatorForbidden:
    "That is because the admin who started it may no longer change licenses here (role removed, sign-in blocked or account deleted). What was changed before that stays.",
  continueInBackground: "Continue in the background",
  backgroundHint: "The change keeps running if you close this window.",
  loadingJob: "Loading the change…",
  jobLoadFailed: "The change could not be loaded",
  // A job's change in words
  changeAdd: (products: string) => `Add ${products}`,
  changeRemove: (products: string) => `Remove ${products}`,
  changeReplace: (products: string) => `Replace direct licenses with ${products}`,
  changeReplaceNone: "Remove every direct license",
  plansOff: (product: string, count: number) => `${product} (${en(count)} ${plural(count, "app", "apps")} off)`,
  jobUsers: (count: number) => `${en(count)} ${plural(count, "user", "users")}`,
};

export const licensingNl: Widen<typeof licensingEn> = {
  title: "Licenties in bulk wijzigen",
  plansLegend: (product: string, on: number, total: number) =>
    `Apps en services van ${product}: ${on} van ${total} aan`,
  requiresRole: (roles: string) => `Vereist een van deze rollen: ${roles}`,
  checkingUsers: (count: number) => `${nl(count)} ${plural(count, "gebruiker", "gebruikers")} controleren…`,
  previewFailedTitle: "De wijziging kon niet worden gecontroleerd",
  previewSummary: (ok: number, failed: number) =>
    `${nl(ok)} ${plural(ok, "gebruiker wordt", "gebruikers worden")} gewijzigd, ${nl(failed)} ${plural(failed, "kan", "kunnen")} niet.`,
  previewSummaryTitle: "Wat er gaat gebeuren",
  nothingToApply: "Geen van deze gebruikers kan deze wijziging krijgen. De redenen staan hieronder per gebruiker.",
  dataLoss: {
    title: "Gegevens worden verwijderd",
    body: (licenses: number | null, users: number | null) =>
      `Als u ${licenses === 1 ? "deze licentie" : "deze licenties"} verwijdert, worden de gegevens van ${users === 1 ? "de gebruiker" : "de gebruikers"} in de apps en services ervan verwijderd, zoals ${users === 1 ? "het postvak" : "de postvakken"} met alle berichten. U kunt de gegevens niet meer herstellen (met uitzondering van de documenten die zijn opgeslagen in SharePoint Online), ook niet door de licentie opnieuw toe te wijzen.`,
  },
  appsOff: (product: string, apps: string) => `Apps uitgeschakeld in ${product}: ${apps}`,
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
  beforeAfter: (before: number, after: number) => `${nl(before)} → ${nl(after)}`,
  conflictCreated: (product: string, short: number) =>
    `${product}: deze wijziging veroorzaakt een licentieconflict (${nl(short)} ${plural(short, "houder", "houders")} zonder licentie).`,
  conflictRemains: (product: string, short: number) =>
    `${product} blijft in een licentieconflict (${nl(short)} ${plural(short, "houder", "houders")} zonder licentie).`,
  usersHeading: "Per gebruiker",
  usersList: "Gebruikers in deze wijziging",
  onlyFailing: (count: number) => `Alleen gebruikers tonen bij wie het mislukt (${nl(count)})`,
  noFailing: "Bij elke gebruiker in deze wijziging lukt het.",
  unknownUser: "Onbekende gebruiker",
  willChange: "Wordt gewijzigd",
  cannotChange: "Kan niet worden gewijzigd",
  gets: (products: string) => `Krijgt ${products}`,
  loses: (products: string) => `Verliest ${products}`,
  plansChange: (products: string) => `Apps en services wijzigen in ${products}`,
  noChange: "Er verandert niets",
  violation: (product: string, reason: string) => `${product}: ${reason}`,
  apply: (count: number) => `Toepassen op ${nl(count)} ${plural(count, "gebruiker", "gebruikers")}`,
  starting: "Starten…",
  startFailedTitle: "De wijziging kon niet worden gestart",
  jobStarted: "De wijziging wordt uitgevoerd.",
  progressLabel: "Voortgang",
  progressText: (processed: number, total: number, percent: number) =>
    `${nl(processed)} van ${nl(total)} ${plural(total, "gebruiker", "gebruikers")} verwerkt (${percent}%)`,
  progressAnnouncement: (percent: number) => `${percent}% klaar`,
  finishedAnnouncement: (ok: number, failed: number) => `Klaar: ${nl(ok)} gelukt, ${nl(failed)} mislukt.`,
  stoppedAnnouncement: "De wijziging is gestopt voordat alle gebruikers waren verwerkt.",
  status: { queued: "Wacht op start", running: "Bezig", succeeded: "Voltooid", failed: "Gestopt" },
  resultCounts: (ok: number, failed: number) => `${nl(ok)} gelukt, ${nl(failed)} mislukt`,
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
  plansOff: (product: string, count: number) => `${product} (${nl(count)} ${plural(count, "app", "apps")} uit)`,
  jobUsers: (count: number) => `${nl(count)} ${plural(count, "gebruiker", "gebruikers")}`,
};
