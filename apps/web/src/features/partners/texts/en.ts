import { textTools } from "@/lib/i18n";
import type { Widen } from "@/lib/i18n/widen";

const { plural, number } = textTools("en");

/** Texts of the partner's Customers page, in English: the reference for other languages. */
export const texts = {
  title: "Customers",
  description:
    "The organizations that gave your company delegated access, with their licensing at a glance. Open one to work in its admin center.",
  search: "Search customers",
  searchPlaceholder: "Name or domain",
  loading: "Loading customers…",
  shownCount: (count: number, more: boolean) =>
    `${number(count)} ${plural(count, "customer", "customers")} shown${more ? ", more available" : ""}`,
  tableLabel: "Customers",
  columns: {
    name: "Customer",
    domain: "Domain",
    relationship: "Relationship",
    yourRoles: "Your roles",
    seats: "Seats assigned",
    conflicts: "Conflicts",
    expiring: "Subscriptions expiring",
    pending: "Pending requests",
  },
  relationship: { active: "Active", removed: "Privileges removed", ended: "Ended" },
  roles: { adminAgent: "Admin agent", helpdeskAgent: "Helpdesk agent", salesAgent: "Sales agent" },
  noRoles: "None",
  seats: (assigned: number, total: number) => `${number(assigned)} of ${number(total)}`,
  conflicts: (count: number) => `${number(count)} ${plural(count, "product", "products")} in conflict`,
  expiring: (count: number) =>
    `${number(count)} ${plural(count, "subscription", "subscriptions")} expiring within 30 days`,
  pending: (count: number) => `${number(count)} pending license ${plural(count, "request", "requests")}`,
  noAccess: "No access",
  emptyTitle: "No customers yet",
  emptyBody: "An organization appears here once it gives your company delegated access.",
  emptySearchTitle: "No customers found",
  emptySearch: (search: string) => `No customer's name or domain contains "${search}".`,
  products: {
    title: "Products across customers",
    hint: "Every product your customers subscribe to, added up: where seats are free and where customers are short.",
    tableLabel: "Products across customers",
    loading: "Loading products…",
    empty: "None of your customers has a subscription yet.",
    columns: {
      product: "Product",
      customers: "Customers",
      bought: "Bought",
      assigned: "Assigned",
      free: "Free",
      conflicts: "Customers in conflict",
    },
    exportButton: "Export CSV",
  },
};

export type PartnersTexts = Widen<typeof texts>;
