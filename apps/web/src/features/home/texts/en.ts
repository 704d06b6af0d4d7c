import { textTools } from "@/lib/i18n/plural";
import type { Widen } from "@/lib/i18n/widen";

const { plural } = textTools("en");

/** Texts of the Home page and its widgets, in English: the reference for other languages. */
export const texts = {
  title: "Home",
  welcome: (name: string) => `Welcome, ${name}`,
  tenantLine: (name: string, domain: string) => `${name} (${domain})`,
  yourRoles: "Your roles here",
  activeUsers: "Active users",
  guests: "Guest users",
  groups: "Groups",
  deletedUsers: "Deleted users",
  countAtLeast: (count: number) => `${count}+`,
  viewUsers: "Go to active users",
  viewGroups: "Go to groups",
  noDirectoryAccess: "Your account has no admin role in this organization. You can change your language in Settings.",
  memberPricing: "Buy a license or request one from your admin",
  memberLicenses: "See your licenses and requests",
  countsLoading: "Loading counts…",
  directoryTitle: "Directory",
  licensingTitle: "Licenses",
  /** The widgets and banners. */
  dashboard: {
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
    lostTitle: (product: string) => `People have lost access to ${product}`,
  },
};

export type HomeTexts = Widen<typeof texts>;
