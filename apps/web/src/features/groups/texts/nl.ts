import { textTools } from "@/lib/i18n/plural";
import type { GroupsTexts } from "./en";

const { plural } = textTools("nl");

export const texts: GroupsTexts = {
  title: "Groepen",
  description: "Met groepen beheer je gebruikers, en later hun licenties, in één keer.",
  addGroup: "Een groep toevoegen",
  search: "Groepen zoeken",
  searchPlaceholder: "Zoeken op naam",
  columns: {
    displayName: "Groepsnaam",
    description: "Beschrijving",
    members: "Leden",
    createdAt: "Gemaakt",
  },
  shownCount: (count: number, more: boolean) =>
    `${count} ${plural(count, "groep", "groepen")} weergegeven${more ? ", meer beschikbaar" : ""}`,
  loading: "Groepen laden…",
  emptyTitle: "Geen groepen gevonden",
  emptySearch: "Geen groepen voldoen aan je zoekopdracht.",
  emptyAll: "Er zijn nog geen groepen.",
  openDetails: (name: string) => `Details van ${name} openen`,
  add: {
    title: "Een groep toevoegen",
    displayName: "Naam",
    description: "Beschrijving (optioneel)",
    submit: "Groep toevoegen",
    submitting: "Groep toevoegen…",
    created: (name: string) => `Groep ${name} is toegevoegd`,
  },
  details: {
    title: (name: string) => `Groep ${name}`,
    description: "Beschrijving",
    noDescription: "Geen beschrijving",
    members: "Leden",
    membersLoading: "Leden laden…",
    noMembers: "Deze groep heeft nog geen leden.",
    addMembers: "Leden toevoegen",
    removeMember: (name: string) => `${name} uit de groep verwijderen`,
    removed: (name: string) => `${name} is uit de groep verwijderd`,
    deleteGroup: "Groep verwijderen",
    loadError: "De groep kon niet worden geladen.",
  },
  addMembers: {
    title: (group: string) => `Leden toevoegen aan ${group}`,
    searchLabel: "Gebruikers zoeken",
    searchPlaceholder: "Typ een naam of e-mailadres",
    searching: "Zoeken…",
    noResults: "Geen gebruikers gevonden.",
    selected: (count: number) => `${count} ${plural(count, "gebruiker", "gebruikers")} geselecteerd`,
    submit: "Toevoegen",
    submitting: "Toevoegen…",
    added: (count: number) => `${count} ${plural(count, "lid", "leden")} toegevoegd`,
  },
  delete: {
    title: (name: string) => `Groep ${name} verwijderen?`,
    body: "De groep wordt definitief verwijderd. De leden houden hun account.",
    deleted: (name: string) => `Groep ${name} is verwijderd`,
  },
  /** Group details › Licenses. Counts come twice: the number (for the plural) and its text formatted for the locale. */
  licenses: {
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
        : `De licenties van de groep zijn actief voor ${plural(count, "het enige lid", `alle ${shown} leden`)}.`,
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
      plural(count, "Deze licentie uit de groep verwijderen?", "Deze licenties uit de groep verwijderen?"),
    confirmRemoveBody: (products: string) =>
      `Leden verliezen ${products}, tenzij ze het rechtstreeks of via een andere groep hebben.`,
    confirmRemove: "Verwijderen",
    removing: "Verwijderen…",
    back: "Terug",
    removed: (product: string, group: string) => `${product} verwijderd uit ${group}`,
  },
};
