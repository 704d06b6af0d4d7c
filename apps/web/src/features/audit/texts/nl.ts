import { textTools } from "@/lib/i18n/plural";
import type { AuditTexts } from "./en";

const { plural } = textTools("nl");

export const texts: AuditTexts = {
  title: "Auditlogboek",
  description: "Elke wijziging in deze organisatie: wie deed wat, en wanneer.",
  columns: {
    when: "Datum",
    actor: "Uitgevoerd door",
    action: "Activiteit",
    target: "Item",
    details: "Details",
  },
  system: "Systeem",
  unknownUser: "Onbekende gebruiker",
  showChanges: "Wijzigingen tonen",
  hideChanges: "Wijzigingen verbergen",
  before: "Voor",
  after: "Na",
  loading: "Auditgebeurtenissen laden…",
  shownCount: (count: number, more: boolean) =>
    `${count} ${plural(count, "gebeurtenis", "gebeurtenissen")} weergegeven${more ? ", meer beschikbaar" : ""}`,
  emptyTitle: "Nog geen activiteit",
  emptyBody: "Wijzigingen in deze organisatie worden hier vermeld.",
  emptyFiltered: "Geen activiteit die aan deze filters voldoet.",
  filters: {
    label: "Auditgebeurtenissen filteren",
    action: "Activiteit",
    actionHint: "Kies een of meer activiteiten.",
    actionPlaceholder: "Alle activiteiten",
    actionInvalid: "Kies maximaal 20 activiteiten in de lijst.",
    from: "Van",
    fromHint: "Vanaf het begin van deze dag.",
    to: "Tot en met",
    toHint: "Tot het einde van deze dag.",
    rangeInvalid: "Kies een einddatum op of na de begindatum.",
    dayInvalid: (pattern: string) => `Voer een datum in als ${pattern}.`,
    clear: "Filters wissen",
    by: "Gewijzigd door",
    byHint: "Partners werken via gedelegeerde toegang.",
    byAnyone: "Iedereen",
    byOrganization: "Mensen van deze organisatie",
    byPartners: "Partners",
  },
  byPartner: (partner: string) => `Partner: ${partner}`,
  export: {
    button: "CSV exporteren",
    hint: "Downloadt hoogstens de nieuwste 100.000 gebeurtenissen.",
    hintFiltered: "Downloadt hoogstens de nieuwste 100.000 gebeurtenissen die aan de filters voldoen.",
  },
  targets: {
    user: "Gebruiker",
    group: "Groep",
    tenant: "Organisatie",
    subscription: "Abonnement",
    licenseRequest: "Licentieaanvraag",
    product: "Product",
    licenseJob: "Bulklicentiewijziging",
    partnerRelationship: "Partnerrelatie",
  },
};
