import type { RestoredUser } from "@allot/contracts";
import { Prisma } from "@allot/db";
import { AppError } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import type { TenantContext } from "../../types.js";
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
    const notRestored: RestoredUser["licensesNotRestored"] = [];
    for (const license of freed) {
      // The seat row lock serialises this with every other seat change of the product.
      const [seatRow] = await tx.$queryRaw<Array<{ available: number; skuPartNumber: string }>>`
        SELECT COALESCE((SELECT SUM(s.seats) FROM "Subscription" s
                          WHERE s."tenantId" = tp."tenantId" AND s."productId" = tp."productId"
                            AND s.state IN ('active', 'expired')
                            AND (s.source <> 'selfService' OR s."takenOverAt" IS NOT NULL)), 0)::int
               - tp."consumedUnits" AS available,
               p."skuPartNumber"
          FROM "TenantProduct" tp JOIN "Product" p ON p.id = tp."productId"
         WHERE tp."tenantId" = ${ctx.tenantId}::uuid AND tp."productId" = ${license.productId}::uuid
           FOR UPDATE OF tp`;
      if (!seatRow || seatRow.available < 1) {
        notRestored.push({
          productId: license.productId,
          skuPartNumber: seatRow?.skuPartNumber ?? null,
          code: "CountViolation",
        });
        continue;
      }
      await tx.licenseAssignment.create({
        data: {
          tenantId: ctx.tenantId,
          userId,
          productId: license.productId,
          disabledServicePlanIds: license.disabledServicePlanIds,
        },
      });
      await tx.tenantProduct.update({
        where: { tenantId_productId: { tenantId: ctx.tenantId, productId: license.productId } },
        data: { consumedUnits: { increment: 1 } },
      });
    }
    const restored = await tx.user.update({
      where: { id: userId },
      data: { deletedAt: null, licensesAtDeletion: Prisma.DbNull },
      select: userSelect,
    });
    await audit(tx, ctx, {
      action: "user.restored",
      targetType: "user",
      targetId: userId,
      after: { restoredLicenses: freed.length - notRestored.length, licensesNotRestored: notRestored },
    });
    return { ...toUser(restored), licensesNotRestored: notRestored };
  });
}
