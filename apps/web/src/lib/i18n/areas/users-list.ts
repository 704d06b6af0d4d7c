import type { Widen } from "../widen";

const plural = (count: number, one: string, other: string) => (count === 1 ? one : other);

/**
 * Texts of the usersList area (Active users: the Licenses column and filter, the filter chips, a selection that
 * outlives the filter); `usersListNl` must have the same keys. Counts come twice: the number and its text.
 */
export const usersListEn = {
  licensedUsers: "Licensed users",
  unlicensedUsers: "Unlicensed users",
  products: "Products",
  activeFilters: "Active filters",
  searchChip: (text: string) => `Search: ${text}`,
  chip: (filter: string, value: string) => `${filter}: ${value}`,
  removeFilter: (chip: string) => `Remove filter ${chip}`,
  selectedWithHidden: (_count: number, shown: string, _hidden: number, hiddenShown: string) =>
    `${shown} selected (${hiddenShown} not shown)`,
  hiddenSelectedHint: (hidden: number, shown: string) =>
    `${shown} selected ${plural(hidden, "user is", "users are")} not in this list. Bulk actions apply to every selected user, shown or not.`,
};

export const usersListNl: Widen<typeof usersListEn> = {
  licensedUsers: "Gebruikers met licentie",
  unlicensedUsers: "Gebruikers zonder licentie",
  products: "Producten",
  activeFilters: "Actieve filters",
  searchChip: (text: string) => `Zoeken: ${text}`,
  chip: (filter: string, value: string) => `${filter}: ${value}`,
  removeFilter: (chip: string) => `Filter ${chip} verwijderen`,
  selectedWithHidden: (_count: number, shown: string, _hidden: number, hiddenShown: string) =>
    `${shown} geselecteerd (${hiddenShown} niet weergegeven)`,
  hiddenSelectedHint: (hidden: number, shown: string) =>
    `${shown} ${plural(hidden, "geselecteerde gebruiker staat", "geselecteerde gebruikers staan")} niet in deze lijst. Bulkacties gelden voor alle geselecteerde gebruikers, weergegeven of niet.`,
};
