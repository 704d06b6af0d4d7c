import { textTools } from "@/lib/i18n";
import type { SettingsTexts } from "./en";

const { plural, number } = textTools("nl");

export const texts: SettingsTexts = {
  title: "Instellingen",
  description: "Je persoonlijke voorkeuren.",
  languageTitle: "Weergavetaal",
  languageHint:
    "Het beheercentrum is beschikbaar in het Engels en het Nederlands. Je keuze wordt op dit apparaat onthouden en bij je account opgeslagen.",
  accountTitle: "Je account",
  name: "Naam",
  email: "E-mailadres",
  homeTenant: "Thuisorganisatie",
  partners: {
    title: "Partnerrelaties",
    hint: "Partners met gedelegeerde toegang kunnen je organisatie namens jou beheren. Verwijder hun bevoegdheden als ze die niet meer nodig hebben.",
    loading: "Partnerrelaties laden…",
    loaded: (count: number) => `${number(count)} ${plural(count, "partner", "partners")}`,
    empty: "Er zijn geen partners met gedelegeerde toegang tot je organisatie.",
    tableLabel: "Partners met gedelegeerde toegang",
    columns: { partner: "Partner", roles: "Rollen", status: "Status", agents: "Partneragents", actions: "Acties" },
    roles: { adminAgent: "Beheeragent", helpdeskAgent: "Helpdeskagent", salesAgent: "Verkoopagent" },
    noRoles: "Geen rollen",
    active: "Actief",
    removed: "Bevoegdheden verwijderd",
    endedOn: (date: string) => `Beëindigd op ${date}`,
    endsOn: (date: string) => `Eindigt op ${date}`,
    lastChange: (dateTime: string) => `Laatste wijziging: ${dateTime}`,
    noChanges: "Nog geen wijzigingen",
    noAgents: "Geen agents",
    agentsLabel: (partner: string) => `Agents van ${partner}`,
    remove: "Gedelegeerde beheerdersbevoegdheden verwijderen",
    removeLabel: (partner: string) => `Gedelegeerde beheerdersbevoegdheden verwijderen voor ${partner}`,
    reinstate: "Bevoegdheden herstellen",
    reinstateLabel: (partner: string) => `Bevoegdheden herstellen voor ${partner}`,
    reinstated: (partner: string) => `${partner} heeft de gedelegeerde beheerdersbevoegdheden weer.`,
    setEndDate: "Einddatum instellen",
    setEndDateLabel: (partner: string) => `Einddatum instellen voor ${partner}`,
    removeDialog: {
      title: (partner: string) => `Gedelegeerde beheerdersbevoegdheden van ${partner} verwijderen?`,
      body: (partner: string) =>
        `De medewerkers van ${partner} verliezen meteen de toegang tot deze organisatie, ook in sessies die ze al open hebben. Je kunt de bevoegdheden later herstellen.`,
      confirm: "Bevoegdheden verwijderen",
      removing: "Verwijderen…",
      removed: (partner: string) => `Gedelegeerde beheerdersbevoegdheden van ${partner} verwijderd.`,
    },
    endDateDialog: {
      title: (partner: string) => `Einddatum van ${partner} instellen`,
      current: (date: string) => `De toegang eindigt nu op ${date}.`,
      noCurrent: "De toegang heeft nu geen einddatum: die loopt door tot je de bevoegdheden verwijdert.",
      field: "Einddatum",
      hint: (pattern: string) => `Als ${pattern}. De toegang eindigt bij het begin van deze dag (00:00 UTC).`,
      invalid: (pattern: string) => `Voer een datum in als ${pattern}.`,
      notInFuture: "Kies een dag na vandaag. Verwijder de bevoegdheden om de toegang nu te beëindigen.",
      clear: "Einddatum wissen",
      clearing: "Wissen…",
      saved: (partner: string, date: string) => `De toegang van ${partner} eindigt op ${date}.`,
      cleared: (partner: string) => `De toegang van ${partner} heeft geen einddatum meer.`,
    },
  },
};
