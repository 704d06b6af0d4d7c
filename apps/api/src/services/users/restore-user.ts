import type { RestoredUser } from "@allot/contracts";
import { Prisma } from "@allot/db";
import { AppError } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import type { TenantContext } from "../../types.js";
import { loadCatalog } from "../licenses/catalog.js";
import { syncInheritedLicenses } from "../licenses/inherited-sync.js";
import { commitSeatChanges, lockSeats } from "../licenses/seat-ledger.js";
import { LICENSE_TRANSACTION } from "../licenses/transaction.js";
import { RESTORE_WINDOW_MS } from "./list-users.js";
import { assertMayManage, loadUser } from "./load-user.js";
import { toUser, userSelect } from "./user-view.js";

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
      await tx.$executeRaw`SELECT 1 FROM "Group" WHERE id = ANY(${groupIds}::uuid[]) ORDER BY id FOR UPDATE`;
    }
    const user = await loadUser(tx, ctx, userId, { deleted: true, lock: true });
    assertMayManage(ctx, user);
    if (!user.deletedAt || Date.now() - user.deletedAt.getTime() > RESTORE_WINDOW_MS) {
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
    const catalog = await loadCatalog(tx);
    const seats = await lockSeats(
      tx,
      ctx.tenantId,
      freed.map((license) => license.productId),
    );
    const notRestored: RestoredUser["licensesNotRestored"] = [];
    const restoredLicenses: FreedLicense[] = [];
    for (const license of freed) {
      if ((seats.get(license.productId)?.available ?? 0) < 1) {
        notRestored.push({
          productId: license.productId,
          skuPartNumber: catalog.byId.get(license.productId)?.skuPartNumber ?? null,
          code: "CountViolation",
        });
      } else restoredLicenses.push(license);
    }
    if (restoredLicenses.length > 0) {
      await tx.licenseAssignment.createMany({
        data: restoredLicenses.map((license) => ({
          tenantId: ctx.tenantId,
          userId,
          productId: license.productId,
          disabledServicePlanIds: license.disabledServicePlanIds,
        })),
      });
      await commitSeatChanges(tx, ctx.tenantId, new Map(restoredLicenses.map((l) => [l.productId, 1])));
    }
    await tx.user.update({ where: { id: userId }, data: { deletedAt: null, licensesAtDeletion: Prisma.DbNull } });
    const inherited = await syncInheritedLicenses(tx, ctx, catalog, { groupIds, userIds: [userId] });
    for (const failure of inherited.failures) {
      notRestored.push({
        productId: failure.productId,
        skuPartNumber: catalog.byId.get(failure.productId)?.skuPartNumber ?? null,
        code: failure.code,
      });
    }
    const restored = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: userSelect });
    await audit(tx, ctx, {
      action: "user.restored",
      targetType: "user",
      targetId: userId,
      productIds: [...new Set([...freed.map((l) => l.productId), ...inherited.failures.map((f) => f.productId)])],
      after: {
        restoredLicenses: restoredLicenses.length,
        inheritedLicenses: inherited.applied,
        licensesNotRestored: notRestored,
      },
    });
    return { ...toUser(restored), licensesNotRestored: notRestored };
  }, LICENSE_TRANSACTION);
}
