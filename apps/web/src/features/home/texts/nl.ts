import { textTools } from "@/lib/i18n/plural";
import type { HomeTexts } from "./en";

const { plural } = textTools("nl");

export const texts: HomeTexts = {
  title: "Start",
  welcome: (name: string) => `Welkom, ${name}`,
  tenantLine: (name: string, domain: string) => `${name} (${domain})`,
  yourRoles: "Je rollen hier",
  activeUsers: "Actieve gebruikers",
  guests: "Gastgebruikers",
  groups: "Groepen",
  deletedUsers: "Verwijderde gebruikers",
  countAtLeast: (count: number) => `${count}+`,
  viewUsers: "Naar actieve gebruikers",
  viewGroups: "Naar groepen",
  noDirectoryAccess:
    "Je account heeft geen beheerdersrol in deze organisatie. Je kunt je taal wijzigen bij Instellingen.",
  memberPricing: "Koop een licentie of vraag er een aan bij je beheerder",
  memberLicenses: "Bekijk je licenties en aanvragen",
  countsLoading: "Aantallen laden…",
  directoryTitle: "Directory",
  licensingTitle: "Licenties",
  /** The widgets and banners. */
  dashboard: {
    seatsTitle: "Licenties per product",
    seatsUsed: (product: string, used: number, total: number) =>
      `${product}: ${used} van ${total} licenties in gebruik`,
    seatsUsage: (used: number, total: number) => `${used} van ${total} in gebruik`,
    seatsAvailable: (available: number) => `${available} beschikbaar`,
    seatsShort: (count: number) => `${count} tekort`,
    seatsNone: "Je organisatie heeft nog geen productabonnementen.",
    seatsLoading: "Licenties laden…",
    seatsMore: (count: number) => `Nog ${count} ${plural(count, "product", "producten")} op de pagina Licenties`,
    viewLicenses: "Naar Licenties",
    conflictsTitle: "Licentieconflicten",
    conflictsNone: "Geen licentieconflicten",
    conflictsCount: (products: number, users: number) =>
      `${products} ${plural(products, "product", "producten")}, ${users} ${plural(users, "gebruiker", "gebruikers")} zonder licentie`,
    conflictsExpiring: (users: number) =>
      `${users} ${plural(users, "gebruiker", "gebruikers")} via verlopen abonnementen, die de toegang verliezen tenzij ze worden verlengd`,
    conflictsLoading: "Licentieconflicten laden…",
    viewConflicts: "Naar licentieconflicten",
    bannerTitle: "Licentieconflicten",
    bannerBody: (products: number, users: number) =>
      `${products} ${plural(products, "product heeft", "producten hebben")} meer gebruikers dan bruikbare licenties (${users} ${plural(users, "gebruiker", "gebruikers")} zonder licentie). Mensen kunnen de toegang verliezen tot dit is opgelost.`,
    bannerLink: "Licentieconflicten oplossen",
    subscriptionsLost: (product: string, users: number) =>
      `${product}: ${users} ${plural(users, "persoon heeft", "mensen hebben")} geen toegang meer omdat een abonnement is uitgeschakeld. Activeer het binnen 90 dagen opnieuw, anders wordt het met de licenties verwijderd.`,
    subscriptionsAskBilling: "Een globale beheerder of factureringsbeheerder kan ze verlengen of opnieuw activeren.",
    subscriptionsBannerLink: "Naar Facturering",
    requestsTitle: "Openstaande licentieaanvragen",
    requestsLoading: "Licentieaanvragen laden…",
    requestsNone: "Geen aanvragen die op goedkeuring wachten",
    requestsWaiting: (count: number) => `${plural(count, "aanvraag wacht", "aanvragen wachten")} op goedkeuring`,
    viewRequests: "Naar aanvragen",
    recentTitle: "Recente wijzigingen",
    recentLoading: "Recente wijzigingen laden…",
    recentNone: "Nog geen wijzigingen.",
    recentSystem: "Systeem",
    viewAudit: "Naar het auditlogboek",
    reclaimLink: "Ongebruikte licenties terugvorderen",
    lostTitle: (product: string) => `Mensen hebben geen toegang meer tot ${product}`,
  },
};
