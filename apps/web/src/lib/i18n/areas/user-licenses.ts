import type { Widen } from "../widen";

const plural = (count: number, one: string, other: string) => (count === 1 ? one : other);

/** Texts of the userLicenses area (User details › Licenses and apps); `userLicensesNl` must have the same keys. */
export const userLicensesEn = {
  title: "Licenses and apps",
  accountTab: "Account",
  tabsLabel: "User details",
  loading: "Loading licenses…",
  loadError: "The user's licenses couldn't be loaded.",
  productsLegend: "Licenses",
  noProducts: "Your organization has no licenses that can be assigned to users.",
  seats: (available: string, total: string) => `${available} of ${total} available`,
  noSeats: "No licenses available",
  buyMore: "Buy more licenses",
  askBillingAdmin: "A billing admin can buy more.",
  inheritedFrom: (groups: string) => `Inherited from ${groups}`,
  alsoInheritedFrom: (groups: string) => `Also inherited from ${groups}`,
  aGroup: "a group",
  inheritedLocked: "Licenses inherited from a group can only be removed by changing the group's licenses.",
  states: {
    ActiveWithError: "Active with errors",
    Disabled: "Disabled",
    Error: "Error",
  },
  appsLabel: (on: number, total: number) => `Apps and services (${on} of ${total} on)`,
  /** The expander's accessible name: its visible text first, then the product it belongs to. */
  appsButtonName: (label: string, product: string) => `${label}, ${product}`,
  usageLocationTitle: "Usage location required",
  usageLocationBody:
    "Licenses are available per country or region, so set the user's usage location before assigning new licenses.",
  guestOnlyGlobalAdmin: "Only a global admin can assign licenses to guest users",
  readOnly: (reason: string) => `You can view these licenses but not change them. ${reason}`,
  pending: (added: number, removed: number, changed: number) =>
    [
      added > 0 ? `${added} to add` : "",
      removed > 0 ? `${removed} to remove` : "",
      changed > 0 ? `${changed} with changed apps` : "",
    ]
      .filter(Boolean)
      .join(", "),
  save: "Save changes",
  saving: "Saving…",
  discard: "Discard changes",
  saved: (name: string) => `Licenses of ${name} were updated`,
  saveFailed: "The changes were not saved.",
  seeProducts: "See the messages next to the licenses.",
  confirmTitle: (count: number) => `Remove ${count} ${plural(count, "license", "licenses")}?`,
  confirmIntro: (name: string, count: number) =>
    count === 1 ? `This license will be removed from ${name}:` : `These licenses will be removed from ${name}:`,
  stillInherited: (groups: string) => `still held through ${groups}, so no data is deleted`,
  confirm: "Remove and save",
};

export const userLicensesNl: Widen<typeof userLicensesEn> = {
  title: "Licenties en apps",
  accountTab: "Account",
  tabsLabel: "Gebruikersgegevens",
  loading: "Licenties laden…",
  loadError: "De licenties van de gebruiker konden niet worden geladen.",
  productsLegend: "Licenties",
  noProducts: "Uw organisatie heeft geen licenties die aan gebruikers kunnen worden toegewezen.",
  seats: (available: string, total: string) => `${available} van ${total} beschikbaar`,
  noSeats: "Geen licenties beschikbaar",
  buyMore: "Meer licenties kopen",
  askBillingAdmin: "Een factureringsbeheerder kan er meer kopen.",
  inheritedFrom: (groups: string) => `Overgenomen van ${groups}`,
  alsoInheritedFrom: (groups: string) => `Ook overgenomen van ${groups}`,
  aGroup: "een groep",
  inheritedLocked:
    "Licenties die van een groep zijn overgenomen, verwijdert u door de licenties van de groep te wijzigen.",
  states: {
    ActiveWithError: "Actief met fouten",
    Disabled: "Uitgeschakeld",
    Error: "Fout",
  },
  appsLabel: (on: number, total: number) => `Apps en services (${on} van ${total} aan)`,
  appsButtonName: (label: string, product: string) => `${label}, ${product}`,
  usageLocationTitle: "Gebruikslocatie vereist",
  usageLocationBody:
    "Licenties zijn per land of regio beschikbaar. Stel daarom eerst de gebruikslocatie van de gebruiker in voordat u nieuwe licenties toewijst.",
  guestOnlyGlobalAdmin: "Alleen een globale beheerder kan licenties toewijzen aan gastgebruikers",
  readOnly: (reason: string) => `U kunt deze licenties bekijken maar niet wijzigen. ${reason}`,
  pending: (added: number, removed: number, changed: number) =>
    [
      added > 0 ? `${added} toe te voegen` : "",
      removed > 0 ? `${removed} te verwijderen` : "",
      changed > 0 ? `${changed} met gewijzigde apps` : "",
    ]
      .filter(Boolean)
      .join(", "),
  save: "Wijzigingen opslaan",
  saving: "Opslaan…",
  discard: "Wijzigingen negeren",
  saved: (name: string) => `De licenties van ${name} zijn bijgewerkt`,
  saveFailed: "De wijzigingen zijn niet opgeslagen.",
  seeProducts: "Zie de meldingen bij de licenties.",
  confirmTitle: (count: number) => `${count} ${plural(count, "licentie", "licenties")} verwijderen?`,
  confirmIntro: (name: string, count: number) =>
    count === 1 ? `Deze licentie wordt verwijderd bij ${name}:` : `Deze licenties worden verwijderd bij ${name}:`,
  stillInherited: (groups: string) => `blijft via ${groups} behouden, dus er worden geen gegevens verwijderd`,
  confirm: "Verwijderen en opslaan",
};
