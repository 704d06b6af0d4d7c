import type { LicenseViolation } from "@allot/contracts";
import type { SqlTx } from "@allot/db";
import {
  type DirectDelta,
  type DirectLicense,
  directDelta,
  type LicenseChange,
  licensesStillToAdd,
  requestedDelta,
  validateLicenseChanges,
} from "@allot/domain";
import type { AuditEntry } from "../../lib/audit.js";
import type { TenantContext } from "../../types.js";
import { lockSeats, seatCounts } from "../seats/seat-ledger.js";
import { usableSubscriptionSql } from "../seats/usable-subscription.js";
import type { Catalog } from "./catalog.js";
import { lockHoldings } from "./holdings.js";
import { syncInheritedLicenses } from "./inherited-sync.js";
import { describeViolation } from "./violations.js";
import { diffDirect, noDirectWrites, type OwnerSubscription, writeDirectChanges } from "./write-direct-changes.js";

/** The same change for every named user: what assignLicense (one user) and the bulk route (many) ask for. */
export interface LicenseChangeRequest {
  userIds: readonly string[];
  add: readonly DirectLicense[];
  /** Product ids of direct licenses to remove. */
  remove: readonly string[];
  /** replace: each user ends up with exactly `add` as direct licenses (remove-all, then add). */
  mode: "add" | "replace";
  /** Add mode: leave a product a user holds with the same plans as it is instead of refusing AlreadyAssigned. */
  skipAlreadyAssigned?: boolean;
  /**
   * Each user's own change instead of `add` and `remove` (the license assignment CSV: every user as its file
   * says); users missing from it get `add` and `remove`. Mode "add" only.
   */
  perUser?: ReadonlyMap<string, { add: readonly DirectLicense[]; remove: readonly string[] }>;
  /** true: all users' changes apply or none does. */
  atomic: boolean;
  /** true: decide everything, write nothing. */
  dryRun: boolean;
  /**
   * A self-service buyer giving out seats of their own subscription (before an admin takes it over): the seats come
   * from it alone, and the new assignments remember it.
   */
  fromSubscription?: OwnerSubscription;
}

export type UserOutcome = { userId: string; displayName: string | null } & DirectDelta &
  ({ ok: true } | { ok: false; violations: LicenseViolation[] });

export interface SeatMovement {
  productId: string;
  before: { consumedUnits: number; available: number };
  after: { consumedUnits: number; available: number };
}

export interface ChangeOutcome {
  /** Whether the changes were committed (or, in a dry run, would be). */
  applied: boolean;
  /** Per user, in user id order. */
  results: UserOutcome[];
  seats: SeatMovement[];
}

/**
 * The one place direct licenses change. Inside the caller's transaction: lock the users, then the seat rows of
 * every product involved, validate with the domain rules, and write every valid user's change as a few set-based
 * statements (so 10,000 users cost what 10 do, give or take), with one audit event per changed user.
 */
export async function applyLicenseChanges(
  tx: SqlTx,
  ctx: TenantContext,
  catalog: Catalog,
  request: LicenseChangeRequest,
): Promise<ChangeOutcome> {
  const holdings = await lockHoldings(tx, ctx.tenantId, request.userIds);
  const changes: LicenseChange[] = [...holdings.users.values()].map((user) => {
    const own = request.perUser?.get(user.userId);
    const add = own?.add ?? request.add;
    return {
      userId: user.userId,
      add: request.skipAlreadyAssigned && request.mode === "add" ? licensesStillToAdd(add, user.direct) : add,
      remove:
        request.mode === "replace" ? user.direct.map((license) => license.productId) : (own?.remove ?? request.remove),
    };
  });
  const involved = new Set([
    ...request.add.map((license) => license.productId),
    ...changes.flatMap((change) => [...change.add.map((license) => license.productId), ...change.remove]),
  ]);
  // Inherited licenses in error are retried after the change (a direct base product may now let an add-on apply),
  // so their seat rows are locked now, in order with the others.
  const inheritedErrors = holdings.rows.filter((row) => row.assignedByGroupId !== null && row.state === "error");
  for (const row of inheritedErrors) involved.add(row.productId);
  const seatRows = await lockSeats(tx, ctx.tenantId, involved);
  const own = request.fromSubscription;
  const ownRow = own ? seatRows.get(own.productId) : undefined;
  if (own && ownRow) {
    // Read under the seat row lock (seat changes take it first too), so the seats cannot change underneath.
    const [subscription] = await tx.$queryRaw<Array<{ free: number; usable: boolean }>>`
      SELECT s.seats - (SELECT count(*)::int FROM "LicenseAssignment" la WHERE la."subscriptionId" = s.id) AS free,
             ${usableSubscriptionSql} AND s."takenOverAt" IS NULL AS usable
        FROM "Subscription" s WHERE s.id = ${own.id}::uuid FOR UPDATE`;
    const usable = subscription?.usable ?? false;
    seatRows.set(own.productId, { ...ownRow, available: usable ? (subscription?.free ?? 0) : 0, assignable: usable });
  }
  const validation = validateLicenseChanges({
    // A self-service buyer gives out seats of their own subscription: for that they act as a license admin would
    // (still not for guests, which need a global admin).
    actorRoles: own ? [...ctx.roles, "licenseAdmin"] : ctx.roles,
    catalog: catalog.byId,
    seats: seatRows,
    users: holdings.users,
    changes,
  });

  const byUser = new Map(changes.map((change) => [change.userId, change]));
  const results: UserOutcome[] = validation.results.map((result) => {
    const before = holdings.users.get(result.userId)?.direct ?? [];
    const displayName = holdings.names.get(result.userId) ?? null;
    if (result.ok) return { userId: result.userId, displayName, ok: true, ...directDelta(before, result.direct) };
    const change = byUser.get(result.userId);
    return {
      userId: result.userId,
      displayName,
      ok: false,
      ...requestedDelta(before, change?.add ?? [], change?.remove ?? []),
      violations: result.violations.map((v) => describeViolation(catalog, v)),
    };
  });
  for (const userId of holdings.missing) {
    results.push({
      userId,
      displayName: null,
      ok: false,
      added: [],
      removed: [],
      changed: [],
      violations: [{ code: "NotFound", skuId: null, message: "No such user in this tenant (or it is deleted)." }],
    });
  }
  results.sort((a, b) => (a.userId < b.userId ? -1 : 1));
  const applied = !(request.atomic && results.some((result) => !result.ok));

  const deltas = new Map<string, number>();
  const writes = noDirectWrites();
  const auditEntries: AuditEntry[] = [];
  if (applied) {
    for (const result of validation.results) {
      if (!result.ok) continue;
      for (const productId of result.seatsTaken) deltas.set(productId, (deltas.get(productId) ?? 0) + 1);
      for (const productId of result.seatsFreed) deltas.set(productId, (deltas.get(productId) ?? 0) - 1);
      const before = holdings.users.get(result.userId)?.direct ?? [];
      const touched = diffDirect(result.userId, before, result.direct, writes);
      if (touched.length > 0) {
        auditEntries.push({
          action: "user.licensesChanged",
          targetType: "user",
          targetId: result.userId,
          productIds: touched,
          before: { licenses: graphLicenses(catalog, before) },
          after: { licenses: graphLicenses(catalog, result.direct) },
        });
      }
    }
  }
  if (applied && !request.dryRun) {
    await writeDirectChanges(tx, ctx, writes, deltas, auditEntries, own);
    const changedUsers = new Set(auditEntries.map((entry) => entry.targetId));
    const stale = inheritedErrors.filter((row) => changedUsers.has(row.userId));
    if (stale.length > 0) {
      await syncInheritedLicenses(tx, ctx, catalog, {
        groupIds: [...new Set(stale.map((row) => row.assignedByGroupId as string))],
        userIds: [...new Set(stale.map((row) => row.userId))],
      });
    }
  }
  const seats = [...seatRows.values()].map((row) => ({
    productId: row.productId,
    before: seatCounts(row, row.consumedUnits),
    after: seatCounts(row, row.consumedUnits + (deltas.get(row.productId) ?? 0)),
  }));
  return { applied, results, seats };
}

/** Licenses as Graph names them (skuId, disabledPlans), for audit events people read. */
export function graphLicenses(catalog: Catalog, licenses: readonly DirectLicense[]) {
  return licenses.map((license) => ({
    skuId: catalog.byId.get(license.productId)?.skuId ?? license.productId,
    disabledPlans: license.disabledServicePlanIds,
  }));
}
