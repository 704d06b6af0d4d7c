import { textTools } from "@/lib/i18n/plural";
import type { Widen } from "@/lib/i18n/widen";

const { plural, number } = textTools("en");

/** Texts of the Licenses page and a product's page, in English: the reference for other languages. */
export const texts = {
  title: "Licenses",
  description: "Products your organization subscribes to and who uses them.",
  emptyTitle: "No products yet",
  emptyBody: "This organization has no product subscriptions. Buy products in Billing to assign licenses.",
  loading: "Loading products…",
  loadError: "The products could not be loaded",
  commands: "License commands",
  conflicts: "License conflicts",
  conflictsWithCount: (count: number) => `License conflicts (${number(count)})`,
  reclaim: "Reclaim licenses",
  exportAssignments: "Export assignments",
  importAssignments: "Import assignments",
  conflictBanner: (count: number) =>
    `${number(count)} ${plural(count, "product is", "products are")} in license conflict: more users than seats, or users on an expired subscription. Resolve the conflicts so nobody loses access unexpectedly.`,
  conflictBannerTitle: "License conflicts",
  viewConflicts: "View conflicts",
  userLicenses: "User licenses",
  userLicensesHint: "Products you assign to people.",
  capacity: "Capacity add-ons",
  capacityHint: "Capacity for the whole organization or its environments; not assigned to people.",
  productCount: (count: number) => `${number(count)} ${plural(count, "product", "products")}`,
  columns: {
    product: "Product",
    total: "Total seats",
    assigned: "Assigned",
    available: "Available",
    usage: "Usage",
    status: "Status",
  },
  usageLabel: (product: string, assigned: number, total: number) =>
    `${product}: ${number(assigned)} of ${number(total)} seats assigned`,
  inConflict: (count: number) => `${number(count)} in conflict`,
  conflictLink: (product: string, count: number) =>
    `${product}: ${number(count)} ${plural(count, "holder", "holders")} without a seat, view license conflicts`,
  capability: {
    Enabled: "Active",
    Warning: "Expired, in grace period",
    Suspended: "Suspended",
    Deleted: "Deleted",
    LockedOut: "Locked out",
  },
  warningSeats: (count: number) => `${number(count)} in grace period`,
  recentJobs: "Recent bulk changes",
  recentJobsEmpty: "No bulk changes yet. Changes for many users at once appear here with their progress.",
  recentJobsError: "Recent bulk changes could not be loaded",
  jobBy: (name: string, when: string) => `${name}, ${when}`,
  jobByUnknown: (when: string) => when,
  // Product page
  productNotFound: "This product isn't part of this organization's subscriptions.",
  seatsSummary: (assigned: number, total: number, available: number) =>
    `${number(assigned)} of ${number(total)} seats assigned, ${number(available)} available`,
  seatsSummaryConflict: (assigned: number, total: number, short: number) =>
    `${number(assigned)} of ${number(total)} seats assigned, ${number(short)} ${plural(short, "user", "users")} without a seat`,
  plansHeading: (count: number) => `Apps and services included (${number(count)})`,
  holdersHeading: "Users who hold it",
  searchHolders: "Search users who hold this product",
  searchPlaceholder: "Name or email",
  holdersLoading: "Loading users…",
  holdersError: "The users could not be loaded",
  holdersShown: (count: number, more: boolean) =>
    `${number(count)} ${plural(count, "user", "users")} shown${more ? ", more available" : ""}`,
  holdersEmpty: "Nobody holds this product yet",
  holdersEmptySearch: "No user who holds this product matches the search.",
  holdersEmptyHint: "Use Assign licenses to give it to users.",
  holdersColumns: { name: "Display name", email: "Email", type: "User type" },
  selectAll: "Select all users shown",
  selectRow: (name: string) => `Select ${name}`,
  selectedCount: (count: number) => `${number(count)} selected`,
  clearSelection: "Clear selection",
  userType: { member: "Member", guest: "Guest" },
  assign: "Assign licenses",
  unassign: "Unassign licenses",
  unassignCount: (count: number) => `Unassign licenses (${number(count)})`,
  unassignTitle: (product: string, count: number) =>
    `Unassign ${product} from ${number(count)} ${plural(count, "user", "users")}`,
  assignTitle: (product: string, count: number) =>
    `Assign ${product} to ${number(count)} ${plural(count, "user", "users")}`,
  // Assign panel
  panelTitle: (product: string) => `Assign ${product}`,
  panelSeats: (available: number, total: number) =>
    `${number(available)} of ${number(total)} ${plural(total, "seat", "seats")} available`,
  noSeatsTitle: "No seats left",
  noSeatsBody: "Every seat of this product is assigned. Buy more seats or unassign the license from someone first.",
  buySeats: "Buy more seats",
  pickerLabel: "Users",
  pickerHint: "Type a name or email, then choose from the suggestions. You can add as many users as you need.",
  pickerPlaceholder: "Search users",
  chosenUsers: "Chosen users",
  chosenCount: (count: number) => `${number(count)} ${plural(count, "user", "users")} chosen`,
  searching: "Searching…",
  noMatches: "No users found",
  removeUser: (name: string) => `Remove ${name}`,
  clearChosen: "Remove all",
  moreThanSeats: (chosen: number, available: number) =>
    `You chose ${number(chosen)} ${plural(chosen, "user", "users")} but only ${number(available)} ${plural(available, "seat is", "seats are")} available. The preview shows who cannot get it.`,
  plansHint: "Switch off apps and services these users shouldn't get.",
  assignButton: "Assign",
  chooseUsersFirst: "Choose at least one user.",
  /** A product's holders list and the people picker that assigns it. */
  holders: {
    counts: (total: number, direct: string, inherited: string, totalShown: string) =>
      `${totalShown} ${plural(total, "user", "users")}: ${direct} directly, ${inherited} through a group`,
    assignment: "Assignment",
    assignedOn: "Assigned on",
    direct: "Directly",
    inherited: "Through a group",
    both: "Directly and through a group",
    alreadyHas: "Already has this license",
    hasThroughGroup: "Has it through a group",
  },
};

export type LicensesTexts = Widen<typeof texts>;
