import { z } from "zod";
import { emailSchema, isoDateTime, text, usageLocationSchema, uuidSchema } from "./common.js";
import { assignedLicenseSchema } from "./licenses.js";
import { USER_DIRECTORY_FIELD_MAX, userDirectoryFieldsInputSchema } from "./user-directory.js";
import { passwordSchema } from "./users.js";

/**
 * Microsoft Graph v1.0's bodies for the directory and licensing resources the Graph-compatible API serves at
 * /graph/v1.0, as Graph names their fields: a script written for Graph sends and reads exactly these.
 */

/** `{"@odata.context", value, "@odata.nextLink"?, "@odata.count"?}`: every Graph collection. */
export function graphCollection<T extends z.ZodType>(item: T) {
  return z.object({
    "@odata.context": z.string(),
    "@odata.count": z.number().int().optional(),
    "@odata.nextLink": z.string().optional(),
    value: z.array(item),
  });
}

// ───────── Users: writes ─────────

export const graphPasswordProfileSchema = z.object({
  password: passwordSchema,
  forceChangePasswordNextSignIn: z.boolean().default(true),
  forceChangePasswordNextSignInWithMfa: z.boolean().optional(),
});

const { businessPhone: _phone, alternateEmail: _mail, ...directoryShape } = userDirectoryFieldsInputSchema.shape;

/**
 * The directory fields under Graph's names. Graph keeps lists where Allot keeps one value: `businessPhones` (Graph
 * itself allows one number) and `otherMails` (one address here); an empty list clears the value.
 */
const graphDirectoryShape = {
  ...directoryShape,
  businessPhones: z
    .array(text(USER_DIRECTORY_FIELD_MAX.businessPhone))
    .max(1, { error: "holds at most one number" })
    .optional(),
  otherMails: z.array(emailSchema).max(1, { error: "holds at most one address" }).optional(),
};

/** Graph's directory properties as Allot's fields (`businessPhones[0]`, `otherMails[0]`), for create and update. */
export function directoryFieldsFromGraph(body: {
  businessPhones?: string[] | undefined;
  otherMails?: string[] | undefined;
}): { businessPhone?: string | null; alternateEmail?: string | null } {
  return {
    ...(body.businessPhones === undefined ? {} : { businessPhone: body.businessPhones[0] ?? null }),
    ...(body.otherMails === undefined ? {} : { alternateEmail: body.otherMails[0] ?? null }),
  };
}

/** POST /users: Graph's required fields (accountEnabled, displayName, mailNickname, userPrincipalName, passwordProfile). */
export const graphCreateUserSchema = z.strictObject({
  "@odata.type": z.literal("#microsoft.graph.user").optional(),
  accountEnabled: z.boolean(),
  displayName: z.string().trim().min(1).max(256),
  mailNickname: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9._'-]+$/, { error: "must be letters, digits and . _ ' - only" }),
  userPrincipalName: emailSchema,
  passwordProfile: graphPasswordProfileSchema,
  usageLocation: usageLocationSchema.nullable().optional(),
  ...graphDirectoryShape,
});
export type GraphCreateUser = z.infer<typeof graphCreateUserSchema>;

/** PATCH /users/{id}: the properties Allot keeps; any other Graph property is refused, never dropped silently. */
export const graphUpdateUserSchema = z
  .strictObject({
    displayName: z.string().trim().min(1).max(256).optional(),
    usageLocation: usageLocationSchema.optional(),
    accountEnabled: z.boolean().optional(),
    ...graphDirectoryShape,
  })
  .refine((body) => Object.keys(body).length > 0, { error: "name at least one property to change" });
export type GraphUpdateUser = z.infer<typeof graphUpdateUserSchema>;

// ───────── Groups ─────────

export const graphGroupSchema = z.object({
  id: uuidSchema,
  displayName: z.string(),
  description: z.string().nullable(),
  mailEnabled: z.boolean(),
  mailNickname: z.string(),
  securityEnabled: z.boolean(),
  groupTypes: z.array(z.string()),
  createdDateTime: isoDateTime,
  assignedLicenses: z.array(assignedLicenseSchema).optional(),
});
export type GraphGroup = z.infer<typeof graphGroupSchema>;

/** POST /groups: a security group, as Allot's groups are (Microsoft 365 and mail-enabled groups are refused). */
export const graphCreateGroupSchema = z.strictObject({
  "@odata.type": z.literal("#microsoft.graph.group").optional(),
  displayName: z.string().trim().min(1).max(256),
  description: z.string().max(1024).nullable().optional(),
  mailEnabled: z.literal(false, { error: "Allot's groups are security groups: mailEnabled must be false" }),
  mailNickname: z.string().min(1).max(64),
  securityEnabled: z.literal(true, { error: "Allot's groups are security groups: securityEnabled must be true" }),
  groupTypes: z
    .array(z.string())
    .max(0, { error: "Allot's groups are security groups: groupTypes must be empty" })
    .optional(),
});
export type GraphCreateGroup = z.infer<typeof graphCreateGroupSchema>;

/** POST /groups/{id}/members/$ref: `{"@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/{id}"}`. */
export const graphReferenceSchema = z.strictObject({
  "@odata.id": z
    .string()
    .max(2048)
    .regex(/\/(directoryObjects|users)\/[0-9a-fA-F-]{36}$/, {
      error: "must end in /directoryObjects/{id} or /users/{id}",
    }),
});

// ───────── Licensing ─────────

export const graphServicePlanInfoSchema = z.object({
  servicePlanId: uuidSchema,
  servicePlanName: z.string(),
  provisioningStatus: z.string(),
  appliesTo: z.enum(["User", "Company"]),
});

/** Graph's subscribedSku. */
export const graphSubscribedSkuSchema = z.object({
  id: z.string(),
  accountId: uuidSchema,
  accountName: z.string(),
  appliesTo: z.enum(["User", "Company"]),
  capabilityStatus: z.string(),
  consumedUnits: z.number().int(),
  skuId: uuidSchema,
  skuPartNumber: z.string(),
  subscriptionIds: z.array(uuidSchema),
  prepaidUnits: z.object({
    enabled: z.number().int(),
    suspended: z.number().int(),
    warning: z.number().int(),
    lockedOut: z.number().int(),
  }),
  servicePlans: z.array(graphServicePlanInfoSchema),
});
export type GraphSubscribedSku = z.infer<typeof graphSubscribedSkuSchema>;

/** Graph's companySubscription (GET /directory/subscriptions). */
export const graphCompanySubscriptionSchema = z.object({
  id: uuidSchema,
  commerceSubscriptionId: uuidSchema,
  createdDateTime: isoDateTime,
  isTrial: z.boolean(),
  nextLifecycleDateTime: isoDateTime.nullable(),
  ownerId: uuidSchema.nullable(),
  ownerTenantId: uuidSchema.nullable(),
  ownerType: z.string().nullable(),
  serviceStatus: z.array(
    z.object({
      servicePlanId: uuidSchema,
      servicePlanName: z.string(),
      provisioningStatus: z.string(),
      appliesTo: z.string(),
    }),
  ),
  skuId: uuidSchema,
  skuPartNumber: z.string(),
  status: z.enum(["Enabled", "Warning", "Suspended", "Deleted", "LockedOut"]),
  totalLicenses: z.number().int(),
});
export type GraphCompanySubscription = z.infer<typeof graphCompanySubscriptionSchema>;

// ───────── JSON batching ─────────

export const MAX_BATCH_REQUESTS = 20;

export const graphBatchRequestSchema = z.strictObject({
  requests: z
    .array(
      z.strictObject({
        id: z.string().min(1).max(64),
        method: z.enum(["GET", "POST", "PATCH", "PUT", "DELETE"]),
        url: z.string().min(1).max(2048),
        headers: z.record(z.string(), z.string()).optional(),
        body: z.unknown().optional(),
        dependsOn: z.array(z.string().min(1).max(64)).max(MAX_BATCH_REQUESTS).optional(),
      }),
    )
    .min(1)
    .max(MAX_BATCH_REQUESTS, { error: `a batch holds at most ${MAX_BATCH_REQUESTS} requests` }),
});
export type GraphBatchRequest = z.infer<typeof graphBatchRequestSchema>;

export const graphBatchResponseSchema = z.object({
  responses: z.array(
    z.object({
      id: z.string(),
      status: z.number().int(),
      headers: z.record(z.string(), z.string()).optional(),
      body: z.unknown().optional(),
    }),
  ),
});
