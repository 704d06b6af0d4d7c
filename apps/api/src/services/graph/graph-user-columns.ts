import type { GraphUserProperty, UserDirectoryFields } from "@allot/contracts";
import { Prisma } from "@allot/db";

/** A license assignment as the row's JSON carries it (timestamps as text). */
export interface AssignmentColumns {
  productId: string;
  assignedByGroupId: string | null;
  disabledServicePlanIds: string[];
  state: "active" | "activeWithError" | "disabled" | "error";
  errorCode: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What a Graph user is built from: the user's own columns, and its assignments when a license property is asked. */
export interface GraphUserRow {
  id: string;
  displayName: string;
  email: string;
  userType: "member" | "guest";
  usageLocation: string | null;
  accountEnabled: boolean;
  createdAt: Date;
  preferredLanguage: string | null;
  /** The directory fields (first and last name, job, office, phones, address...). */
  directory: UserDirectoryFields;
  assignments?: AssignmentColumns[];
}

const LICENSE_PROPERTIES: ReadonlySet<GraphUserProperty> = new Set([
  "assignedLicenses",
  "licenseAssignmentStates",
  "assignedPlans",
]);

export function needsAssignments(properties: readonly GraphUserProperty[]): boolean {
  return properties.some((property) => LICENSE_PROPERTIES.has(property));
}

/**
 * The columns of the user row aliased `u`. The assignments are a per-row subquery on the (userId, productId,
 * assignedByGroupId) index, read only when asked for: a page of 999 users costs 999 short index lookups.
 */
export function graphUserColumns(withAssignments: boolean): Prisma.Sql {
  const own = Prisma.sql`u.id::text AS id, u."displayName", u.email, u."userType"::text AS "userType",
    u."usageLocation"::text AS "usageLocation", u."accountEnabled", u."createdAt", u."preferredLanguage",
    json_build_object('givenName', u."givenName", 'surname', u.surname, 'jobTitle', u."jobTitle",
      'department', u.department, 'officeLocation', u."officeLocation", 'businessPhone', u."businessPhone",
      'mobilePhone', u."mobilePhone", 'faxNumber', u."faxNumber", 'alternateEmail', u."alternateEmail",
      'streetAddress', u."streetAddress", 'city', u.city, 'state', u.state, 'postalCode', u."postalCode",
      'country', u.country::text) AS directory`;
  if (!withAssignments) return own;
  return Prisma.sql`${own},
    COALESCE((SELECT json_agg(json_build_object(
                       'productId', la."productId", 'assignedByGroupId', la."assignedByGroupId",
                       'disabledServicePlanIds', la."disabledServicePlanIds", 'state', la.state,
                       'errorCode', la."errorCode", 'createdAt', la."createdAt", 'updatedAt', la."updatedAt")
                     ORDER BY la."productId", la."createdAt", la.id)
               FROM "LicenseAssignment" la WHERE la."userId" = u.id), '[]'::json) AS assignments`;
}
