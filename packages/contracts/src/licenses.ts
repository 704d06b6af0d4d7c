import { z } from "zod";
import {
  csvExportQuery,
  cursorQuery,
  idInputSchema,
  isoDateTime,
  page,
  queryBoolean,
  queryWholeNumber,
  uuidSchema,
} from "./common.js";
import { ERROR_CODES, problemSchema } from "./errors.js";
import { type AddLicense, addLicensesSchema, distinct, MAX_LICENSES_PER_CALL } from "./license-input.js";
import { capacityConflictSchema } from "./power-platform.js";
import { userSchema } from "./users.js";

export { type AddLicense, addLicenseSchema } from "./license-input.js";

/**
 * Licensing payloads, shaped like Microsoft Graph's (subscribedSku, assignLicense, licenseDetails,
 * licenseAssignmentState) so admins' scripts feel at home; our additions (available seats, conflicts, bulk runs)
 * keep Graph's naming style.
 */

export const MAX_BULK_USERS = 10_000;

const removeLicensesSchema = z
  .array(idInputSchema)
  .max(MAX_LICENSES_PER_CALL, { error: `at most ${MAX_LICENSES_PER_CALL} licenses per call` })
  .refine(distinct, { error: "must not repeat a skuId" });

const noOverlap = (add: readonly AddLicense[], remove: readonly string[]) => {
  const removed = new Set(remove);
  return !add.some((license) => removed.has(license.skuId));
};

/** Graph's assignLicense body: one user's (or group's) change, applied all or nothing. */
export const assignLicenseRequestSchema = z
  .strictObject({ addLicenses: addLicensesSchema, removeLicenses: removeLicensesSchema })
  .refine((body) => body.addLicenses.length + body.removeLicenses.length > 0, {
    error: "name at least one license to add or remove",
  })
  .refine((body) => noOverlap(body.addLicenses, body.removeLicenses), {
    error: "a skuId cannot be both added and removed",
  });
export type AssignLicenseRequest = z.input<typeof assignLicenseRequestSchema>;

export const assignedLicenseSchema = z.object({ skuId: uuidSchema, disabledPlans: z.array(uuidSchema) });
export type AssignedLicense = z.infer<typeof assignedLicenseSchema>;

export const LICENSE_ASSIGNMENT_STATES = ["Active", "ActiveWithError", "Disabled", "Error"] as const;
export const licenseAssignmentStateSchema = z.object({
  skuId: uuidSchema,
  /** The group the license is inherited from; null when assigned to the user directly. */
  assignedByGroup: uuidSchema.nullable(),
  disabledPlans: z.array(uuidSchema),
  state: z.enum(LICENSE_ASSIGNMENT_STATES),
  /** Why the assignment is not (fully) in effect, as a violation code; null when it is. */
  error: z.string().nullable(),
  lastUpdatedDateTime: isoDateTime,
});
export type LicenseAssignmentState = z.infer<typeof licenseAssignmentStateSchema>;

export const licensedUserSchema = userSchema.extend({
  /** The licenses in effect: one per SKU, disabledPlans being the plans off in every assignment of it. */
  assignedLicenses: z.array(assignedLicenseSchema),
  /** Every assignment, direct and inherited, with its state. */
  licenseAssignmentStates: z.array(licenseAssignmentStateSchema),
});
export type LicensedUser = z.infer<typeof licensedUserSchema>;

export const licenseDetailsSchema = z.object({
  value: z.array(
    z.object({
      id: z.string(),
      skuId: uuidSchema,
      skuPartNumber: z.string(),
      servicePlans: z.array(
        z.object({
          servicePlanId: uuidSchema,
          servicePlanName: z.string(),
          displayName: z.string(),
          /** Success when on; Disabled when switched off (or the subscription is suspended). */
          provisioningStatus: z.enum(["Success", "Disabled", "PendingActivation"]),
        }),
      ),
    }),
  ),
});
export type LicenseDetails = z.infer<typeof licenseDetailsSchema>;

export const servicePlanInfoSchema = z.object({
  servicePlanId: uuidSchema,
  servicePlanName: z.string(),
  displayName: z.string(),
});

export const prepaidUnitsSchema = z.object({
  enabled: z.number().int(),
  warning: z.number().int(),
  suspended: z.number().int(),
  lockedOut: z.number().int(),
});

export const subscribedSkuSchema = z.object({
  /** Graph's id of a subscribedSku: tenant id and sku id joined by an underscore. */
  id: z.string(),
  skuId: uuidSchema,
  skuPartNumber: z.string(),
  displayName: z.string(),
  appliesTo: z.enum(["User", "Company"]),
  capabilityStatus: z.enum(["Enabled", "Warning", "Suspended", "Deleted", "LockedOut"]),
  prepaidUnits: prepaidUnitsSchema,
  consumedUnits: z.number().int(),
  servicePlans: z.array(servicePlanInfoSchema),
  /** Seats an admin can still assign (self-service subscriptions count once taken over). */
  available: z.number().int(),
  /** Holders without a seat behind them (consumed beyond the usable seats); 0 when there is no conflict. */
  conflicts: z.number().int(),
  /** Holders whose seat is only in expired subscriptions: a license conflict until renewed; 0 when there is none. */
  expiring: z.number().int(),
  /** List price of one seat for a month, in integer cents of `currency`. */
  pricePerSeatMonthCents: z.number().int(),
  currency: z.string(),
});
export type SubscribedSku = z.infer<typeof subscribedSkuSchema>;
export const subscribedSkusSchema = z.object({ value: z.array(subscribedSkuSchema) });

/** One rule a requested change breaks, for one user (and product, where it concerns one). */
export const violationSchema = z.object({
  code: z.enum(ERROR_CODES),
  skuId: uuidSchema.nullable(),
  message: z.string(),
  relatedSkuIds: z.array(uuidSchema).optional(),
  servicePlanIds: z.array(uuidSchema).optional(),
});
export type LicenseViolation = z.infer<typeof violationSchema>;

const bulkUserIdsSchema = z
  .array(idInputSchema)
  .min(1, { error: "name at least one user" })
  .max(MAX_BULK_USERS, { error: `at most ${MAX_BULK_USERS} users per call` })
  .refine(distinct, { error: "must not repeat a user" });
const bulkModeSchema = z.enum(["add", "replace"]).default("add");

type BulkChangeShape = { add: AddLicense[]; remove: string[]; mode: "add" | "replace" };
/** The rules every bulk change obeys, run or job. */
function bulkChangeRules<T extends z.ZodType<BulkChangeShape>>(schema: T) {
  return schema
    .refine((body) => body.mode === "replace" || body.add.length + body.remove.length > 0, {
      error: "name at least one license to add or remove",
    })
    .refine((body) => body.mode === "add" || body.remove.length === 0, {
      error: "replace removes every direct license not in add; leave remove empty",
    })
    .refine((body) => noOverlap(body.add, body.remove), { error: "a skuId cannot be both added and removed" });
}

export const bulkLicenseRequestSchema = bulkChangeRules(
  z.strictObject({
    userIds: bulkUserIdsSchema,
    add: addLicensesSchema.default([]),
    remove: removeLicensesSchema.default([]),
    /** add: change the named licenses only; replace: the users end up with exactly `add` as direct licenses. */
    mode: bulkModeSchema,
    /**
     * Add mode: a product a user already holds with the same service plans is left as it is for that user instead
     * of refused as AlreadyAssigned (Partner Center's "checked" for a selection where some hold it already).
     */
    skipAlreadyAssigned: z.boolean().default(false),
    /** true: every user's change applies or none does; false: valid changes apply, the rest are reported. */
    atomic: z.boolean().default(true),
    /** true: validate and report exactly what a real run would do, commit nothing. */
    dryRun: z.boolean().default(false),
  }),
);
export type BulkLicenseRequest = z.input<typeof bulkLicenseRequestSchema>;

export const seatCountsSchema = z.object({ consumedUnits: z.number().int(), available: z.number().int() });
export const bulkLicenseReportSchema = z.object({
  dryRun: z.boolean(),
  atomic: z.boolean(),
  mode: z.enum(["add", "replace"]),
  /** Whether the changes were (or, in a dry run, would be) committed. */
  applied: z.boolean(),
  summary: z.object({ users: z.number().int(), succeeded: z.number().int(), failed: z.number().int() }),
  results: z.array(
    z.object({
      userId: uuidSchema,
      /** Null for an id that names no live user of the tenant. */
      displayName: z.string().nullable(),
      ok: z.boolean(),
      /** What the change does (or, refused, would have done) to this user's direct licenses, by skuId. */
      added: z.array(uuidSchema),
      removed: z.array(uuidSchema),
      /** Licenses kept whose disabled service plans change. */
      changed: z.array(uuidSchema),
      violations: z.array(violationSchema).optional(),
    }),
  ),
  seats: z.array(
    z.object({
      skuId: uuidSchema,
      skuPartNumber: z.string(),
      before: seatCountsSchema,
      after: seatCountsSchema,
    }),
  ),
});
export type BulkLicenseReport = z.infer<typeof bulkLicenseReportSchema>;

/** A refused atomic bulk run: the first violation's code and status, every violation, and the full report. */
export const bulkLicenseProblemSchema = problemSchema.extend({ report: bulkLicenseReportSchema });

export const groupLicensesSchema = z.object({
  id: uuidSchema,
  displayName: z.string(),
  assignedLicenses: z.array(assignedLicenseSchema),
  /** Group licenses apply within the request here, so processing is always complete when this is answered. */
  licenseProcessingState: z.object({ state: z.literal("ProcessingComplete") }),
  memberCount: z.number().int(),
  membersWithLicenseErrorsCount: z.number().int(),
  /** The first 100 members whose inherited license could not be applied, by display name. */
  membersWithLicenseErrors: z.array(
    z.object({
      userId: uuidSchema,
      displayName: z.string(),
      skuId: uuidSchema,
      error: z.string(),
    }),
  ),
});
export type GroupLicenses = z.infer<typeof groupLicensesSchema>;

export const conflictFixSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("buySeats"), seats: z.number().int() }),
  z.object({ kind: z.literal("removeAssignments"), count: z.number().int() }),
  z.object({ kind: z.literal("deleteUsers"), count: z.number().int() }),
  z.object({
    kind: z.literal("renewSubscription"),
    subscriptionId: uuidSchema,
    seats: z.number().int(),
    /** expired: renewing keeps the access of the holders depending on it; disabled: it gives their access back. */
    state: z.enum(["expired", "disabled"]),
    /** A trial is converted to a paid subscription instead of renewed. */
    trial: z.boolean(),
  }),
]);

export const licenseConflictSchema = z.object({
  /**
   * shortfall: some holders have no usable seat (seats removed, a subscription disabled). expired: every holder has
   * a usable seat, but some only in expired subscriptions (30 days of grace): they lose access when those are
   * disabled, unless they are renewed.
   */
  kind: z.enum(["shortfall", "expired"]),
  skuId: uuidSchema,
  skuPartNumber: z.string(),
  displayName: z.string(),
  capabilityStatus: subscribedSkuSchema.shape.capabilityStatus,
  consumedUnits: z.number().int(),
  usableUnits: z.number().int(),
  /** Holders without a seat behind them: this many must lose the license, or this many seats must come. */
  shortfall: z.number().int(),
  /** Holders whose seat is only in expired subscriptions: they lose access on `accessEndsAt` unless renewed. */
  expiring: z.number().int(),
  /** When the first expired subscription they depend on is disabled, or null when nobody depends on one. */
  accessEndsAt: isoDateTime.nullable(),
  /** Holders of the product, of whom `users` lists the most recently licensed (at most 100). */
  userCount: z.number().int(),
  users: z.array(
    z.object({
      id: uuidSchema,
      displayName: z.string(),
      email: z.string(),
      /** Whether the user holds the license directly (removable per user) or only through groups. */
      direct: z.boolean(),
      /** When this user was first given the product (directly or through a group). */
      licensedAt: isoDateTime,
      /** The user's last sign-in, or null when never: the inactive are the first to take a license back from. */
      lastSignInAt: isoDateTime.nullable(),
    }),
  ),
  fixes: z.array(conflictFixSchema),
  /**
   * When the conflict must be resolved by, or null when no deadline runs: 90 days after a billing admin removed seats
   * accepting the conflict, or when a disabled subscription behind it is deleted, whichever is first. After it, the
   * newest holders lose the license. For an expired conflict: `accessEndsAt`.
   */
  resolveBy: isoDateTime.nullable(),
});
export type LicenseConflictReport = z.infer<typeof licenseConflictSchema>;
export const licenseConflictsSchema = z.object({
  value: z.array(licenseConflictSchema),
  /** Capacity add-ons allocated to environments beyond what is bought (absent from older servers: none). */
  capacityConflicts: z.array(capacityConflictSchema).default([]),
});
export type LicenseConflicts = z.infer<typeof licenseConflictsSchema>;

/** A bulk change run in the background, for thousands of users: the client polls it and may leave and come back. */
export const BULK_JOB_STATUSES = ["queued", "running", "succeeded", "failed"] as const;
/** A job applies the valid part (like a non-atomic run); preview it first with licenses/bulk and dryRun: true. */
export const bulkJobRequestSchema = bulkChangeRules(
  z.strictObject({
    userIds: bulkUserIdsSchema,
    add: addLicensesSchema.default([]),
    remove: removeLicensesSchema.default([]),
    mode: bulkModeSchema,
    /**
     * Add mode: a product a user already holds with the same service plans is left as it is for that user instead
     * of refused as AlreadyAssigned (Partner Center's "checked" for a selection where some hold it already).
     */
    skipAlreadyAssigned: z.boolean().default(false),
  }),
);
export type BulkJobRequest = z.input<typeof bulkJobRequestSchema>;

export const bulkJobSchema = z.object({
  id: uuidSchema,
  status: z.enum(BULK_JOB_STATUSES),
  mode: z.enum(["add", "replace"]),
  add: z.array(assignedLicenseSchema),
  remove: z.array(uuidSchema),
  createdBy: z.object({ id: uuidSchema.nullable(), displayName: z.string().nullable() }),
  createdAt: isoDateTime,
  finishedAt: isoDateTime.nullable(),
  /** Users in the job, and how many of them are done so far (the progress bar). */
  total: z.number().int(),
  processed: z.number().int(),
  succeeded: z.number().int(),
  failed: z.number().int(),
  /** Why the job stopped before the end (e.g. its creator may no longer change licenses); null otherwise. */
  error: z.string().nullable(),
  /** The stable code of that reason (`Forbidden`: the creator lost the right, was disabled or deleted). */
  errorCode: z.enum(ERROR_CODES).nullable(),
});
export type BulkJob = z.infer<typeof bulkJobSchema>;
/** A job with the results of every processed user (failures first), once it has any. */
export const bulkJobDetailsSchema = bulkJobSchema.extend({
  results: bulkLicenseReportSchema.shape.results,
  seats: bulkLicenseReportSchema.shape.seats,
});
export type BulkJobDetails = z.infer<typeof bulkJobDetailsSchema>;
export const bulkJobPageSchema = page(bulkJobSchema);
export const bulkJobParamsSchema = z.strictObject({ tenantId: idInputSchema, jobId: idInputSchema });
/** `results=false`: progress only (what a progress bar polls), the results list left empty. */
export const bulkJobQuerySchema = z.strictObject({ results: queryBoolean.default(true) });
/** A job's results as CSV (the confirmation page's export): one row per user, failures first. */
export const bulkJobExportQuerySchema = z.strictObject(csvExportQuery);
export const BULK_JOB_CSV_COLUMNS = [
  "userId",
  "displayName",
  "result",
  "assigned",
  "revoked",
  "servicePlansChanged",
  "reasons",
] as const;

/** Users who have not signed in for `inactiveDays` yet hold paid licenses directly: seats to reclaim. */
export const reclaimQuerySchema = z.strictObject({
  inactiveDays: queryWholeNumber(1, 3650, "must be a whole number of days from 1 to 3650").default(90),
  ...cursorQuery,
});
export const reclaimCandidateSchema = z.object({
  id: uuidSchema,
  displayName: z.string(),
  email: z.string(),
  userType: z.enum(["member", "guest"]),
  /** Null: never signed in (inactive since the account was created). */
  lastSignInAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  /** The paid licenses held directly, which reclaiming removes. */
  licenses: z.array(
    z.object({ skuId: uuidSchema, skuPartNumber: z.string(), displayName: z.string(), monthlyCents: z.number().int() }),
  ),
  monthlyCostCents: z.number().int(),
});
export type ReclaimCandidate = z.infer<typeof reclaimCandidateSchema>;
export const reclaimPageSchema = page(reclaimCandidateSchema).extend({
  /** Over every candidate, not just this page. */
  totalUsers: z.number().int(),
  totalMonthlyCostCents: z.number().int(),
  currency: z.string(),
  inactiveSince: isoDateTime,
});
export type ReclaimPage = z.infer<typeof reclaimPageSchema>;

/** The licenses a set of users hold, per product: what the Manage product licenses panel shows as tri-state. */
export const licenseSelectionRequestSchema = z.strictObject({ userIds: bulkUserIdsSchema });
export const licenseSelectionSchema = z.object({
  /** Live users of the tenant among those asked for. */
  users: z.number().int(),
  /** Products at least one of the users holds; a product missing from the list is held by none. */
  value: z.array(
    z.object({
      skuId: uuidSchema,
      /** Users holding it directly (removable); all of them: checked, some: mixed. */
      directHolders: z.number().int(),
      /** Users holding it in effect, directly or through a group. */
      holders: z.number().int(),
    }),
  ),
});
export type LicenseSelection = z.infer<typeof licenseSelectionSchema>;

/** Which of the given users hold one product: the list behind a Manage licenses page's Assigned count. */
export const selectionHoldersRequestSchema = z.strictObject({ userIds: bulkUserIdsSchema, skuId: idInputSchema });
export const selectionHoldersSchema = z.object({
  skuId: uuidSchema,
  /** Live users among those asked for who hold the product in effect, by name. */
  value: z.array(
    z.object({
      id: uuidSchema,
      displayName: z.string(),
      email: z.string(),
      /** Assigned directly (removable here); false: only through a group. */
      direct: z.boolean(),
    }),
  ),
});
export type SelectionHolders = z.infer<typeof selectionHoldersSchema>;

/** The holders of one product, counted: the total of a product's holders list, direct vs through a group. */
export const holderCountsQuerySchema = z.strictObject({ skuId: idInputSchema });
export const holderCountsSchema = z.object({
  skuId: uuidSchema,
  /** Live users holding the product in effect (an inherited assignment in error holds nothing). */
  total: z.number().int(),
  /** Of those, users it is assigned to directly. */
  direct: z.number().int(),
  /** Of those, users who inherit it from a group; a user may hold it both ways, so direct + inherited ≥ total. */
  inherited: z.number().int(),
});
export type HolderCounts = z.infer<typeof holderCountsSchema>;
