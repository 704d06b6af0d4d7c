import { textTools } from "@/lib/i18n/plural";
import type { Widen } from "@/lib/i18n/widen";

const { plural } = textTools("en");

/** Texts of the license conflicts page, in English: the reference for other languages. */
export const texts = {
  title: "License conflicts",
  description:
    "Products held by more people than there are usable seats. Until you fix a conflict, people may lose access to the product's services.",
  loading: "Loading license conflicts…",
  emptyTitle: "No license conflicts",
  emptyBody: "Every product has enough usable seats for the people who hold it.",
  goToLicenses: "Go to Licenses",
  summaryCount: (count: number, users: number) =>
    `${count} ${plural(count, "product has", "products have")} more holders than usable seats: ${users} ${plural(users, "user", "users")} without a seat.`,
  problem: (holders: number, product: string, usable: number) =>
    `${holders} ${plural(holders, "user holds", "users hold")} ${product} but only ${usable} ${plural(usable, "seat", "seats")} can be used`,
  fixRemove: (count: number) => `remove ${count} ${plural(count, "assignment", "assignments")}`,
  fixBuy: (count: number) => `buy ${count} ${plural(count, "seat", "seats")}`,
  fixRenew: "renew the subscription",
  fixDelete: (count: number) => `delete ${count} ${plural(count, "user", "users")}`,
  sentence: (problem: string, fixes: string) => (fixes ? `${problem}: ${fixes}.` : `${problem}.`),
  status: {
    Enabled: "Active",
    Warning: "Expired",
    Suspended: "Suspended",
    Deleted: "Deleted",
    LockedOut: "Locked out",
  },
  statusDetail: {
    Enabled: "Seats were reduced below the number of people who hold the product.",
    Warning: "The subscription has expired. People keep access during the grace period; renew it to keep the seats.",
    Suspended:
      "The subscription is suspended: people holding the product have lost access and no new licenses can be assigned.",
    Deleted: "The subscription was deleted.",
    LockedOut: "The subscription is locked out.",
  },
  statusLabel: (status: string) => `Subscription status: ${status}`,
  seatsLine: (consumed: number, usable: number, shortfall: number) =>
    `Assigned: ${consumed} · Usable seats: ${usable} · Short by: ${shortfall}`,
  resolveBy: (date: string, days: number) =>
    `Resolve by ${date} (${days} ${plural(days, "day", "days")} left). After that the most recently licensed users lose this license.`,
  holdersTitle: (product: string) => `People who hold ${product}`,
  holdersPartial: (shown: number, total: number) => `Showing the ${shown} most recently licensed of ${total} holders.`,
  columns: {
    name: "Display name",
    email: "Email",
    assigned: "Licensed on",
    how: "Assigned",
  },
  direct: "Directly",
  throughGroup: "Through a group",
  throughGroupHint: "Remove the user from the group, or the license from the group, to free this seat.",
  selectAll: (product: string) => `Select all direct holders of ${product}`,
  selectRow: (name: string) => `Select ${name}`,
  selection: (selected: number, needed: number) =>
    selected === 0
      ? `Select the people who should lose the license: at least ${needed} to resolve the conflict.`
      : selected >= needed
        ? `${selected} selected: removing them resolves the conflict.`
        : `${selected} selected: select ${needed - selected} more to resolve the conflict.`,
  removeSelected: "Remove selected assignments",
  buySeats: (count: number) => `Buy ${count} ${plural(count, "seat", "seats")}`,
  deleteUsers: "Delete users in Active users",
  dialogTitle: (product: string, count: number) => `Remove ${product} from ${count} ${plural(count, "user", "users")}`,
  summaryExpiring: (products: number, users: number) =>
    `${products} ${plural(products, "product is", "products are")} held on expired subscriptions: ${users} ${plural(users, "user loses", "users lose")} access when they are disabled, unless they are renewed.`,
  expiredDetail:
    "With auto-renew off, an expired subscription is a license conflict for everyone on it. People keep access during its 30 days of grace; renewing it is the only fix.",
  alsoExpiring: (users: number, date: string) =>
    `Besides, ${users} ${plural(users, "user depends", "users depend")} on an expired subscription and ${plural(users, "loses", "lose")} access on ${date} unless it is renewed.`,
  expiredSeatsLine: (consumed: number, expiring: number) =>
    `Assigned: ${consumed} · On expired subscriptions: ${expiring}`,
  accessEndsBy: (date: string, days: number) =>
    `Renew by ${date} (${days} ${plural(days, "day", "days")} left). After that everyone on it loses access.`,
  capacityTitle: (addOn: string) => `${addOn}: allocated beyond what is bought`,
  capacityLine: (bought: number, allocated: number, over: number) =>
    `Bought: ${bought} · Allocated to environments: ${allocated} · Over by: ${over}`,
  capacityDetail:
    "A subscription of this add-on shrank, expired or was disabled. Lower the allocation of these environments, or buy more.",
  capacityEnvironment: (name: string, quantity: number) => `${name}: ${quantity} allocated`,
  goToAddOns: "Go to Add-ons",
  lastSignIn: "Last sign-in",
  neverSignedIn: "Never",
};

export type ConflictsTexts = Widen<typeof texts>;
