import type { Widen } from "../widen";

const plural = (count: number, one: string, other: string) => (count === 1 ? one : other);

/**
 * Texts of the groupLicenses area (group details › Licenses); `groupLicensesNl` must have the same keys.
 * Counts come twice: the number (for the plural) and its text formatted for the locale.
 */
export const groupLicensesEn = {
  title: "Licenses",
  loading: "Loading the group's licenses…",
  loadError: "The group's licenses could not be loaded",
  intro: "Members get the group's licenses automatically, and lose them when they leave the group.",
  none: "No licenses are assigned to this group.",
  productsLabel: "Licenses of the group",
  product: "Product",
  appsAndServices: "Apps and services",
  plansOn: (on: string, total: string) => `${on} of ${total} on`,
  allOn: "All on",
  unknownProduct: "Unknown product",
  assign: "Assign licenses",
  remove: "Remove",
  removeLabel: (product: string) => `Remove ${product} from the group`,
  // Members in error
  allApplied: (count: number, shown: string) =>
    count === 0
      ? "The group has no members yet."
      : `The group's licenses are in effect for all ${shown} ${plural(count, "member", "members")}.`,
  errorsTitle: "Members in error",
  errorsSummary: (count: number, shown: string) =>
    `${shown} ${plural(count, "member doesn't", "members don't")} have all of the group's licenses.`,
  errorsHint: "Fix the reason (for example set a usage location or buy seats), then reprocess.",
  errorsTruncated: (listed: string, total: string) => `Showing the first ${listed} of ${total}.`,
  member: "Member",
  reason: "Reason",
  unknownReason: "The license could not be applied.",
  reprocess: "Reprocess",
  reprocessing: "Reprocessing…",
  reprocessedAll: "Reprocessed: every member now has the group's licenses.",
  reprocessedSome: (count: number, shown: string) =>
    `Reprocessed: ${shown} ${plural(count, "member is", "members are")} still in error.`,
  // Assign dialog
  dialogTitle: (group: string) => `Assign licenses to ${group}`,
  dialogIntro: (count: number, shown: string) =>
    `Each of the group's ${shown} ${plural(count, "member", "members")} uses a seat of every product you pick. Members who already hold a product keep their seat.`,
  productsLegend: "Products",
  skusLoading: "Loading products…",
  noProducts: "This organization has no products that can be assigned to people.",
  available: (shown: string) => `${shown} available`,
  noneAvailable: "No seats available: members will be in error until seats are bought or freed.",
  notUsable: "The subscription can't be assigned from right now.",
  showPlans: (product: string) => `Apps and services of ${product}`,
  willBeRemoved: "Will be removed from the group.",
  save: "Save",
  saving: "Saving…",
  noChanges: "Pick or clear a product, or change its apps and services, to save.",
  saved: (group: string) => `Licenses of ${group} updated`,
  // Removal
  confirmRemoveTitle: (count: number) =>
    count === 1 ? "Remove this license from the group?" : "Remove these licenses from the group?",
  confirmRemoveBody: (products: string) =>
    `Members lose ${products} unless they have it directly or through another group.`,
  confirmRemove: "Remove",
  removing: "Removing…",
  back: "Back",
  removed: (product: string, group: string) => `${product} removed from ${group}`,
};

export const groupLicensesNl: Widen<typeof groupLicensesEn> = {
  title: "Licenties",
  loading: "Licenties van de groep laden…",
  loadError: "De licenties van de groep konden niet worden geladen",
  intro: "Leden krijgen de licenties van de groep automatisch en verliezen ze wanneer ze de groep verlaten.",
  none: "Aan deze groep zijn geen licenties toegewezen.",
  productsLabel: "Licenties van de groep",
  product: "Product",
  appsAndServices: "Apps en services",
  plansOn: (on: string, total: string) => `${on} van ${total} aan`,
  allOn: "Alle aan",
  unknownProduct: "Onbekend product",
  assign: "Licenties toewijzen",
  remove: "Verwijderen",
  removeLabel: (product: string) => `${product} uit de groep verwijderen`,
  allApplied: (count: number, shown: string) =>
    count === 0
      ? "De groep heeft nog geen leden."
      : `De licenties van de groep zijn actief voor ${count === 1 ? "het enige lid" : `alle ${shown} leden`}.`,
  errorsTitle: "Leden met fouten",
  errorsSummary: (count: number, shown: string) =>
    `${shown} ${plural(count, "lid heeft", "leden hebben")} niet alle licenties van de groep.`,
  errorsHint: "Los de oorzaak op (stel bijvoorbeeld een gebruikslocatie in of koop licenties) en verwerk opnieuw.",
  errorsTruncated: (listed: string, total: string) => `De eerste ${listed} van ${total} worden weergegeven.`,
  member: "Lid",
  reason: "Reden",
  unknownReason: "De licentie kon niet worden toegepast.",
  reprocess: "Opnieuw verwerken",
  reprocessing: "Bezig met opnieuw verwerken…",
  reprocessedAll: "Opnieuw verwerkt: alle leden hebben nu de licenties van de groep.",
  reprocessedSome: (count: number, shown: string) =>
    `Opnieuw verwerkt: ${shown} ${plural(count, "lid heeft", "leden hebben")} nog een fout.`,
  dialogTitle: (group: string) => `Licenties toewijzen aan ${group}`,
  dialogIntro: (count: number, shown: string) =>
    `Elk van de ${shown} ${plural(count, "lid", "leden")} van de groep gebruikt een licentie van elk product dat u kiest. Leden die een product al hebben, houden hun licentie.`,
  productsLegend: "Producten",
  skusLoading: "Producten laden…",
  noProducts: "Deze organisatie heeft geen producten die aan personen kunnen worden toegewezen.",
  available: (shown: string) => `${shown} beschikbaar`,
  noneAvailable: "Geen licenties beschikbaar: leden krijgen een fout tot er licenties zijn gekocht of vrijgemaakt.",
  notUsable: "Vanuit dit abonnement kan nu niet worden toegewezen.",
  showPlans: (product: string) => `Apps en services van ${product}`,
  willBeRemoved: "Wordt uit de groep verwijderd.",
  save: "Opslaan",
  saving: "Opslaan…",
  noChanges: "Kies of wis een product, of wijzig de apps en services, om op te slaan.",
  saved: (group: string) => `Licenties van ${group} bijgewerkt`,
  confirmRemoveTitle: (count: number) =>
    count === 1 ? "Deze licentie uit de groep verwijderen?" : "Deze licenties uit de groep verwijderen?",
  confirmRemoveBody: (products: string) =>
    `Leden verliezen ${products}, tenzij ze het rechtstreeks of via een andere groep hebben.`,
  confirmRemove: "Verwijderen",
  removing: "Verwijderen…",
  back: "Terug",
  removed: (product: string, group: string) => `${product} verwijderd uit ${group}`,
};
