import type { Widen } from "../widen";

const plural = (count: number, one: string, other: string) => (count === 1 ? one : other);

/** Texts of the dashboard area (the Home page's widgets); `dashboardNl` must have the same keys. */
export const dashboardEn = {
  seatsTitle: "Seats per product",
  seatsUsed: (product: string, used: number, total: number) => `${product}: ${used} of ${total} seats used`,
  seatsUsage: (used: number, total: number) => `${used} of ${total} used`,
  seatsAvailable: (available: number) => `${available} available`,
  seatsShort: (count: number) => `${count} short`,
  seatsNone: "Your organization has no product subscriptions yet.",
  seatsLoading: "Loading seats…",
  seatsMore: (count: number) => `${count} more ${plural(count, "product", "products")} on the Licenses page`,
  viewLicenses: "Go to Licenses",
  conflictsTitle: "License conflicts",
  conflictsNone: "No license conflicts",
  conflictsCount: (products: number, users: number) =>
    `${products} ${plural(products, "product", "products")}, ${users} ${plural(users, "user", "users")} without a seat`,
  conflictsExpiring: (users: number) =>
    `${users} ${plural(users, "user", "users")} on expired subscriptions, losing access unless they are renewed`,
  conflictsLoading: "Loading license conflicts…",
  viewConflicts: "Go to license conflicts",
  bannerTitle: "License conflicts",
  bannerBody: (products: number, users: number) =>
    `${products} ${plural(products, "product has", "products have")} more holders than usable seats (${users} ${plural(users, "user", "users")} without a seat). People may lose access until it is fixed.`,
  bannerLink: "Fix license conflicts",
  subscriptionsLost: (product: string, users: number) =>
    `${product}: ${users} ${plural(users, "person has", "people have")} lost access because a subscription was disabled. Reactivate it within 90 days, or it is deleted with its licenses.`,
  subscriptionsAskBilling: "A global or billing admin can renew or reactivate them.",
  subscriptionsBannerLink: "Go to Billing",
  requestsTitle: "Pending license requests",
  requestsLoading: "Loading license requests…",
  requestsNone: "No requests waiting for approval",
  requestsWaiting: (count: number) => `${plural(count, "request", "requests")} waiting for approval`,
  viewRequests: "Go to requests",
  recentTitle: "Recent changes",
  recentLoading: "Loading recent changes…",
  recentNone: "No changes yet.",
  recentSystem: "System",
  viewAudit: "Go to the audit log",
  reclaimLink: "Reclaim unused licenses",
};

export const dashboardNl: Widen<typeof dashboardEn> = {
  seatsTitle: "Licenties per product",
  seatsUsed: (product: string, used: number, total: number) => `${product}: ${used} van ${total} licenties in gebruik`,
  seatsUsage: (used: number, total: number) => `${used} van ${total} in gebruik`,
  seatsAvailable: (available: number) => `${available} beschikbaar`,
  seatsShort: (count: number) => `${count} tekort`,
  seatsNone: "Je organisatie heeft nog geen productabonnementen.",
  seatsLoading: "Licenties laden…",
  seatsMore: (count: number) => `Nog ${count} ${count === 1 ? "product" : "producten"} op de pagina Licenties`,
  viewLicenses: "Naar Licenties",
  conflictsTitle: "Licentieconflicten",
  conflictsNone: "Geen licentieconflicten",
  conflictsCount: (products: number, users: number) =>
    `${products} ${products === 1 ? "product" : "producten"}, ${users} ${users === 1 ? "gebruiker" : "gebruikers"} zonder licentie`,
  conflictsExpiring: (users: number) =>
    `${users} ${users === 1 ? "gebruiker" : "gebruikers"} via verlopen abonnementen, die de toegang verliezen tenzij ze worden verlengd`,
  conflictsLoading: "Licentieconflicten laden…",
  viewConflicts: "Naar licentieconflicten",
  bannerTitle: "Licentieconflicten",
  bannerBody: (products: number, users: number) =>
    `${products} ${products === 1 ? "product heeft" : "producten hebben"} meer gebruikers dan bruikbare licenties (${users} ${users === 1 ? "gebruiker" : "gebruikers"} zonder licentie). Mensen kunnen de toegang verliezen tot dit is opgelost.`,
  bannerLink: "Licentieconflicten oplossen",
  subscriptionsLost: (product: string, users: number) =>
    `${product}: ${users} ${users === 1 ? "persoon heeft" : "mensen hebben"} geen toegang meer omdat een abonnement is uitgeschakeld. Activeer het binnen 90 dagen opnieuw, anders wordt het met de licenties verwijderd.`,
  subscriptionsAskBilling: "Een globale beheerder of factureringsbeheerder kan ze verlengen of opnieuw activeren.",
  subscriptionsBannerLink: "Naar Facturering",
  requestsTitle: "Openstaande licentieaanvragen",
  requestsLoading: "Licentieaanvragen laden…",
  requestsNone: "Geen aanvragen die op goedkeuring wachten",
  requestsWaiting: (count: number) => `${count === 1 ? "aanvraag wacht" : "aanvragen wachten"} op goedkeuring`,
  viewRequests: "Naar aanvragen",
  recentTitle: "Recente wijzigingen",
  recentLoading: "Recente wijzigingen laden…",
  recentNone: "Nog geen wijzigingen.",
  recentSystem: "Systeem",
  viewAudit: "Naar het auditlogboek",
  reclaimLink: "Ongebruikte licenties terugwinnen",
};
