import type { LicenseViolation } from "@allot/contracts";
import { Prisma, type Tx } from "@allot/db";
import { type DirectLicense, type LicenseChange, samePlans, validateLicenseChanges } from "@allot/domain";
import { type AuditEntry, auditRowsSql } from "../../lib/audit.js";
import type { TenantContext } from "../../types.js";
import { assertSeatsChanged, lockSeats, seatChangesSql, seatCounts } from "../seats/seat-ledger.js";
import { usableSubscriptionSql } from "../seats/usable-subscription.js";
import type { Catalog } from "./catalog.js";
import { lockHoldings, uuidArrayLiteral } from "./holdings.js";
import { syncInheritedLicenses } from "./inherited-sync.js";
import { describeViolation } from "./violations.js";

/** The same change for every named user: what assignLicense (one user) and the bulk route (many) ask for. */
export interface LicenseChangeRequest {
  userIds: readonly string[];
  add: readonly DirectLicense[];
  /** Product ids of direct licenses to remove. */
  remove: readonly string[];
  /** replace: each user ends up with exactly `add` as direct licenses (remove-all, then add). */
  mode: "add" | "replace";
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

export interface OwnerSubscription {
  id: string;
  productId: string;
}

/** What a change does to one user's direct licenses, by product id. */
export interface DirectDelta {
  added: string[];
  removed: string[];
  changed: string[];
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
  tx: Tx,
  ctx: TenantContext,
  catalog: Catalog,
  request: LicenseChangeRequest,
): Promise<ChangeOutcome> {
  const holdings = await lockHoldings(tx, ctx.tenantId, request.userIds);
  const changes: LicenseChange[] = [...holdings.users.values()].map((user) => ({
    userId: user.userId,
    add: request.add,
    remove: request.mode === "replace" ? user.direct.map((license) => license.productId) : request.remove,
  }));
  const involved = new Set([
    ...request.add.map((license) => license.productId),
    ...changes.flatMap((change) => change.remove),
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
  const writes = { removed: [] as Pair[], added: [] as Planned[], changed: [] as Planned[] };
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
    await writeChanges(tx, ctx, writes, deltas, auditEntries, own);
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

/** The difference between a user's direct licenses before and after a change. */
function directDelta(before: readonly DirectLicense[], after: readonly DirectLicense[]): DirectDelta {
  const old = new Map(before.map((license) => [license.productId, license.disabledServicePlanIds]));
  const delta: DirectDelta = { added: [], removed: [], changed: [] };
  for (const license of after) {
    const previous = old.get(license.productId);
    old.delete(license.productId);
    if (!previous) delta.added.push(license.productId);
    else if (!samePlans(previous, license.disabledServicePlanIds)) delta.changed.push(license.productId);
  }
  delta.removed.push(...old.keys());
  return delta;
}

/** What a refused change asked for, against what the user holds: shown beside the reasons it was refused. */
function requestedDelta(
  before: readonly DirectLicense[],
  add: readonly DirectLicense[],
  remove: readonly string[],
): DirectDelta {
  const held = new Map(before.map((license) => [license.productId, license.disabledServicePlanIds]));
  // Replace mode removes every direct license and adds `add` back: what is added back is kept, not removed.
  const kept = new Set(add.map((license) => license.productId));
  const delta: DirectDelta = {
    added: [],
    removed: remove.filter((productId) => held.has(productId) && !kept.has(productId)),
    changed: [],
  };
  for (const license of add) {
    const previous = held.get(license.productId);
    if (!previous) delta.added.push(license.productId);
    else if (!samePlans(previous, license.disabledServicePlanIds)) delta.changed.push(license.productId);
  }
  return delta;
}

type Pair = { userId: string; productId: string };
type Planned = Pair & { plans: string[] };

/** Sorts one user's old and new direct licenses into rows to delete, insert and update; returns what changed. */
function diffDirect(
  userId: string,
  before: readonly DirectLicense[],
  after: readonly DirectLicense[],
  writes: { removed: Pair[]; added: Planned[]; changed: Planned[] },
): string[] {
  const old = new Map(before.map((license) => [license.productId, license.disabledServicePlanIds]));
  const touched: string[] = [];
  for (const license of after) {
    const plans = [...license.disabledServicePlanIds].sort();
    const previous = old.get(license.productId);
    old.delete(license.productId);
    if (!previous) writes.added.push({ userId, productId: license.productId, plans });
    else if (!samePlans(previous, plans)) {
      writes.changed.push({ userId, productId: license.productId, plans });
    } else continue;
    touched.push(license.productId);
  }
  for (const productId of old.keys()) {
    writes.removed.push({ userId, productId });
    touched.push(productId);
  }
  return touched.sort();
}

/**
 * The rows to delete, update and insert, the seat counters and the audit events, as ONE statement of
 * data-modifying CTEs: every statement costs a round trip and Prisma's per-statement work while the seat rows are
 * locked, and this is the hottest path. The seat update's RETURNING says whether the database's guard let it pass.
 */
async function writeChanges(
  tx: Tx,
  ctx: TenantContext,
  writes: { removed: Pair[]; added: Planned[]; changed: Planned[] },
  deltas: ReadonlyMap<string, number>,
  auditEntries: readonly AuditEntry[],
  own?: OwnerSubscription,
) {
  const steps: Prisma.Sql[] = [];
  const { removed, changed, added } = writes;
  if (removed.length > 0) {
    steps.push(Prisma.sql`removed AS (
      DELETE FROM "LicenseAssignment" la
       USING unnest(${removed.map((w) => w.userId)}::uuid[], ${removed.map((w) => w.productId)}::uuid[])
             AS x(user_id, product_id)
       WHERE la."userId" = x.user_id AND la."productId" = x.product_id AND la."assignedByGroupId" IS NULL
      RETURNING 1)`);
  }
  if (changed.length > 0) {
    steps.push(Prisma.sql`changed AS (
      UPDATE "LicenseAssignment" la SET "disabledServicePlanIds" = x.plans::uuid[], "updatedAt" = now()
        FROM unnest(${changed.map((w) => w.userId)}::uuid[], ${changed.map((w) => w.productId)}::uuid[],
                    ${changed.map((w) => uuidArrayLiteral(w.plans))}::text[]) AS x(user_id, product_id, plans)
       WHERE la."userId" = x.user_id AND la."productId" = x.product_id AND la."assignedByGroupId" IS NULL
      RETURNING 1)`);
  }
  if (added.length > 0) {
    steps.push(Prisma.sql`added AS (
      INSERT INTO "LicenseAssignment" (id, "tenantId", "userId", "productId", "disabledServicePlanIds", state, "updatedAt",
                                       "subscriptionId")
      SELECT gen_random_uuid(), ${ctx.tenantId}::uuid, x.user_id, x.product_id, x.plans::uuid[], 'active', now(),
             CASE WHEN x.product_id = ${own?.productId ?? null}::uuid THEN ${own?.id ?? null}::uuid END
        FROM unnest(${added.map((w) => w.userId)}::uuid[], ${added.map((w) => w.productId)}::uuid[],
                    ${added.map((w) => uuidArrayLiteral(w.plans))}::text[]) AS x(user_id, product_id, plans)
      RETURNING 1)`);
  }
  if (auditEntries.length > 0) steps.push(Prisma.sql`audited AS (${auditRowsSql(ctx, auditEntries)} RETURNING 1)`);
  const ownerBacked = new Map<string, number>();
  if (own) ownerBacked.set(own.productId, added.filter((write) => write.productId === own.productId).length);
  const seats = seatChangesSql(ctx.tenantId, deltas, ownerBacked);
  if (seats.expected > 0) steps.push(Prisma.sql`seats AS (${seats.sql})`);
  if (steps.length === 0) return;
  const [row] = await tx.$queryRaw<Array<{ seats: number }>>`
    WITH ${Prisma.join(steps, ", ")}
    SELECT ${seats.expected > 0 ? Prisma.sql`(SELECT count(*)::int FROM seats)` : Prisma.sql`0`} AS seats`;
  assertSeatsChanged(row?.seats ?? 0, seats.expected);
}

/** Licenses as Graph names them (skuId, disabledPlans), for audit events people read. */
export function graphLicenses(catalog: Catalog, licenses: readonly DirectLicense[]) {
  return licenses.map((license) => ({
    skuId: catalog.byId.get(license.productId)?.skuId ?? license.productId,
    disabledPlans: license.disabledServicePlanIds,
  }));
}
