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
  conflictsLoading: "Loading license conflicts…",
  viewConflicts: "Go to license conflicts",
  bannerTitle: "License conflicts",
  bannerBody: (products: number, users: number) =>
    `${products} ${plural(products, "product has", "products have")} more holders than usable seats (${users} ${plural(users, "user", "users")} without a seat). People may lose access until it is fixed.`,
  bannerLink: "Fix license conflicts",
  subscriptionsBannerTitle: "Subscriptions need attention",
  subscriptionsExpired: (products: string) =>
    `Expired: ${products}. People keep access during 30 days of grace; reactivate to keep it.`,
  subscriptionsSuspended: (products: string) =>
    `Disabled: ${products}. People have lost access to these products; reactivate within 90 days, or the subscriptions are deleted.`,
  subscriptionsAskBilling: "A global or billing admin can reactivate them.",
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
  conflictsLoading: "Licentieconflicten laden…",
  viewConflicts: "Naar licentieconflicten",
  bannerTitle: "Licentieconflicten",
  bannerBody: (products: number, users: number) =>
    `${products} ${products === 1 ? "product heeft" : "producten hebben"} meer gebruikers dan bruikbare licenties (${users} ${users === 1 ? "gebruiker" : "gebruikers"} zonder licentie). Mensen kunnen de toegang verliezen tot dit is opgelost.`,
  bannerLink: "Licentieconflicten oplossen",
  subscriptionsBannerTitle: "Abonnementen vragen aandacht",
  subscriptionsExpired: (products: string) =>
    `Verlopen: ${products}. Mensen houden toegang tijdens 30 dagen respijt; activeer opnieuw om die te behouden.`,
  subscriptionsSuspended: (products: string) =>
    `Uitgeschakeld: ${products}. Mensen hebben geen toegang meer tot deze producten; activeer binnen 90 dagen opnieuw, anders worden de abonnementen verwijderd.`,
  subscriptionsAskBilling: "Een globale beheerder of factureringsbeheerder kan ze opnieuw activeren.",
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
  reclaimLink: "Ongebruikte licenties terugvorderen",
};
