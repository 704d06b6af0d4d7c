import type { Widen } from "../widen";

const plural = (count: number, one: string, other: string) => (count === 1 ? one : other);

/** Texts of the manageLicenses area; `manageLicensesNl` must have the same keys. */
export const manageLicensesEn = {
  title: "Manage product licenses",
  selectedUsers: (count: number, shown: string) => `${shown} ${plural(count, "user", "users")} selected`,
  forUser: (name: string) => `For ${name}`,
  choiceLabel: "How do you want to change the licenses?",
  add: "Add to existing product license assignments",
  replace: "Replace existing product license assignments",
  removeAll: "Remove all product licenses from the selected users",
  modeHint: {
    add: "Products you check are added and products you clear are removed. A product shown as mixed (some of the users have it) stays as it is for each user.",
    replace:
      "The selected users end up with exactly the products you check. Every other product assigned to them directly is removed.",
    removeAll:
      "Every product license assigned directly to the selected users is removed. Licenses they get from groups stay.",
  },
  products: "Licenses",
  loading: "Loading licenses…",
  loadError: "The licenses of the selected users couldn't be loaded.",
  noProducts: "No licenses to assign",
  noProductsHint: "This organization has no product licenses for users. Buy some in Billing.",
  available: (shown: string) => `${shown} available`,
  noneLeft: "None left",
  buyMore: "Buy more",
  askBilling: "A billing admin can buy more.",
  holders: (direct: string, users: string) => `Assigned to ${direct} of ${users}`,
  throughGroups: (shown: string) => `${shown} through a group`,
  stateChange: {
    checked: "Will be assigned",
    unchecked: "Will be removed",
    mixed: "Left as is",
  },
  appsAndServices: "Apps and services",
  appsFor: (product: string) => `Apps and services of ${product}`,
  plansWhenChecked: "Check the product to choose which of its apps and services to switch off.",
  nothingChosen: "Check or clear at least one product to change.",
  next: "Next: preview",
  previewTitle: (count: number) => `Manage product licenses for ${count} ${plural(count, "user", "users")}`,
};

export const manageLicensesNl: Widen<typeof manageLicensesEn> = {
  title: "Productlicenties beheren",
  selectedUsers: (count: number, shown: string) => `${shown} ${plural(count, "gebruiker", "gebruikers")} geselecteerd`,
  forUser: (name: string) => `Voor ${name}`,
  choiceLabel: "Hoe wil je de licenties wijzigen?",
  add: "Toevoegen aan bestaande productlicentietoewijzingen",
  replace: "Bestaande productlicentietoewijzingen vervangen",
  removeAll: "Alle productlicenties van de geselecteerde gebruikers verwijderen",
  modeHint: {
    add: "Producten die je aanvinkt worden toegevoegd en producten die je uitvinkt worden verwijderd. Een product dat gemengd is (sommige gebruikers hebben het) blijft per gebruiker zoals het is.",
    replace:
      "De geselecteerde gebruikers houden precies de producten die je aanvinkt. Elk ander product dat ze rechtstreeks hebben, wordt verwijderd.",
    removeAll:
      "Elke productlicentie die rechtstreeks aan de geselecteerde gebruikers is toegewezen, wordt verwijderd. Licenties die ze via groepen krijgen, blijven.",
  },
  products: "Licenties",
  loading: "Licenties laden…",
  loadError: "De licenties van de geselecteerde gebruikers konden niet worden geladen.",
  noProducts: "Geen licenties om toe te wijzen",
  noProductsHint: "Deze organisatie heeft geen productlicenties voor gebruikers. Koop ze via Facturering.",
  available: (shown: string) => `${shown} beschikbaar`,
  noneLeft: "Geen meer over",
  buyMore: "Meer kopen",
  askBilling: "Een factureringsbeheerder kan er meer kopen.",
  holders: (direct: string, users: string) => `Toegewezen aan ${direct} van ${users}`,
  throughGroups: (shown: string) => `${shown} via een groep`,
  stateChange: {
    checked: "Wordt toegewezen",
    unchecked: "Wordt verwijderd",
    mixed: "Blijft zoals het is",
  },
  appsAndServices: "Apps en services",
  appsFor: (product: string) => `Apps en services van ${product}`,
  plansWhenChecked: "Vink het product aan om te kiezen welke apps en services je uitschakelt.",
  nothingChosen: "Vink ten minste één product aan of uit om iets te wijzigen.",
  next: "Volgende: voorbeeld",
  previewTitle: (count: number) => `Productlicenties beheren voor ${count} ${plural(count, "gebruiker", "gebruikers")}`,
};
