import { z } from "zod";
import {
  csvExportQuery,
  cursorQuery,
  idInputSchema,
  instantInputSchema,
  isoDateTime,
  page,
  queryBoolean,
  uuidSchema,
} from "./common.js";

/**
 * Every action code the API writes to the audit log. The web app labels each in every language, and its action
 * filter offers exactly these; a code not listed here is a type error where the API writes it.
 */
export const AUDIT_ACTIONS = [
  "auth.signedIn",
  "auth.signedOut",
  "auth.signInFailed",
  "auth.accountLocked",
  "user.created",
  "user.updated",
  "user.deleted",
  "user.restored",
  "user.passwordReset",
  "user.passwordChanged",
  "user.preferencesUpdated",
  "setup.organizationCreated",
  "group.created",
  "group.updated",
  "group.deleted",
  "group.membersAdded",
  "group.memberRemoved",
  "group.licensesChanged",
  "group.licensesReprocessed",
  "user.licensesChanged",
  "user.inheritedLicensesChanged",
  "licenses.bulkApplied",
  "licenses.bulkJobCreated",
  "licenses.bulkJobFinished",
  "licenses.bulkJobFailed",
  "licenses.assignedBySubscriptionOwner",
  "licenses.unassignedBySubscriptionOwner",
  "licenses.removedByLifecycle",
  "billing.subscriptionPurchased",
  "billing.seatsChanged",
  "billing.autoRenewChanged",
  "billing.subscriptionRenewed",
  "billing.subscriptionAutoRenewed",
  "billing.subscriptionReactivated",
  "billing.subscriptionCancelled",
  "billing.subscriptionTakenOver",
  "billing.subscriptionExpired",
  "billing.subscriptionDisabled",
  "billing.subscriptionDeleted",
  "billing.trialStarted",
  "billing.trialConverted",
  "billing.selfServicePurchased",
  "billing.selfServicePolicyChanged",
  "request.created",
  "request.approved",
  "request.denied",
  "request.cancelled",
  "partner.privilegesRemoved",
  "partner.privilegesReinstated",
  "partner.endDateChanged",
  "partnerStaff.accessChanged",
  "powerPlatform.environmentCreated",
  "powerPlatform.environmentUpdated",
  "powerPlatform.environmentDeleted",
  "powerPlatform.capacityAllocated",
  "powerPlatform.flowCreated",
  "powerPlatform.flowUpdated",
  "powerPlatform.flowLicenseModeChanged",
  "powerPlatform.machineRegistered",
  "powerPlatform.machineUpdated",
  "powerPlatform.machineDeleted",
  "powerPlatform.dlpPoliciesChanged",
  "powerPlatform.trialSignUpPolicyChanged",
  "licenses.trialStarted",
  "licenses.trialLicenseExpired",
  "application.created",
  "application.updated",
  "application.deleted",
  "application.secretAdded",
  "application.secretRemoved",
  "personalToken.created",
  "personalToken.revoked",
  "userImport.uploaded",
  "userImport.applyStarted",
  "userImport.finished",
  "userImport.failed",
  "userImport.passwordsRetrieved",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an audit event is about; `targetId` holds its id (a product's skuId, a tenant's id for bulk runs). */
export const AUDIT_TARGET_TYPES = [
  "user",
  "group",
  "tenant",
  "subscription",
  "licenseRequest",
  "licenseJob",
  "product",
  "partnerRelationship",
  "environment",
  "flow",
  "machine",
  "application",
  "personalToken",
  "userImport",
] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

export const auditEventSchema = z.object({
  id: uuidSchema,
  tenantId: uuidSchema,
  actorUserId: uuidSchema.nullable(),
  actorDisplayName: z.string().nullable(),
  /** The actor's partner organization when a partner's agent made the change (delegated access); else null. */
  actorPartner: z.object({ tenantId: uuidSchema, name: z.string() }).nullable(),
  /** The app registration that made the change with its own token (no person then); else null. */
  actorApplication: z.object({ id: uuidSchema, displayName: z.string() }).nullable(),
  /** The personal access token the person made the change with; else null. */
  actorToken: z.object({ id: uuidSchema, name: z.string() }).nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  /**
   * The target's name as the log shows it: a user's or group's display name (also once deleted), a subscription's,
   * request's or product's product name, the organization's name; null when the target has none (a bulk job).
   */
  targetDisplayName: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
  createdAt: isoDateTime,
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

/** How many actions one `action` filter may list. */
export const MAX_AUDIT_ACTIONS = 20;

/** Action codes are dotted identifiers written by the API (`user.deleted`, `group.membersAdded`). */
const auditActionSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_.-]{0,99}$/, { error: "must be an action code such as user.deleted" });

/** `user.created,user.deleted`: exact action codes, comma-separated, duplicates ignored. */
const auditActionsQuery = z
  .string()
  .max(MAX_AUDIT_ACTIONS * 101, { error: `must list at most ${MAX_AUDIT_ACTIONS} actions` })
  .transform((value) => value.split(",").map((action) => action.trim()))
  .pipe(
    z
      .array(auditActionSchema)
      .max(MAX_AUDIT_ACTIONS, { error: `must list at most ${MAX_AUDIT_ACTIONS} actions` })
      .transform((actions) => [...new Set(actions)]),
  );

/** Filters of the audit log and its CSV export; all optional, combined with AND. */
const auditFilterShape = {
  actorUserId: idInputSchema.describe("Events done by this user.").optional(),
  action: auditActionsQuery
    .describe("Events with one of these action codes: exact match, comma-separated, at most 20.")
    .optional(),
  userId: idInputSchema.describe("Events whose target is this user.").optional(),
  skuId: idInputSchema.describe("Events that touched the product with this Microsoft skuId.").optional(),
  byPartners: queryBoolean
    .describe("true: only changes made by partners' agents (delegated access); false: only this organization's own.")
    .optional(),
  from: instantInputSchema.describe("Events at or after this instant (ISO 8601 with an offset).").optional(),
  to: instantInputSchema.describe("Events before this instant (ISO 8601 with an offset).").optional(),
};

function rangeInOrder(query: { from?: Date | undefined; to?: Date | undefined }, ctx: z.core.$RefinementCtx) {
  // A field that failed its own check still holds its raw text here; only two parsed instants compare.
  if (query.from instanceof Date && query.to instanceof Date && query.from > query.to) {
    ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before from", input: query.to });
  }
}

export const auditLogFilterSchema = z.strictObject(auditFilterShape).superRefine(rangeInOrder);
export type AuditLogFilter = z.infer<typeof auditLogFilterSchema>;

/** The audit log's CSV export: the list's filters (no paging) and the field separator. */
export const auditExportQuerySchema = z
  .strictObject({ ...auditFilterShape, ...csvExportQuery })
  .superRefine(rangeInOrder);
export type AuditExportQuery = z.infer<typeof auditExportQuerySchema>;

export const listAuditQuerySchema = z.strictObject({ ...auditFilterShape, ...cursorQuery }).superRefine(rangeInOrder);
export type ListAuditQuery = z.infer<typeof listAuditQuerySchema>;
export const auditPageSchema = page(auditEventSchema);

/** Columns of the audit log's CSV export, in order. */
export const AUDIT_CSV_COLUMNS = [
  "createdAt",
  "actor",
  "actorUserId",
  "action",
  "targetType",
  "targetId",
  "productIds",
  "requestId",
  "before",
  "after",
] as const;

/** The most rows one CSV export holds (newest first); narrow the filters for older events. */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;
