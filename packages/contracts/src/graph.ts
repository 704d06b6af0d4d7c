import { z } from "zod";
import { isoDateTime, uuidSchema } from "./common.js";
import { graphServicePlanInfoSchema } from "./graph-directory.js";
import { assignedLicenseSchema, LICENSE_ASSIGNMENT_STATES } from "./licenses.js";

/**
 * The Microsoft Graph v1.0-compatible `users` resource: Graph's own property names and value shapes, so scripts
 * written against Graph (and the Graph SDKs) read our users unchanged. Properties Graph has and we do not store
 * are answered as Graph answers an unset one: null, or an empty list.
 */

/** What Graph returns for a user when no $select is given (its "default properties"). */
export const GRAPH_USER_DEFAULT_PROPERTIES = [
  "businessPhones",
  "displayName",
  "givenName",
  "jobTitle",
  "mail",
  "mobilePhone",
  "officeLocation",
  "preferredLanguage",
  "surname",
  "userPrincipalName",
  "id",
] as const;

/** Every property a $select may name; the others of Graph's user are refused, not left out in silence. */
export const GRAPH_USER_PROPERTIES = [
  ...GRAPH_USER_DEFAULT_PROPERTIES,
  "accountEnabled",
  "usageLocation",
  "userType",
  "createdDateTime",
  "mailNickname",
  "assignedLicenses",
  "licenseAssignmentStates",
  "assignedPlans",
  "department",
  "faxNumber",
  "otherMails",
  "streetAddress",
  "city",
  "state",
  "postalCode",
  "country",
] as const;
export type GraphUserProperty = (typeof GRAPH_USER_PROPERTIES)[number];

export const graphLicenseAssignmentStateSchema = z.object({
  skuId: uuidSchema,
  /** The group the license is inherited from; null when assigned to the user directly. */
  assignedByGroup: uuidSchema.nullable(),
  disabledPlans: z.array(uuidSchema),
  state: z.enum(LICENSE_ASSIGNMENT_STATES),
  /** "None" when the assignment applies; otherwise why not, as an error code (CountViolation, …). */
  error: z.string(),
  lastUpdatedDateTime: isoDateTime,
});

export const graphAssignedPlanSchema = z.object({
  /** When the user first got a license in effect that includes the plan. */
  assignedDateTime: isoDateTime,
  capabilityStatus: z.literal("Enabled"),
  /** The service plan's name (e.g. EXCHANGE_S_ENTERPRISE). */
  service: z.string(),
  servicePlanId: uuidSchema,
});

/**
 * A user as Graph describes it. With $select, a response carries exactly the selected properties plus `id`;
 * without, the default properties: hence every property but `id` is optional here.
 */
export const graphUserSchema = z.object({
  id: uuidSchema,
  displayName: z.string().nullable().optional(),
  /** The sign-in name (our email). */
  userPrincipalName: z.string().optional(),
  mail: z.string().nullable().optional(),
  givenName: z.string().nullable().optional(),
  surname: z.string().nullable().optional(),
  jobTitle: z.string().nullable().optional(),
  mobilePhone: z.string().nullable().optional(),
  officeLocation: z.string().nullable().optional(),
  preferredLanguage: z.string().nullable().optional(),
  businessPhones: z.array(z.string()).optional(),
  department: z.string().nullable().optional(),
  faxNumber: z.string().nullable().optional(),
  /** Other addresses of the user: our alternate email address, when set. */
  otherMails: z.array(z.string()).optional(),
  streetAddress: z.string().nullable().optional(),
  city: z.string().nullable().optional(),
  state: z.string().nullable().optional(),
  postalCode: z.string().nullable().optional(),
  /** Graph's country is free text; ours is the ISO 3166-1 alpha-2 code. */
  country: z.string().nullable().optional(),
  accountEnabled: z.boolean().optional(),
  /** ISO 3166-1 alpha-2; null when not set (such a user cannot be licensed). */
  usageLocation: z.string().nullable().optional(),
  userType: z.enum(["Member", "Guest"]).optional(),
  createdDateTime: isoDateTime.optional(),
  /** The local part of the user principal name. */
  mailNickname: z.string().optional(),
  /** One per product the user holds in effect (directly, through groups, or both), with the plans off in all. */
  assignedLicenses: z.array(assignedLicenseSchema).optional(),
  /** One per assignment, direct and inherited, with whether it applies. */
  licenseAssignmentStates: z.array(graphLicenseAssignmentStateSchema).optional(),
  /** Every service plan the user's licenses in effect switch on. */
  assignedPlans: z.array(graphAssignedPlanSchema).optional(),
});
export type GraphUser = z.infer<typeof graphUserSchema>;

/**
 * Graph's licenseDetails of a user: per product held in effect, each of its plans with whether it is provisioned
 * (Success when on; Disabled when switched off in every assignment of the product, or no subscription is usable).
 */
export const graphLicenseDetailsSchema = z.object({
  id: z.string(),
  skuId: uuidSchema,
  skuPartNumber: z.string(),
  servicePlans: z.array(graphServicePlanInfoSchema),
});
export type GraphLicenseDetails = z.infer<typeof graphLicenseDetailsSchema>;
