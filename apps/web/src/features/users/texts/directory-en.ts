import type { UserDirectoryField } from "@allot/contracts";
import type { Widen } from "@/lib/i18n/widen";

/**
 * A user's directory fields (Microsoft 365's "Contact information"), their filters on the users list and
 * "Export users", in English. Labels follow the Microsoft 365 admin center's.
 */
export const texts = {
  title: "Contact information",
  none: "No contact information yet.",
  fields: {
    givenName: "First name",
    surname: "Last name",
    jobTitle: "Job title",
    department: "Department",
    officeLocation: "Office",
    businessPhone: "Office phone",
    mobilePhone: "Mobile phone",
    faxNumber: "Fax number",
    alternateEmail: "Alternate email address",
    streetAddress: "Street address",
    city: "City",
    state: "State or province",
    postalCode: "ZIP or postal code",
    country: "Country or region",
  } satisfies Record<UserDirectoryField, string>,
  /** The list's text filters: typed, applied on Enter or when the field is left. */
  filterHint: "Exact name, any letter case",
  moreFilters: "More filters",
  fewerFilters: "Fewer filters",
  anyCountry: "Any country or region",
  exportUsers: "Export users",
  exportHint: "Downloads the users the list shows, with their licenses and sign-in dates.",
};

export type DirectoryTexts = Widen<typeof texts>;
