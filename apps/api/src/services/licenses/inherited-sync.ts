import { Prisma, type SqlTx } from "@allot/db";
import {
  type ProductSeats,
  planInheritedLicenses,
  samePlans,
  type UserLicenses,
  type ViolationCode,
} from "@allot/domain";
import { auditMany } from "../../lib/audit.js";
import type { TenantContext } from "../../types.js";
import { commitSeatChanges, lockSeats } from "../seats/seat-ledger.js";
import { refuseBrokenPrerequisites } from "./broken-prerequisites.js";
import type { Catalog } from "./catalog.js";
import { type AssignmentRow, holdsSeat, lockHoldings, uuidArrayLiteral } from "./holdings.js";
import { memberAuditEntries } from "./inherited-audit.js";

export interface SyncScope {
  /** Groups whose licenses are brought in line (locked by the caller before the users). */
  groupIds: readonly string[];
  /** Users to bring in line with those groups' current members and licenses. */
  userIds: readonly string[];
}

export interface SyncOutcome {
  applied: number;
  removed: number;
  /** Products whose inherited assignments changed, for the caller's audit event. */
  productIds: string[];
  /** Inherited licenses that could not apply this time, kept in state error with the code. */
  failures: Array<{ userId: string; productId: string; groupId: string; code: ViolationCode }>;
}

const key = (userId: string, productId: string, groupId: string) => `${userId}|${productId}|${groupId}`;

/**
 * Makes the inherited assignment rows of these groups × users what the groups' current memberships and licenses
 * say: rows of licenses or memberships that are gone are deleted (freeing the seat when no other assignment of
 * the product remains), plan changes are copied, and new rows, or rows in error, are (re)tried with the domain's
 * rules. A member whose license cannot apply keeps a row in state error with the violation code.
 */
export async function syncInheritedLicenses(
  tx: SqlTx,
  ctx: TenantContext,
  catalog: Catalog,
  scope: SyncScope,
): Promise<SyncOutcome> {
  const outcome: SyncOutcome = { applied: 0, removed: 0, productIds: [], failures: [] };
  if (scope.groupIds.length === 0 || scope.userIds.length === 0) return outcome;
  const holdings = await lockHoldings(tx, ctx.tenantId, scope.userIds);
  const userIds = [...holdings.users.keys()];
  const groupIds = [...scope.groupIds];
  const [memberships, groupLicenses, tenantRows] = await Promise.all([
    tx.$queryRaw<Array<{ groupId: string; userId: string }>>`
      SELECT "groupId"::text AS "groupId", "userId"::text AS "userId" FROM "GroupMember"
       WHERE "groupId" = ANY(${groupIds}::uuid[]) AND "userId" = ANY(${userIds}::uuid[])`,
    tx.$queryRaw<Array<{ groupId: string; productId: string; disabledServicePlanIds: string[] }>>`
      SELECT "groupId"::text AS "groupId", "productId"::text AS "productId",
             "disabledServicePlanIds"::text[] AS "disabledServicePlanIds"
        FROM "GroupLicense" WHERE "groupId" = ANY(${groupIds}::uuid[])`,
    tx.$queryRaw<Array<{ defaultUsageLocation: string | null }>>`
      SELECT "defaultUsageLocation"::text AS "defaultUsageLocation" FROM "Tenant" WHERE id = ${ctx.tenantId}::uuid`,
  ]);
  const tenant = tenantRows[0];
  if (!tenant) throw new Error(`Tenant ${ctx.tenantId} is gone.`);

  const desired = new Map<string, { userId: string; productId: string; groupId: string; plans: string[] }>();
  for (const membership of memberships) {
    for (const license of groupLicenses) {
      if (license.groupId !== membership.groupId) continue;
      const plans = [...license.disabledServicePlanIds].sort();
      desired.set(key(membership.userId, license.productId, license.groupId), { ...membership, ...license, plans });
    }
  }
  const inScope = new Set(groupIds);
  const existing = new Map<string, AssignmentRow>();
  for (const row of holdings.rows) {
    if (row.assignedByGroupId && inScope.has(row.assignedByGroupId)) {
      existing.set(key(row.userId, row.productId, row.assignedByGroupId), row);
    }
  }
  const toDelete = [...existing].filter(([k]) => !desired.has(k)).map(([, row]) => row);
  const toRetry = [...desired].filter(([k]) => existing.get(k)?.state === "error").map(([, want]) => want);
  const toCreate = [...desired].filter(([k]) => !existing.has(k)).map(([, want]) => want);
  const planChanges = [...desired]
    .filter(([k, want]) => {
      const row = existing.get(k);
      // Rows in error are retried below, which writes their plans too.
      return row !== undefined && row.state !== "error" && !samePlans(row.disabledServicePlanIds, want.plans);
    })
    .map(([, want]) => want);

  const seatRows = await lockSeats(tx, ctx.tenantId, [
    ...toDelete.map((row) => row.productId),
    ...toCreate.map((want) => want.productId),
    ...toRetry.map((want) => want.productId),
  ]);

  // Deletions first: the seats they free can go to the members tried below.
  const deleted = new Set(toDelete.map((row) => key(row.userId, row.productId, row.assignedByGroupId as string)));
  const remaining = holdings.rows.filter(
    (row) => !(row.assignedByGroupId && deleted.has(key(row.userId, row.productId, row.assignedByGroupId))),
  );
  const heldAfterDelete = new Set(remaining.filter(holdsSeat).map((row) => `${row.userId}|${row.productId}`));
  refuseBrokenPrerequisites(catalog, holdings.rows, remaining, new Set(toDelete.map((row) => row.userId)));
  const deltas = new Map<string, number>();
  const freed = new Set<string>();
  for (const row of toDelete) {
    const pair = `${row.userId}|${row.productId}`;
    if (holdsSeat(row) && !heldAfterDelete.has(pair) && !freed.has(pair)) {
      freed.add(pair);
      deltas.set(row.productId, (deltas.get(row.productId) ?? 0) - 1);
    }
  }

  const inheritedAfterDelete = new Map<string, Set<string>>();
  for (const row of remaining) {
    if (row.assignedByGroupId === null || !holdsSeat(row)) continue;
    const set = inheritedAfterDelete.get(row.userId) ?? new Set<string>();
    set.add(row.productId);
    inheritedAfterDelete.set(row.userId, set);
  }
  const users = new Map<string, UserLicenses>();
  for (const [userId, user] of holdings.users) {
    users.set(userId, { ...user, inherited: inheritedAfterDelete.get(userId) ?? new Set() });
  }
  const seats = new Map<string, ProductSeats>();
  for (const [productId, row] of seatRows) {
    const consumed = row.consumedUnits + (deltas.get(productId) ?? 0);
    seats.set(productId, { assignable: row.assignable, available: row.assignableUnits - consumed });
  }
  const tried = [...toCreate, ...toRetry];
  const candidates = new Map<string, Set<string>>();
  for (const want of tried) {
    const set = candidates.get(want.userId) ?? new Set<string>();
    set.add(want.productId);
    candidates.set(want.userId, set);
  }
  const plan = planInheritedLicenses({
    defaultUsageLocation: tenant.defaultUsageLocation,
    actorRoles: ctx.roles,
    catalog: catalog.byId,
    seats,
    users,
    candidates: [...candidates].map(([userId, productIds]) => ({ userId, productIds: [...productIds] })),
  });
  const decided = new Map(plan.outcomes.map((o) => [`${o.userId}|${o.productId}`, o]));
  for (const o of plan.outcomes) {
    if (o.ok && o.takesSeat) deltas.set(o.productId, (deltas.get(o.productId) ?? 0) + 1);
  }

  const written = tried.map((want) => {
    const decision = decided.get(`${want.userId}|${want.productId}`);
    const code = decision && !decision.ok ? decision.code : null;
    if (code) outcome.failures.push({ userId: want.userId, productId: want.productId, groupId: want.groupId, code });
    else outcome.applied += 1;
    return { ...want, code, isNew: !existing.has(key(want.userId, want.productId, want.groupId)) };
  });
  outcome.removed = toDelete.length;
  outcome.productIds = [...new Set([...toDelete, ...tried, ...planChanges].map((change) => change.productId))].sort();
  await auditMany(tx, ctx, memberAuditEntries(catalog, toDelete, written, planChanges));

  if (toDelete.length > 0) {
    await tx.$executeRaw`
      DELETE FROM "LicenseAssignment" la
       USING unnest(${toDelete.map((r) => r.userId)}::uuid[], ${toDelete.map((r) => r.productId)}::uuid[],
                    ${toDelete.map((r) => r.assignedByGroupId as string)}::uuid[]) AS x(user_id, product_id, group_id)
       WHERE la."userId" = x.user_id AND la."productId" = x.product_id AND la."assignedByGroupId" = x.group_id`;
  }
  const upserts = [...written, ...planChanges.map((want) => ({ ...want, code: undefined, isNew: false }))];
  const inserts = written.filter((w) => w.isNew);
  if (inserts.length > 0) {
    await tx.$executeRaw`
      INSERT INTO "LicenseAssignment"
             (id, "tenantId", "userId", "productId", "assignedByGroupId", "disabledServicePlanIds", state, "errorCode",
              "updatedAt")
      SELECT gen_random_uuid(), ${ctx.tenantId}::uuid, x.user_id, x.product_id, x.group_id, x.plans::uuid[],
             (CASE WHEN x.code IS NULL THEN 'active' ELSE 'error' END)::"LicenseAssignmentState", x.code, now()
        FROM unnest(${inserts.map((w) => w.userId)}::uuid[], ${inserts.map((w) => w.productId)}::uuid[],
                    ${inserts.map((w) => w.groupId)}::uuid[], ${inserts.map((w) => uuidArrayLiteral(w.plans))}::text[],
                    ${inserts.map((w) => w.code)}::text[]) AS x(user_id, product_id, group_id, plans, code)`;
  }
  // Retried rows get their new state; rows whose group changed the plans get the new plans (state unchanged).
  const updates = upserts.filter((w) => !w.isNew);
  if (updates.length > 0) {
    await tx.$executeRaw`
      UPDATE "LicenseAssignment" la
         SET "disabledServicePlanIds" = x.plans::uuid[],
             state = CASE WHEN x.retried THEN (CASE WHEN x.code IS NULL THEN 'active' ELSE 'error' END)::"LicenseAssignmentState"
                          ELSE la.state END,
             "errorCode" = CASE WHEN x.retried THEN x.code ELSE la."errorCode" END,
             "updatedAt" = now()
        FROM unnest(${updates.map((w) => w.userId)}::uuid[], ${updates.map((w) => w.productId)}::uuid[],
                    ${updates.map((w) => w.groupId)}::uuid[], ${updates.map((w) => uuidArrayLiteral(w.plans))}::text[],
                    ${updates.map((w) => w.code ?? null)}::text[], ${updates.map((w) => w.code !== undefined)}::boolean[])
             AS x(user_id, product_id, group_id, plans, code, retried)
       WHERE la."userId" = x.user_id AND la."productId" = x.product_id AND la."assignedByGroupId" = x.group_id`;
  }
  await commitSeatChanges(tx, ctx.tenantId, deltas);
  return outcome;
}
