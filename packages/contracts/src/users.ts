import { TENANT_ROLES, type TenantRole } from "@allot/domain";
import { z } from "zod";
import {
  cursorQuery,
  emailSchema,
  idInputSchema,
  isoDateTime,
  page,
  queryBoolean,
  queryWholeNumber,
  searchText,
  text,
  usageLocationSchema,
  uuidSchema,
} from "./common.js";
import { addLicensesSchema } from "./license-input.js";
import {
  countrySchema,
  USER_DIRECTORY_FIELD_MAX,
  userDirectoryFieldsInputSchema,
  userDirectoryFieldsSchema,
} from "./user-directory.js";

export const userTypeSchema = z.enum(["member", "guest"]);
export const tenantRoleSchema = z.enum(TENANT_ROLES as unknown as [TenantRole, ...TenantRole[]]);

/** A product a user holds in effect (an assignment in error does not count), as the users list shows it. */
export const userLicenseSchema = z.object({
  skuId: uuidSchema,
  skuPartNumber: z.string(),
  displayName: z.string(),
  /** Assigned to the user directly. */
  direct: z.boolean(),
  /** Inherited from one or more of the user's groups (a user may hold a product both ways). */
  inherited: z.boolean(),
  /** When the user got the product: its earliest assignment still in effect. */
  assignedAt: isoDateTime,
});
export type UserLicense = z.infer<typeof userLicenseSchema>;

export const userSchema = z.object({
  id: uuidSchema,
  tenantId: uuidSchema,
  displayName: z.string(),
  email: z.string(),
  userType: userTypeSchema,
  usageLocation: z.string().nullable(),
  accountEnabled: z.boolean(),
  roles: z.array(tenantRoleSchema),
  licenseCount: z.number().int(),
  /** The products counted by `licenseCount`, by display name. */
  licenses: z.array(userLicenseSchema),
  createdAt: isoDateTime,
  lastSignInAt: isoDateTime.nullable(),
  deletedAt: isoDateTime.nullable(),
  /** First and last name, job, office, phones, address...: Graph's names, null when not set. */
  ...userDirectoryFieldsSchema.shape,
});
export type User = z.infer<typeof userSchema>;

/**
 * Filters on the directory fields, shared by the users list, its ids and its CSV export: each an exact match
 * ignoring letter case (the Active users page's "Department: Sales"), `country` an ISO 3166-1 alpha-2 code.
 */
export const userDirectoryFilterShape = {
  department: text(USER_DIRECTORY_FIELD_MAX.department).optional(),
  jobTitle: text(USER_DIRECTORY_FIELD_MAX.jobTitle).optional(),
  officeLocation: text(USER_DIRECTORY_FIELD_MAX.officeLocation).optional(),
  city: text(USER_DIRECTORY_FIELD_MAX.city).optional(),
  country: countrySchema.optional(),
};
/** The directory filters a users list can take (all optional). */
export const USER_DIRECTORY_FILTERS = ["department", "jobTitle", "officeLocation", "city", "country"] as const;
export type UserDirectoryFilter = (typeof USER_DIRECTORY_FILTERS)[number];

export const listUsersQuerySchema = z.strictObject({
  search: searchText.optional(),
  type: userTypeSchema.optional(),
  role: tenantRoleSchema.optional(),
  licensed: queryBoolean.optional(),
  /** `true` lists the deleted users that can still be restored. */
  deleted: queryBoolean.optional(),
  /** Only users holding this product (skuId), directly or through a group, in effect. */
  skuId: idInputSchema.optional(),
  ...userDirectoryFilterShape,
  ...cursorQuery,
});
export type ListUsersQuery = z.infer<typeof listUsersQuerySchema>;

/** The filters of the users list without paging: "select all users that match", for a bulk change. */
export const userIdsQuerySchema = listUsersQuerySchema.omit({ cursor: true, limit: true });
export const USER_IDS_LIMIT = 10_000;
export const userIdsSchema = z.object({
  /** Ids of the matching users in list order, at most USER_IDS_LIMIT. */
  ids: z.array(uuidSchema),
  /** More users match than `ids` holds. */
  truncated: z.boolean(),
});
export type UserIds = z.infer<typeof userIdsSchema>;
export const userPageSchema = page(userSchema);
export type UserPage = z.infer<typeof userPageSchema>;

/** The page sizes a numbered users list offers (Partner Center's users and licenses table). */
export const USER_PAGE_SIZES = [10, 25, 50, 100] as const;
/**
 * Numbered pages (First / Previous / Next / Last) of the live users by name: for a person paging a customer's
 * directory, where keyset paging cannot jump to the last page. `page` past the last gives an empty page.
 */
export const numberedUsersQuerySchema = z.strictObject({
  search: searchText.optional(),
  page: queryWholeNumber(1, 9999, "must be a whole number from 1 to 9999").default(1),
  pageSize: z
    .enum(USER_PAGE_SIZES.map(String) as ["10", "25", "50", "100"], { error: "must be 10, 25, 50 or 100" })
    .transform(Number)
    .default(25),
});
export type NumberedUsersQuery = z.input<typeof numberedUsersQuerySchema>;
export const numberedUserPageSchema = z.object({
  items: z.array(userSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Live users matching the search, on every page together. */
  total: z.number().int(),
  /** Pages of `pageSize` that hold them (at least 1). */
  pageCount: z.number().int(),
});
export type NumberedUserPage = z.infer<typeof numberedUserPageSchema>;

export const passwordSchema = z
  .string()
  .min(12, { error: "must be at least 12 characters" })
  .max(256, { error: "must be at most 256 characters" });

export const createUserRequestSchema = z.strictObject({
  displayName: text(256),
  email: emailSchema,
  usageLocation: usageLocationSchema,
  userType: userTypeSchema.default("member"),
  accountEnabled: z.boolean().default(true),
  /** Omit to have a temporary password generated and returned once. */
  password: passwordSchema.optional(),
  /**
   * Licenses to give the new user in the same step, under the same rules as assignLicense (the user needs a usage
   * location, seats, the right role...). Refused: nothing is created, and the answer names the rules' codes.
   */
  assignedLicenses: addLicensesSchema.default([]),
  /** Check the whole step and answer what it would do (a bulk report of this one user), creating nothing. */
  dryRun: z.boolean().default(false),
  /** First and last name, job, office, phones, address...: each optional. */
  ...userDirectoryFieldsInputSchema.shape,
});
export type CreateUserRequest = z.input<typeof createUserRequestSchema>;

export const createdUserSchema = userSchema.extend({
  /** Shown once to the admin who created the user; null when the admin chose the password. */
  temporaryPassword: z.string().nullable(),
});
export type CreatedUser = z.infer<typeof createdUserSchema>;

export const updateUserRequestSchema = z
  .strictObject({
    displayName: text(256).optional(),
    usageLocation: usageLocationSchema.optional(),
    accountEnabled: z.boolean().optional(),
    /** A directory field left out stays as it is; null clears it. */
    ...userDirectoryFieldsInputSchema.shape,
  })
  .refine((body) => Object.keys(body).length > 0, { error: "name at least one field to change" });
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;

export const resetPasswordRequestSchema = z.strictObject({
  /** Omit to have a temporary password generated. */
  password: passwordSchema.optional(),
  /** Make the user choose a new password at their next sign-in before they can do anything else (Graph's name). */
  forceChangePasswordNextSignIn: z.boolean().default(false),
});
export type ResetPasswordRequest = z.input<typeof resetPasswordRequestSchema>;
export const resetPasswordResponseSchema = z.object({ temporaryPassword: z.string().nullable() });

export const userParamsSchema = z.strictObject({ tenantId: idInputSchema, userId: idInputSchema });
export const tenantParamsSchema = z.strictObject({ tenantId: idInputSchema });

export const restoredUserSchema = userSchema.extend({
  /**
   * Licenses that could not come back: direct ones when no seat is free (CountViolation), inherited ones for any
   * license rule (they stay on the user in state Error until the group is reprocessed).
   */
  licensesNotRestored: z.array(
    z.object({ productId: uuidSchema, skuPartNumber: z.string().nullable(), code: z.string() }),
  ),
});
export type RestoredUser = z.infer<typeof restoredUserSchema>;

export const memberOfSchema = z.object({
  items: z.array(z.object({ id: uuidSchema, displayName: z.string(), description: z.string().nullable() })),
});

/** The people picker any signed-in member may use (a self-service buyer giving out seats lacks directory.read). */
export const peopleQuerySchema = z.strictObject({
  search: searchText.optional(),
  limit: queryWholeNumber(1, 20, "must be a whole number from 1 to 20").default(10),
});
export const personSchema = z.object({ id: uuidSchema, displayName: z.string(), email: z.string() });
export const peopleSchema = z.object({ value: z.array(personSchema) });
export type Person = z.infer<typeof personSchema>;
