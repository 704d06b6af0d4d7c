import { textTools } from "@/lib/i18n";
import type { PartnersTexts } from "./en";

const { plural, number } = textTools("nl");

/** Texts of the partner center's pages (Customers, Partner staff, Activity), in Dutch. */
export const texts: PartnersTexts = {
  title: "Klanten",
  description:
    "De organisaties die uw bedrijf gedelegeerde toegang hebben gegeven, met hun licenties in één oogopslag. Open er een om in het beheercentrum ervan te werken.",
  search: "Klanten zoeken",
  searchPlaceholder: "Naam of domein",
  loading: "Klanten laden…",
  shownCount: (count: number, more: boolean) =>
    `${number(count)} ${plural(count, "klant", "klanten")} weergegeven${more ? ", er zijn er meer" : ""}`,
  tableLabel: "Klanten",
  columns: {
    name: "Klant",
    domain: "Domein",
    relationship: "Relatie",
    yourRoles: "Uw rollen",
    seats: "Toegewezen licenties",
    conflicts: "Conflicten",
    expiring: "Aflopende abonnementen",
    pending: "Openstaande aanvragen",
  },
  relationship: { active: "Actief", removed: "Bevoegdheden verwijderd", ended: "Beëindigd" },
  roles: { adminAgent: "Beheeragent", helpdeskAgent: "Helpdeskagent", salesAgent: "Verkoopagent" },
  noRoles: "Geen",
  seats: (assigned: number, total: number) => `${number(assigned)} van ${number(total)}`,
  conflicts: (count: number) => `${number(count)} ${plural(count, "product", "producten")} met een conflict`,
  expiring: (count: number) =>
    `${number(count)} ${plural(count, "abonnement loopt", "abonnementen lopen")} binnen 30 dagen af`,
  pending: (count: number) =>
    `${number(count)} ${plural(count, "openstaande licentieaanvraag", "openstaande licentieaanvragen")}`,
  noAccess: "Geen toegang",
  emptyTitle: "Nog geen klanten",
  emptyBody: "Een organisatie verschijnt hier zodra die uw bedrijf gedelegeerde toegang geeft.",
  emptySearchTitle: "Geen klanten gevonden",
  emptySearch: (search: string) => `Geen naam of domein van een klant bevat "${search}".`,
  products: {
    title: "Producten van alle klanten",
    hint: "Elk product waarop uw klanten een abonnement hebben, opgeteld: waar licenties vrij zijn en waar klanten tekortkomen.",
    tableLabel: "Producten van alle klanten",
    loading: "Producten laden…",
    empty: "Geen van uw klanten heeft al een abonnement.",
    columns: {
      product: "Product",
      customers: "Klanten",
      bought: "Gekocht",
      assigned: "Toegewezen",
      free: "Vrij",
      conflicts: "Klanten met een conflict",
    },
    exportButton: "CSV exporteren",
  },
  staff: {
    title: "Partnermedewerkers",
    description:
      "De mensen van uw bedrijf die in het partnercentrum werken, hun rollen hier en de rollen die ze bij uw klanten hebben.",
    search: "Medewerkers zoeken",
    searchPlaceholder: "Naam of e-mailadres",
    loading: "Medewerkers laden…",
    shownCount: (count: number, more: boolean) =>
      `${number(count)} ${plural(count, "medewerker", "medewerkers")} weergegeven${more ? ", er zijn er meer" : ""}`,
    tableLabel: "Partnermedewerkers",
    columns: { name: "Naam", email: "E-mailadres", roles: "Rollen hier", access: "Klanttoegang", actions: "Acties" },
    noTenantRoles: "Lid",
    noAccess: "Geen klanten",
    accessEntry: (customer: string, roles: string) => `${customer}: ${roles}`,
    privilegesRemoved: "bevoegdheden verwijderd",
    emptyTitle: "Geen medewerkers gevonden",
    emptySearch: (search: string) => `De naam of het e-mailadres van geen enkele medewerker bevat "${search}".`,
    add: "Medewerker toevoegen",
    access: "Klanttoegang",
    accessLabel: (name: string) => `Klanttoegang van ${name}`,
    remove: "Verwijderen",
    removeLabel: (name: string) => `${name} verwijderen`,
    addDialog: {
      title: "Een medewerker toevoegen",
      displayName: "Weergavenaam",
      email: "E-mailadres",
      emailHint: (domain: string) => `In het domein van uw bedrijf: naam@${domain}`,
      password: "Wachtwoord",
      autoPassword: "Een tijdelijk wachtwoord genereren",
      ownPassword: "Ik maak het wachtwoord zelf",
      passwordField: "Nieuw wachtwoord",
      passwordHint: "Minimaal 12 tekens.",
      submit: "Toevoegen",
      submitting: "Toevoegen…",
      createdTitle: "Medewerker toegevoegd",
      created: (name: string) => `${name} is toegevoegd. Geef toegang tot klanten met Klanttoegang.`,
      temporaryPassword: "Tijdelijk wachtwoord",
      temporaryPasswordHint: "Kopieer het nu en geef het veilig door: het wordt maar één keer weergegeven.",
      ownPasswordSet: "Het wachtwoord dat u typte, is ingesteld.",
    },
    removeDialog: {
      title: (name: string) => `${name} verwijderen?`,
      body: (name: string) =>
        `${name} kan niet meer aanmelden en verliest meteen elke rol bij uw klanten. Het account kan binnen 30 dagen worden teruggezet via Gebruikers, zonder die rollen.`,
      confirm: "Verwijderen",
      removing: "Verwijderen…",
      removed: (name: string) => `${name} is verwijderd.`,
    },
    accessDialog: {
      title: (name: string) => `Klanttoegang van ${name}`,
      customer: "Klant",
      allCustomers: "Alle klanten",
      removedSuffix: (name: string) => `${name} (bevoegdheden verwijderd)`,
      allHint:
        "Stelt deze rollen in bij elke klant waarvan de relatie nu toegang geeft. Klanten die uw bevoegdheden hebben verwijderd houden wat ze hadden, en klanten die later bijkomen vallen er niet onder.",
      removedHint:
        "Deze klant heeft uw gedelegeerde beheerdersbevoegdheden verwijderd: rollen kunnen hier worden afgenomen, niet gegeven.",
      roles: "Rollen",
      roleHints: {
        adminAgent: "Treedt op als globale beheerder van de klant.",
        helpdeskAgent:
          "Stelt wachtwoorden van niet-beheerders opnieuw in, leest gebruikers en licenties, wijst licenties toe en trekt ze in.",
        salesAgent: "Koopt abonnementen namens de klant, wijst licenties toe en trekt ze in.",
      },
      submit: "Opslaan",
      submitting: "Opslaan…",
      saved: (name: string) => `Klanttoegang van ${name} opgeslagen.`,
      loadingCustomers: "Klanten laden…",
      noCustomers: "Uw bedrijf heeft nog geen klanten.",
    },
  },
  activity: {
    title: "Activiteit",
    descriptionAll:
      "Elke wijziging die de medewerkers van uw bedrijf hebben aangebracht, bij uw klanten en hier, nieuwste eerst.",
    descriptionOwn: "De wijzigingen die u hebt aangebracht, bij uw klanten en hier, nieuwste eerst.",
    filters: "Activiteit filteren",
    customer: "Klant",
    anyCustomer: "Alle klanten",
    ownTenant: (name: string) => `${name} (uw bedrijf)`,
    staff: "Medewerker",
    anyStaff: "Iedereen",
    loading: "Activiteit laden…",
    shownCount: (count: number, more: boolean) =>
      `${number(count)} ${plural(count, "wijziging", "wijzigingen")} weergegeven${more ? ", er zijn er meer" : ""}`,
    tableLabel: "Activiteit",
    columns: { when: "Wanneer", who: "Gewijzigd door", customer: "Klant", what: "Wat", target: "Over" },
    yourCompany: "Uw bedrijf",
    emptyTitle: "Geen activiteit",
    emptyBody: "Wijzigingen die de medewerkers van uw bedrijf aanbrengen, verschijnen hier.",
  },
};
