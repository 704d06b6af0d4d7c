import type { RestoredUser } from "@allot/contracts";
import { Prisma, type Tx } from "@allot/db";
import { isRestorable } from "@allot/domain";
import { AppError } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import type { TenantContext } from "../../types.js";
import { toUser, userSelect } from "../directory/user-view.js";
import { applyLicenseChanges } from "../licenses/apply-changes.js";
import { type Catalog, catalogOf } from "../licenses/catalog.js";
import { syncInheritedLicenses } from "../licenses/inherited-sync.js";
import { LICENSE_TRANSACTION } from "../licenses/transaction.js";
import { assertMayManage, loadUser } from "./load-user.js";

interface FreedLicense {
  productId: string;
  disabledServicePlanIds: string[];
}

/**
 * Restores a user deleted less than 30 days ago. Its licenses come back only where a seat is free now; the others
 * are reported so the admin can buy seats or pick another product.
 */
export async function restoreUser(ctx: TenantContext, userId: string): Promise<RestoredUser> {
  return ctx.db.$transaction(async (tx) => {
    // Its groups first, then the user (the lock order of every licensing change), so inherited licenses come back
    // from the groups' licenses as they are now.
    const memberships = await tx.groupMember.findMany({ where: { userId }, select: { groupId: true } });
    const groupIds = memberships.map((membership) => membership.groupId).sort();
    if (groupIds.length > 0) {
      await tx.$executeRaw`SELECT 1 FROM "Group" WHERE id = ANY(${groupIds}::uuid[]) ORDER BY id FOR NO KEY UPDATE`;
    }
    const user = await loadUser(tx, ctx, userId, { deleted: true, lock: true });
    assertMayManage(ctx, user);
    if (!user.deletedAt || !isRestorable(user.deletedAt, ctx.clock.now())) {
      throw new AppError(
        "RestoreWindowExpired",
        "Deleted users can be restored for 30 days; this one can no longer be.",
      );
    }
    const { licensesAtDeletion } = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { licensesAtDeletion: true },
    });
    const freed = ((licensesAtDeletion ?? []) as unknown as FreedLicense[]).toSorted((a, b) =>
      a.productId.localeCompare(b.productId),
    );
    const catalog = await catalogOf(ctx.db, tx);
    await tx.user.update({ where: { id: userId }, data: { deletedAt: null, licensesAtDeletion: Prisma.DbNull } });
    const notRestored = new Map<string, RestoredUser["licensesNotRestored"][number]>();
    const report = (productId: string, code: string) => {
      if (notRestored.has(productId)) return;
      notRestored.set(productId, {
        productId,
        skuPartNumber: catalog.byId.get(productId)?.skuPartNumber ?? null,
        code,
      });
    };
    // Inherited licenses first: a base product a group gives back lets a direct add-on come back too.
    const inherited = await syncInheritedLicenses(tx, ctx, catalog, { groupIds, userIds: [userId] });
    for (const failure of inherited.failures) report(failure.productId, failure.code);
    const restoredLicenses = await restoreDirectLicenses(tx, ctx, catalog, userId, freed, report);
    const restored = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: userSelect });
    await audit(tx, ctx, {
      action: "user.restored",
      targetType: "user",
      targetId: userId,
      productIds: [...new Set([...freed.map((l) => l.productId), ...inherited.productIds])].sort(),
      after: {
        restoredLicenses: restoredLicenses.length,
        inheritedLicenses: inherited.applied,
        licensesNotRestored: [...notRestored.values()],
      },
    });
    return { ...toUser(restored), licensesNotRestored: [...notRestored.values()] };
  }, LICENSE_TRANSACTION);
}

/**
 * Gives back the direct licenses the user held when deleted, as many as today's rules allow: each is checked as a
 * new assignment (seats, subscription state, location, exclusions, prerequisites, guest rule) and one that fails is
 * left out and reported, until the rest apply together.
 */
async function restoreDirectLicenses(
  tx: Tx,
  ctx: TenantContext,
  catalog: Catalog,
  userId: string,
  freed: readonly FreedLicense[],
  report: (productId: string, code: string) => void,
): Promise<FreedLicense[]> {
  let candidates = [...freed];
  while (candidates.length > 0) {
    const change = { userIds: [userId], add: candidates, remove: [], mode: "add" as const, atomic: true };
    const trial = await applyLicenseChanges(tx, ctx, catalog, { ...change, dryRun: true });
    const result = trial.results[0];
    if (!result || result.ok) {
      await applyLicenseChanges(tx, ctx, catalog, { ...change, dryRun: false });
      return candidates;
    }
    const failing = new Map<string, string>();
    for (const violation of result.violations) {
      const productId = violation.skuId ? catalog.bySkuId.get(violation.skuId)?.id : undefined;
      if (productId && !failing.has(productId)) failing.set(productId, violation.code);
      // Of two exclusive products the violation names one; the other may be the candidate to leave out.
      if (violation.code !== "MutuallyExclusiveViolation") continue;
      for (const skuId of violation.relatedSkuIds ?? []) {
        const related = catalog.bySkuId.get(skuId)?.id;
        if (related && !failing.has(related)) failing.set(related, violation.code);
      }
    }
    const left = candidates.filter((license) => !failing.has(license.productId));
    // A violation that names none of the candidates (the guest rule, an exclusion with an inherited product)
    // leaves nothing to narrow down: none of them comes back.
    const dropped = left.length === candidates.length ? candidates : candidates.filter((l) => failing.has(l.productId));
    const fallback = result.violations[0]?.code ?? "Forbidden";
    for (const license of dropped) report(license.productId, failing.get(license.productId) ?? fallback);
    candidates = left.length === candidates.length ? [] : left;
  }
  return [];
}
