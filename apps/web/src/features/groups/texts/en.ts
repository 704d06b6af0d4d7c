import { textTools } from "@/lib/i18n/plural";
import type { Widen } from "@/lib/i18n/widen";

const { plural } = textTools("en");

/** Texts of the groups pages, in English: the reference for other languages. */
export const texts = {
  title: "Groups",
  description: "Groups collect users so you can manage them, and later their licenses, together.",
  addGroup: "Add a group",
  search: "Search groups",
  searchPlaceholder: "Search by name",
  columns: {
    displayName: "Group name",
    description: "Description",
    members: "Members",
    createdAt: "Created",
  },
  shownCount: (count: number, more: boolean) =>
    `${count} ${plural(count, "group", "groups")} shown${more ? ", more available" : ""}`,
  loading: "Loading groups…",
  emptyTitle: "No groups found",
  emptySearch: "No groups match your search.",
  emptyAll: "There are no groups yet.",
  openDetails: (name: string) => `Open details of ${name}`,
  add: {
    title: "Add a group",
    displayName: "Name",
    description: "Description (optional)",
    submit: "Add group",
    submitting: "Adding group…",
    created: (name: string) => `Group ${name} was added`,
  },
  details: {
    title: (name: string) => `Group ${name}`,
    description: "Description",
    noDescription: "No description",
    members: "Members",
    membersLoading: "Loading members…",
    noMembers: "This group has no members yet.",
    addMembers: "Add members",
    removeMember: (name: string) => `Remove ${name} from the group`,
    removed: (name: string) => `${name} was removed from the group`,
    deleteGroup: "Delete group",
    loadError: "The group couldn't be loaded.",
  },
  addMembers: {
    title: (group: string) => `Add members to ${group}`,
    searchLabel: "Find users",
    searchPlaceholder: "Type a name or email",
    searching: "Searching…",
    noResults: "No users found.",
    selected: (count: number) => `${count} ${plural(count, "user", "users")} selected`,
    submit: "Add",
    submitting: "Adding…",
    added: (count: number) => `${count} ${plural(count, "member", "members")} added`,
  },
  delete: {
    title: (name: string) => `Delete group ${name}?`,
    body: "The group is deleted for good. Its members keep their accounts.",
    deleted: (name: string) => `Group ${name} was deleted`,
  },
  /** Group details › Licenses. Counts come twice: the number (for the plural) and its text formatted for the locale. */
  licenses: {
    title: "Licenses",
    loading: "Loading the group's licenses…",
    loadError: "The group's licenses could not be loaded",
    intro: "Members get the group's licenses automatically, and lose them when they leave the group.",
    none: "No licenses are assigned to this group.",
    productsLabel: "Licenses of the group",
    product: "Product",
    appsAndServices: "Apps and services",
    plansOn: (on: string, total: string) => `${on} of ${total} on`,
    allOn: "All on",
    unknownProduct: "Unknown product",
    assign: "Assign licenses",
    remove: "Remove",
    removeLabel: (product: string) => `Remove ${product} from the group`,
    // Members in error
    allApplied: (count: number, shown: string) =>
      count === 0
        ? "The group has no members yet."
        : `The group's licenses are in effect for all ${shown} ${plural(count, "member", "members")}.`,
    errorsTitle: "Members in error",
    errorsSummary: (count: number, shown: string) =>
      `${shown} ${plural(count, "member doesn't", "members don't")} have all of the group's licenses.`,
    errorsHint: "Fix the reason (for example set a usage location or buy seats), then reprocess.",
    errorsTruncated: (listed: string, total: string) => `Showing the first ${listed} of ${total}.`,
    member: "Member",
    reason: "Reason",
    unknownReason: "The license could not be applied.",
    reprocess: "Reprocess",
    reprocessing: "Reprocessing…",
    reprocessedAll: "Reprocessed: every member now has the group's licenses.",
    reprocessedSome: (count: number, shown: string) =>
      `Reprocessed: ${shown} ${plural(count, "member is", "members are")} still in error.`,
    // Assign dialog
    dialogTitle: (group: string) => `Assign licenses to ${group}`,
    dialogIntro: (count: number, shown: string) =>
      `Each of the group's ${shown} ${plural(count, "member", "members")} uses a seat of every product you pick. Members who already hold a product keep their seat.`,
    productsLegend: "Products",
    skusLoading: "Loading products…",
    noProducts: "This organization has no products that can be assigned to people.",
    available: (shown: string) => `${shown} available`,
    noneAvailable: "No seats available: members will be in error until seats are bought or freed.",
    notUsable: "The subscription can't be assigned from right now.",
    showPlans: (product: string) => `Apps and services of ${product}`,
    willBeRemoved: "Will be removed from the group.",
    save: "Save",
    saving: "Saving…",
    noChanges: "Pick or clear a product, or change its apps and services, to save.",
    saved: (group: string) => `Licenses of ${group} updated`,
    // Removal
    confirmRemoveTitle: (count: number) =>
      plural(count, "Remove this license from the group?", "Remove these licenses from the group?"),
    confirmRemoveBody: (products: string) =>
      `Members lose ${products} unless they have it directly or through another group.`,
    confirmRemove: "Remove",
    removing: "Removing…",
    back: "Back",
    removed: (product: string, group: string) => `${product} removed from ${group}`,
  },
};

export type GroupsTexts = Widen<typeof texts>;
