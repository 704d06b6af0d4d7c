import type { AddLicense, GroupLicenses, LicenseViolation } from "@allot/contracts";
import type { Tx } from "@allot/db";
import { isTrialSignUpProduct, samePlans } from "@allot/domain";
import { notFound } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import type { TenantContext } from "../../types.js";
import { graphLicenses } from "../licenses/apply-changes.js";
import { type Catalog, catalogOf, type ResolvedChange, resolveChange } from "../licenses/catalog.js";
import { syncInheritedLicenses } from "../licenses/inherited-sync.js";
import { LICENSE_TRANSACTION } from "../licenses/transaction.js";
import { foreignPlanViolations, violationError } from "../licenses/violations.js";
import { loadGroup } from "./groups.js";

const ERRORS_LISTED = 100;

async function liveMemberIds(tx: Tx, groupId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<Array<{ userId: string }>>`
    SELECT m."userId"::text AS "userId" FROM "GroupMember" m JOIN "User" u ON u.id = m."userId"
     WHERE m."groupId" = ${groupId}::uuid AND u."deletedAt" IS NULL ORDER BY m."userId"`;
  return rows.map((row) => row.userId);
}

async function licensesOfGroup(tx: Tx, groupId: string) {
  return tx.groupLicense.findMany({
    where: { groupId },
    select: { productId: true, disabledServicePlanIds: true },
    orderBy: { productId: "asc" },
  });
}

/** Rules of the group's own license list; the members' rules are checked per member and never refuse the call. */
function groupViolations(
  catalog: Catalog,
  held: ReadonlyMap<string, string[]>,
  change: ResolvedChange,
): LicenseViolation[] {
  const violations = foreignPlanViolations(catalog, change);
  for (const { product, disabledServicePlanIds } of change.add) {
    // A trial license ends 90 days after it was given to its person; a group would hand it out again and again.
    if (isTrialSignUpProduct(product.skuPartNumber)) {
      violations.push({
        code: "TrialLicenseNotForGroups",
        skuId: product.skuId,
        message: `${product.skuPartNumber} is a trial license: assign it to people, each for their own 90 days, not to a group.`,
      });
      continue;
    }
    const current = held.get(product.id);
    if (current && samePlans(current, disabledServicePlanIds)) {
      violations.push({
        code: "AlreadyAssigned",
        skuId: product.skuId,
        message: `The group already has ${product.skuPartNumber} with these service plans.`,
      });
    }
  }
  for (const product of change.remove) {
    if (!held.has(product.id)) {
      violations.push({
        code: "NotAssigned",
        skuId: product.skuId,
        message: `The group has no ${product.skuPartNumber} license to remove.`,
      });
    }
  }
  return violations;
}

/**
 * Graph's assignLicense on a group: the group's license list changes, then every live member's inherited
 * assignments are brought in line in the same transaction, so the licenses are in effect when this answers.
 */
export async function assignGroupLicenses(
  ctx: TenantContext,
  groupId: string,
  body: { addLicenses: AddLicense[]; removeLicenses: string[] },
): Promise<GroupLicenses> {
  await ctx.db.$transaction(async (tx) => {
    await loadGroup(tx, ctx, groupId, { lock: true });
    const catalog = await catalogOf(ctx.db, tx);
    const change = resolveChange(catalog, body.addLicenses, body.removeLicenses, {
      add: "body.addLicenses",
      remove: "body.removeLicenses",
    });
    const { add: added, remove: removed } = change;
    const before = await licensesOfGroup(tx, groupId);
    const held = new Map(before.map((license) => [license.productId, license.disabledServicePlanIds]));
    const violations = groupViolations(catalog, held, change);
    if (violations.length > 0) throw violationError(violations, "body");

    if (removed.length > 0) {
      await tx.groupLicense.deleteMany({ where: { groupId, productId: { in: removed.map((p) => p.id) } } });
    }
    for (const { product, disabledServicePlanIds } of added) {
      await tx.groupLicense.upsert({
        where: { groupId_productId_tenantId: { groupId, productId: product.id, tenantId: ctx.tenantId } },
        create: { tenantId: ctx.tenantId, groupId, productId: product.id, disabledServicePlanIds },
        update: { disabledServicePlanIds },
      });
    }
    const members = await liveMemberIds(tx, groupId);
    const sync = await syncInheritedLicenses(tx, ctx, catalog, { groupIds: [groupId], userIds: members });
    const after = await licensesOfGroup(tx, groupId);
    await audit(tx, ctx, {
      action: "group.licensesChanged",
      targetType: "group",
      targetId: groupId,
      productIds: [...added.map((a) => a.product.id), ...removed.map((p) => p.id)],
      before: { licenses: graphLicenses(catalog, before.map(asLicense)) },
      after: {
        licenses: graphLicenses(catalog, after.map(asLicense)),
        members: members.length,
        applied: sync.applied,
        removed: sync.removed,
        errors: sync.failures.length,
      },
    });
  }, LICENSE_TRANSACTION);
  // Answered once committed, so the seat rows are not held while the view is read.
  return getGroupLicenses(ctx, groupId);
}

/** Retries members' inherited licenses that are in error, e.g. after seats were bought or a location set. */
export async function reprocessGroupLicenses(ctx: TenantContext, groupId: string): Promise<GroupLicenses> {
  await ctx.db.$transaction(async (tx) => {
    await loadGroup(tx, ctx, groupId, { lock: true });
    const catalog = await catalogOf(ctx.db, tx);
    const members = await liveMemberIds(tx, groupId);
    const sync = await syncInheritedLicenses(tx, ctx, catalog, { groupIds: [groupId], userIds: members });
    await audit(tx, ctx, {
      action: "group.licensesReprocessed",
      targetType: "group",
      targetId: groupId,
      productIds: sync.productIds,
      after: { members: members.length, applied: sync.applied, removed: sync.removed, errors: sync.failures.length },
    });
  }, LICENSE_TRANSACTION);
  // Answered once committed, so the seat rows are not held while the view is read.
  return getGroupLicenses(ctx, groupId);
}

export async function getGroupLicenses(ctx: TenantContext, groupId: string): Promise<GroupLicenses> {
  const catalog = await catalogOf(ctx.db);
  return groupLicensesView(ctx.db, ctx, catalog, groupId);
}

const asLicense = (license: { productId: string; disabledServicePlanIds: string[] }) => license;

async function groupLicensesView(
  tx: Tx,
  ctx: TenantContext,
  catalog: Catalog,
  groupId: string,
): Promise<GroupLicenses> {
  const group = await tx.group.findFirst({
    where: { id: groupId, tenantId: ctx.tenantId },
    select: { id: true, displayName: true },
  });
  if (!group) throw notFound("Group");
  const [licenses, counts, errors] = await Promise.all([
    licensesOfGroup(tx, groupId),
    // Inherited rows exist only for members (leaving deletes them), so errors are counted by group alone.
    tx.$queryRaw<Array<{ members: number; withErrors: number }>>`
      SELECT (SELECT COUNT(*)::int FROM "GroupMember" m JOIN "User" u ON u.id = m."userId" AND u."deletedAt" IS NULL
               WHERE m."groupId" = ${groupId}::uuid) AS members,
             (SELECT COUNT(DISTINCT la."userId")::int
                FROM "LicenseAssignment" la JOIN "User" u ON u.id = la."userId" AND u."deletedAt" IS NULL
               WHERE la."assignedByGroupId" = ${groupId}::uuid AND la.state = 'error') AS "withErrors"`,
    tx.$queryRaw<Array<{ userId: string; displayName: string; productId: string; errorCode: string | null }>>`
      SELECT la."userId"::text AS "userId", u."displayName", la."productId"::text AS "productId", la."errorCode"
        FROM "LicenseAssignment" la JOIN "User" u ON u.id = la."userId" AND u."deletedAt" IS NULL
       WHERE la."assignedByGroupId" = ${groupId}::uuid AND la.state = 'error'
       ORDER BY u."displayName", la."userId", la."productId"
       LIMIT ${ERRORS_LISTED}`,
  ]);
  return {
    id: group.id,
    displayName: group.displayName,
    assignedLicenses: graphLicenses(catalog, licenses).map((license) => ({
      ...license,
      disabledPlans: [...license.disabledPlans].sort(),
    })),
    licenseProcessingState: { state: "ProcessingComplete" },
    memberCount: counts[0]?.members ?? 0,
    membersWithLicenseErrorsCount: counts[0]?.withErrors ?? 0,
    membersWithLicenseErrors: errors.map((row) => ({
      userId: row.userId,
      displayName: row.displayName,
      skuId: catalog.byId.get(row.productId)?.skuId ?? row.productId,
      error: row.errorCode ?? "Error",
    })),
  };
}
