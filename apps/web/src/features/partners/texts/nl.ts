import { textTools } from "@/lib/i18n";
import type { PartnersTexts } from "./en";

const { plural, number } = textTools("nl");

/** Texts of the partner's Customers page, in Dutch. */
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
};
