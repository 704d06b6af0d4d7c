import { textTools } from "@/lib/i18n";
import type { Widen } from "@/lib/i18n/widen";

const { plural, number } = textTools("en");
const users = (count: number) => `${number(count)} ${plural(count, "user", "users")}`;

/** Texts of a customer's Users and licenses pages (Partner Center's workflow), in English: the reference. */
export const texts = {
  users: {
    title: "Users and licenses",
    description: (customer: string) =>
      `Select ${customer}'s users on any page, then manage their licenses together. The selection stays while you page and search.`,
    search: "Search users",
    searchPlaceholder: "Name or e-mail",
    tableLabel: "Users",
    selectPage: "Select all users on this page",
    selectUser: (name: string) => `Select ${name}`,
    columns: { name: "Display name", email: "User name", location: "Usage location", licenses: "Licenses" },
    noLocation: "Not set",
    noLicenses: "None",
    loading: "Loading users…",
    emptySearch: (search: string) => `No user's name or e-mail contains "${search}".`,
    empty: "This organization has no users.",
    shown: (from: number, to: number, total: number) =>
      total === 0 ? "No users" : `Users ${number(from)}–${number(to)} of ${number(total)}`,
    allUsers: "All users",
    selectedUsers: (count: number) => `Selected users (${number(count)})`,
    selectedCount: (count: number) => `${users(count)} selected`,
    clearSelection: "Clear selection",
    drop: (name: string) => `Remove ${name} from the selection`,
    noneSelected: "No users selected yet. Tick users on any page of All users.",
    manageLicenses: "Manage licenses",
    manageHint: "Select at least one user first.",
  },
  pager: {
    label: "Pages",
    first: "First page",
    previous: "Previous page",
    next: "Next page",
    last: "Last page",
    page: (page: number, count: number) => `Page ${number(page)} of ${number(count)}`,
    pageSize: "Users per page",
  },
  manage: {
    title: "Manage licenses",
    description: (count: number) =>
      `Choose the licenses for the ${users(count)} below. A checked box gives the product to every selected user, a cleared box takes it from all who hold it, a partly checked box leaves each user as they are.`,
    selectedHeading: (count: number) => `Selected users (${number(count)})`,
    more: (count: number) => `and ${number(count)} more`,
    backToUsers: "Back to users",
    noSelection: "No users are selected. Go back to the users and select some first.",
    productsLabel: "Products",
    columns: { product: "Product", total: "Total", available: "Available", assigned: "Assigned", actions: "Actions" },
    checkbox: (product: string) => `${product} for the selected users`,
    assignedLink: (held: number, selected: number) => `${number(held)} of ${number(selected)}`,
    assignedLabel: (product: string, held: number, selected: number) =>
      `${number(held)} of ${number(selected)} selected users hold ${product}: show who`,
    buyMore: "Buy more",
    cannotBuy: "Your role can't buy. Ask a sales agent or the organization's billing admin.",
    showPlans: "Show service plans",
    hidePlans: "Hide service plans",
    plansFor: (product: string) => `Service plans of ${product}`,
    plansHint: "The selected users get the checked plans when you save.",
    noProducts: "This organization has no products to assign.",
    loading: "Loading products…",
    loadError: "The products couldn't be loaded.",
    save: "Save",
    cancel: "Cancel",
    nothingChosen: "Nothing would change. Check or clear a product first.",
    previewTitle: "Check and confirm the license changes",
    holdersTitle: (product: string) => `Selected users who hold ${product}`,
    holdersLoading: "Loading…",
    holdersNone: "None of the selected users holds it.",
    throughGroup: "through a group",
  },
  confirmation: {
    title: "License changes: confirmation",
    running: "The changes are being applied. You can leave this page; it stays at this address.",
    summary: (succeeded: number, failed: number) => `${users(succeeded)} changed, ${users(failed)} failed.`,
    tableLabel: "License changes per user",
    columns: { user: "User", result: "Result", assigned: "Assigned", revoked: "Revoked", reason: "Reason" },
    succeeded: "Succeeded",
    failed: "Failed",
    nothing: "—",
    plansChanged: (products: string) => `Service plans changed: ${products}`,
    onlyFailures: "Show only failures",
    print: "Print",
    export: "Export CSV",
    backToUsers: "Back to users and licenses",
    notFound: "This change doesn't exist or you can't see it.",
    loadError: "The change couldn't be loaded.",
    loading: "Loading the change…",
  },
};

export type CustomerLicensesTexts = Widen<typeof texts>;
