import { textTools } from "@/lib/i18n/plural";
import type { LicensesTexts } from "./en";

const { plural, number } = textTools("nl");

export const texts: LicensesTexts = {
  title: "Licenties",
  description: "Producten waarop je organisatie is geabonneerd en wie ze gebruikt.",
  emptyTitle: "Nog geen producten",
  emptyBody:
    "Deze organisatie heeft geen productabonnementen. Koop producten in Facturering om licenties toe te wijzen.",
  loading: "Producten laden…",
  loadError: "De producten konden niet worden geladen",
  commands: "Licentieopdrachten",
  conflicts: "Licentieconflicten",
  conflictsWithCount: (count: number) => `Licentieconflicten (${number(count)})`,
  reclaim: "Licenties terugvorderen",
  exportAssignments: "Toewijzingen exporteren",
  importAssignments: "Toewijzingen importeren",
  conflictBanner: (count: number) =>
    `${number(count)} ${plural(count, "product heeft", "producten hebben")} een licentieconflict: meer gebruikers dan licenties, of gebruikers op een verlopen abonnement. Los de conflicten op zodat niemand onverwacht toegang verliest.`,
  conflictBannerTitle: "Licentieconflicten",
  viewConflicts: "Conflicten bekijken",
  userLicenses: "Gebruikerslicenties",
  userLicensesHint: "Producten die je aan personen toewijst.",
  capacity: "Capaciteitsuitbreidingen",
  capacityHint: "Capaciteit voor de hele organisatie of haar omgevingen; wordt niet aan personen toegewezen.",
  productCount: (count: number) => `${number(count)} ${plural(count, "product", "producten")}`,
  columns: {
    product: "Product",
    total: "Totaal aantal licenties",
    assigned: "Toegewezen",
    available: "Beschikbaar",
    usage: "Gebruik",
    status: "Status",
  },
  usageLabel: (product: string, assigned: number, total: number) =>
    `${product}: ${number(assigned)} van ${number(total)} licenties toegewezen`,
  inConflict: (count: number) => `${number(count)} in conflict`,
  conflictLink: (product: string, count: number) =>
    `${product}: ${number(count)} ${plural(count, "houder", "houders")} zonder licentie, licentieconflicten bekijken`,
  capability: {
    Enabled: "Actief",
    Warning: "Verlopen, in respijtperiode",
    Suspended: "Opgeschort",
    Deleted: "Verwijderd",
    LockedOut: "Geblokkeerd",
  },
  warningSeats: (count: number) => `${number(count)} in respijtperiode`,
  recentJobs: "Recente bulkwijzigingen",
  recentJobsEmpty:
    "Nog geen bulkwijzigingen. Wijzigingen voor veel gebruikers tegelijk verschijnen hier met hun voortgang.",
  recentJobsError: "Recente bulkwijzigingen konden niet worden geladen",
  jobBy: (name: string, when: string) => `${name}, ${when}`,
  jobByUnknown: (when: string) => when,
  productNotFound: "Dit product hoort niet bij de abonnementen van deze organisatie.",
  seatsSummary: (assigned: number, total: number, available: number) =>
    `${number(assigned)} van ${number(total)} licenties toegewezen, ${number(available)} beschikbaar`,
  seatsSummaryConflict: (assigned: number, total: number, short: number) =>
    `${number(assigned)} van ${number(total)} licenties toegewezen, ${number(short)} ${plural(short, "gebruiker", "gebruikers")} zonder licentie`,
  plansHeading: (count: number) => `Inbegrepen apps en services (${number(count)})`,
  holdersHeading: "Gebruikers met dit product",
  searchHolders: "Gebruikers met dit product zoeken",
  searchPlaceholder: "Naam of e-mailadres",
  holdersLoading: "Gebruikers laden…",
  holdersError: "De gebruikers konden niet worden geladen",
  holdersShown: (count: number, more: boolean) =>
    `${number(count)} ${plural(count, "gebruiker", "gebruikers")} weergegeven${more ? ", er zijn er meer" : ""}`,
  holdersEmpty: "Nog niemand heeft dit product",
  holdersEmptySearch: "Geen gebruiker met dit product komt overeen met de zoekopdracht.",
  holdersEmptyHint: "Gebruik Licenties toewijzen om het aan gebruikers te geven.",
  holdersColumns: { name: "Weergavenaam", email: "E-mailadres", type: "Gebruikerstype" },
  selectAll: "Alle weergegeven gebruikers selecteren",
  selectRow: (name: string) => `${name} selecteren`,
  selectedCount: (count: number) => `${number(count)} geselecteerd`,
  clearSelection: "Selectie wissen",
  userType: { member: "Lid", guest: "Gast" },
  assign: "Licenties toewijzen",
  unassign: "Licenties intrekken",
  unassignCount: (count: number) => `Licenties intrekken (${number(count)})`,
  unassignTitle: (product: string, count: number) =>
    `${product} intrekken bij ${number(count)} ${plural(count, "gebruiker", "gebruikers")}`,
  assignTitle: (product: string, count: number) =>
    `${product} toewijzen aan ${number(count)} ${plural(count, "gebruiker", "gebruikers")}`,
  panelTitle: (product: string) => `${product} toewijzen`,
  panelSeats: (available: number, total: number) =>
    `${number(available)} van ${number(total)} ${plural(total, "licentie", "licenties")} beschikbaar`,
  noSeatsTitle: "Geen licenties meer over",
  noSeatsBody:
    "Alle licenties van dit product zijn toegewezen. Koop meer licenties of trek eerst de licentie van iemand in.",
  buySeats: "Meer licenties kopen",
  pickerLabel: "Gebruikers",
  pickerHint: "Typ een naam of e-mailadres en kies uit de suggesties. Je kunt zoveel gebruikers toevoegen als nodig.",
  pickerPlaceholder: "Gebruikers zoeken",
  chosenUsers: "Gekozen gebruikers",
  chosenCount: (count: number) => `${number(count)} ${plural(count, "gebruiker", "gebruikers")} gekozen`,
  searching: "Zoeken…",
  noMatches: "Geen gebruikers gevonden",
  removeUser: (name: string) => `${name} verwijderen`,
  clearChosen: "Alles verwijderen",
  moreThanSeats: (chosen: number, available: number) =>
    `Je hebt ${number(chosen)} ${plural(chosen, "gebruiker", "gebruikers")} gekozen, maar er ${plural(available, "is", "zijn")} maar ${number(available)} ${plural(available, "licentie", "licenties")} beschikbaar. De preview laat zien wie het niet kan krijgen.`,
  plansHint: "Zet apps en services uit die deze gebruikers niet moeten krijgen.",
  assignButton: "Toewijzen",
  chooseUsersFirst: "Kies minstens één gebruiker.",
  /** A product's holders list and the people picker that assigns it. */
  holders: {
    counts: (total: number, direct: string, inherited: string, totalShown: string) =>
      `${totalShown} ${plural(total, "gebruiker", "gebruikers")}: ${direct} rechtstreeks, ${inherited} via een groep`,
    assignment: "Toewijzing",
    assignedOn: "Toegewezen op",
    direct: "Rechtstreeks",
    inherited: "Via een groep",
    both: "Rechtstreeks en via een groep",
    alreadyHas: "Heeft deze licentie al",
    hasThroughGroup: "Heeft deze via een groep",
  },
};
