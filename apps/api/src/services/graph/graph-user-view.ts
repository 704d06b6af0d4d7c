import { GRAPH_USER_DEFAULT_PROPERTIES, type GraphUser, type GraphUserProperty } from "@allot/contracts";
import type { TenantContext } from "../../types.js";
import { catalogOf } from "../licenses/catalog.js";
import { seatSummaries } from "../seats/seat-states.js";
import type { GraphUserRow } from "./graph-user-columns.js";
import {
  assignedLicenses,
  assignedPlans,
  type LicenseReading,
  licenseAssignmentStates,
} from "./graph-user-licenses.js";

/** The properties a response carries: those selected ($select puts `id` first), or Graph's defaults. */
export function propertiesOf(select: readonly GraphUserProperty[] | undefined): readonly GraphUserProperty[] {
  return select ?? GRAPH_USER_DEFAULT_PROPERTIES;
}

type Readers = {
  [P in GraphUserProperty]-?: (row: GraphUserRow, reading: LicenseReading) => Exclude<GraphUser[P], undefined>;
};

/** How each property is read from a row. Graph properties we do not store are what Graph answers when unset. */
const READERS: Readers = {
  id: (row) => row.id,
  displayName: (row) => row.displayName,
  userPrincipalName: (row) => row.email,
  mail: (row) => row.email,
  givenName: (row) => row.directory.givenName,
  surname: (row) => row.directory.surname,
  jobTitle: (row) => row.directory.jobTitle,
  mobilePhone: (row) => row.directory.mobilePhone,
  officeLocation: (row) => row.directory.officeLocation,
  preferredLanguage: (row) => row.preferredLanguage,
  // Graph keeps lists where we keep one value: the office phone and the alternate email address.
  businessPhones: (row) => (row.directory.businessPhone === null ? [] : [row.directory.businessPhone]),
  department: (row) => row.directory.department,
  faxNumber: (row) => row.directory.faxNumber,
  otherMails: (row) => (row.directory.alternateEmail === null ? [] : [row.directory.alternateEmail]),
  streetAddress: (row) => row.directory.streetAddress,
  city: (row) => row.directory.city,
  state: (row) => row.directory.state,
  postalCode: (row) => row.directory.postalCode,
  country: (row) => row.directory.country,
  accountEnabled: (row) => row.accountEnabled,
  usageLocation: (row) => row.usageLocation,
  userType: (row) => (row.userType === "guest" ? "Guest" : "Member"),
  createdDateTime: (row) => row.createdAt.toISOString(),
  mailNickname: (row) => row.email.slice(0, row.email.lastIndexOf("@")),
  assignedLicenses: (row, reading) => assignedLicenses(row.assignments ?? [], reading),
  licenseAssignmentStates: (row, reading) => licenseAssignmentStates(row.assignments ?? [], reading),
  assignedPlans: (row, reading) => assignedPlans(row.assignments ?? [], reading),
};

/** Rows as Graph users carrying exactly `properties` (and `id`), in that order. */
export async function toGraphUsers(
  ctx: Pick<TenantContext, "db" | "tenantId">,
  rows: readonly GraphUserRow[],
  properties: readonly GraphUserProperty[],
): Promise<GraphUser[]> {
  const reading: LicenseReading = {
    catalog: await catalogOf(ctx.db),
    // Assignment states follow from the seats of the products (see stateOf); one read serves the whole page.
    summaries:
      properties.includes("licenseAssignmentStates") && rows.length > 0
        ? await seatSummaries(ctx.db, ctx.tenantId)
        : undefined,
  };
  return rows.map((row) => {
    const user: Record<string, unknown> = { id: row.id };
    for (const property of properties) user[property] = READERS[property](row, reading);
    return user as GraphUser;
  });
}
