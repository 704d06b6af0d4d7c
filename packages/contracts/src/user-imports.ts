import { z } from "zod";
import {
  CSV_DELIMITERS,
  csvExportQuery,
  cursorQuery,
  idInputSchema,
  isoDateTime,
  page,
  queryBoolean,
  usageLocationSchema,
  uuidSchema,
} from "./common.js";
import { addLicensesSchema } from "./license-input.js";
import type { UserDirectoryField } from "./user-directory.js";

/**
 * Bulk work from files: Microsoft 365's "Add multiple users" CSV and the license assignment CSV. Both go the same
 * way: upload (the file is parsed and every row verified, nothing is applied) → preview with the options (what
 * would be created, updated, assigned, removed or refused, and seats before → after) → apply as a background job →
 * results. Routes under /api/tenants/:tenantId/userImports.
 */

export const USER_IMPORT_KINDS = ["users", "licenses"] as const;
export const userImportKindSchema = z.enum(USER_IMPORT_KINDS, { error: "must be users or licenses" });
export type UserImportKind = z.infer<typeof userImportKindSchema>;

/** Most data rows a file may hold (empty lines do not count). */
export const MAX_IMPORT_ROWS = 50_000;
/** Largest file accepted, in bytes (50,000 full template rows fit with room to spare). */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;

/** The columns a template row fills: the sign-in name, the display name, and the directory fields. */
export type UserTemplateField = "userPrincipalName" | "displayName" | UserDirectoryField;

/**
 * Microsoft's "Add multiple users" template, column by column: the English header exactly as Microsoft writes
 * it, the Dutch one (accepted too, and written by the Dutch template), and the field it fills.
 */
export const USER_TEMPLATE_COLUMNS = [
  { en: "User Name", nl: "Gebruikersnaam", field: "userPrincipalName" },
  { en: "First Name", nl: "Voornaam", field: "givenName" },
  { en: "Last Name", nl: "Achternaam", field: "surname" },
  { en: "Display Name", nl: "Weergavenaam", field: "displayName" },
  { en: "Job Title", nl: "Functie", field: "jobTitle" },
  { en: "Department", nl: "Afdeling", field: "department" },
  { en: "Office Number", nl: "Kantoornummer", field: "officeLocation" },
  { en: "Office Phone", nl: "Telefoon kantoor", field: "businessPhone" },
  { en: "Mobile Phone", nl: "Mobiele telefoon", field: "mobilePhone" },
  { en: "Fax", nl: "Fax", field: "faxNumber" },
  { en: "Alternate email address", nl: "Alternatief e-mailadres", field: "alternateEmail" },
  { en: "Address", nl: "Adres", field: "streetAddress" },
  { en: "City", nl: "Plaats", field: "city" },
  { en: "State or Province", nl: "Provincie", field: "state" },
  { en: "ZIP or Postal Code", nl: "Postcode", field: "postalCode" },
  { en: "Country or Region", nl: "Land of regio", field: "country" },
] as const satisfies ReadonlyArray<{ en: string; nl: string; field: UserTemplateField }>;

/** The license assignment CSV: one row per user and product held directly or through a group. */
export const LICENSE_ASSIGNMENT_COLUMNS = [
  { en: "User Name", nl: "Gebruikersnaam" },
  { en: "Product", nl: "Product" },
  { en: "Disabled plans", nl: "Uitgeschakelde abonnementen" },
  { en: "Assigned by", nl: "Toegewezen door" },
] as const;

export const TEMPLATE_LANGUAGES = ["en", "nl"] as const;

/** GET /users/importTemplate: the "Add multiple users" template as a CSV file. */
export const userImportTemplateQuerySchema = z.strictObject({
  /** Include Microsoft's kind of sample rows (to be overwritten). */
  samples: queryBoolean.default(false),
  language: z.enum(TEMPLATE_LANGUAGES, { error: "must be en or nl" }).default("en"),
  ...csvExportQuery,
});

/** POST /userImports: the file is the raw request body (text/csv or application/octet-stream). */
export const createUserImportQuerySchema = z.strictObject({
  kind: userImportKindSchema,
  /** The file's name as the person picked it, for the results page and the audit log. */
  fileName: z.string().trim().min(1).max(255).optional(),
});

/** Row problems' codes (a row with a problem is refused; the other rows can still be applied). */
export const USER_IMPORT_PROBLEM_CODES = [
  // Found by the preview, with its options: no free seat left for this new user, or licenses without a usage location.
  "CountViolation",
  "UsageLocationRequired",
  "Required",
  "TooLong",
  "InvalidValue",
  "InvalidEmail",
  "UnknownCountry",
  "DuplicateUserName",
  "UserNameTaken",
  "UnknownUser",
  "UnknownProduct",
  "UnknownServicePlan",
  "InheritedAssignment",
  /** A license assignment file names the same user and product twice as direct licenses. */
  "DuplicateAssignment",
  "TooManyColumns",
] as const;

export type UserImportProblemCode = (typeof USER_IMPORT_PROBLEM_CODES)[number];

/** One problem of one row: the file's line (1-based, the header is line 1) and the column as its header names it. */
export const userImportProblemSchema = z.object({
  line: z.number().int(),
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});
export type UserImportProblem = z.infer<typeof userImportProblemSchema>;

export const USER_IMPORT_STATUSES = ["verified", "previewed", "applying", "completed", "failed"] as const;
export const userImportStatusSchema = z.enum(USER_IMPORT_STATUSES);

/** POST /userImports/:id/preview for an "Add multiple users" file: what every new user gets. */
export const usersImportOptionsSchema = z.strictObject({
  /** Sign-in allowed (true) or blocked for the new users. */
  accountEnabled: z.boolean().default(true),
  /** Usage location of new users (and of updated users that have none); null leaves it unset. */
  usageLocation: usageLocationSchema.default(null),
  /** Licenses (with service plans off) for every new user, under the usual rules. */
  licenses: addLicensesSchema.default([]),
});
export type UsersImportOptions = z.input<typeof usersImportOptionsSchema>;
/** A license assignment file takes no options: the file says it all. */
export const licensesImportOptionsSchema = z.strictObject({});
export const userImportOptionsSchema = z.union([usersImportOptionsSchema, licensesImportOptionsSchema]);

export const USER_IMPORT_ACTIONS = ["create", "update", "assign", "remove", "change", "unchanged", "refuse"] as const;
export const userImportActionSchema = z.enum(USER_IMPORT_ACTIONS);
export const USER_IMPORT_OUTCOMES = ["succeeded", "failed", "skipped"] as const;

/** Seats of one product before and after the import would be applied. */
export const importSeatsSchema = z.object({
  skuId: uuidSchema,
  skuPartNumber: z.string(),
  displayName: z.string(),
  availableBefore: z.number().int(),
  availableAfter: z.number().int(),
});

export const userImportPreviewSchema = z.object({
  counts: z.record(userImportActionSchema, z.number().int()),
  seats: z.array(importSeatsSchema),
});

export const userImportSchema = z.object({
  id: uuidSchema,
  kind: userImportKindSchema,
  fileName: z.string().nullable(),
  status: userImportStatusSchema,
  encoding: z.enum(["utf-8", "windows-1252"]),
  delimiter: z.enum(CSV_DELIMITERS),
  /** Data rows in the file (empty lines skipped). */
  rowCount: z.number().int(),
  /** Rows with at least one problem. */
  problemRowCount: z.number().int(),
  /** The first 1,000 problems, in line order; all of them are in the problems export. */
  problems: z.array(userImportProblemSchema),
  preview: userImportPreviewSchema.nullable(),
  /** Rows done while applying, of `total`. */
  progress: z.object({ done: z.number().int(), total: z.number().int() }).nullable(),
  /** Per outcome, once applied. */
  outcomes: z.record(z.enum(USER_IMPORT_OUTCOMES), z.number().int()).nullable(),
  /** One-time passwords of created users wait to be retrieved (once). */
  passwordsAvailable: z.boolean(),
  createdAt: isoDateTime,
  completedAt: isoDateTime.nullable(),
  /** Why a "failed" import stopped (the rows applied before stay): a stable code and a message. */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type UserImport = z.infer<typeof userImportSchema>;
export const userImportPageSchema = page(userImportSchema);

export const userImportParamsSchema = z.strictObject({ tenantId: idInputSchema, importId: idInputSchema });

/** GET /userImports/:id/rows: the preview's rows, then (once applied) each row's outcome. */
export const userImportRowsQuerySchema = z.strictObject({
  action: userImportActionSchema.optional(),
  outcome: z.enum(USER_IMPORT_OUTCOMES).optional(),
  ...cursorQuery,
});
export const userImportRowSchema = z.object({
  line: z.number().int(),
  userPrincipalName: z.string(),
  displayName: z.string().nullable(),
  /** For a license file: the product the row names (skuPartNumber), else null. */
  product: z.string().nullable(),
  action: userImportActionSchema.nullable(),
  /** What the action changes, in words an admin reads (fields, products, plans). */
  changes: z.array(z.string()),
  problems: z.array(userImportProblemSchema),
  outcome: z.enum(USER_IMPORT_OUTCOMES).nullable(),
  /** When applying the row failed: the rule's code (CountViolation…) and message. */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  userId: uuidSchema.nullable(),
});
export type UserImportRow = z.infer<typeof userImportRowSchema>;
export const userImportRowPageSchema = page(userImportRowSchema);

/** POST /userImports/:id/passwords: the created users' one-time passwords, answered once, then wiped. */
export const userImportPasswordsSchema = z.object({
  items: z.array(z.object({ userPrincipalName: z.string(), displayName: z.string(), password: z.string() })),
});

/** GET /licenses/assignments/export: the license assignment CSV, optionally for one product. */
export const licenseAssignmentsExportQuerySchema = z.strictObject({
  skuId: idInputSchema.optional(),
  ...csvExportQuery,
});
