import { AppError } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import type { TenantContext } from "../../types.js";
import { assertMayManage, loadUser } from "./load-user.js";

/**
 * Soft-deletes a user: sign-in ends, its direct licenses are freed at once (seat counts decremented under the
 * tenant × product row lock) and remembered so a restore within 30 days can give them back.
 */
export async function deleteUser(ctx: TenantContext, userId: string): Promise<void> {
  if (userId === ctx.actor.userId) {
    throw new AppError("CannotDeleteSelf", "You cannot delete your own account.");
  }
  await ctx.db.$transaction(async (tx) => {
    const user = await loadUser(tx, ctx, userId, { lock: true });
    assertMayManage(ctx, user);
    const licenses = await tx.licenseAssignment.findMany({
      where: { userId },
      select: { productId: true, disabledServicePlanIds: true, assignedByGroupId: true },
      orderBy: { productId: "asc" },
    });
    const freedProducts = [...new Set(licenses.map((l) => l.productId))];
    // Lock the seat rows in a fixed order (by product id) so concurrent seat changes cannot deadlock.
    for (const productId of freedProducts) {
      await tx.$executeRaw`SELECT 1 FROM "TenantProduct" WHERE "tenantId" = ${ctx.tenantId}::uuid AND "productId" = ${productId}::uuid FOR UPDATE`;
    }
    await tx.licenseAssignment.deleteMany({ where: { userId } });
    for (const productId of freedProducts) {
      await tx.tenantProduct.update({
        where: { tenantId_productId: { tenantId: ctx.tenantId, productId } },
        data: { consumedUnits: { decrement: 1 } },
      });
    }
    const direct = licenses
      .filter((l) => l.assignedByGroupId === null)
      .map(({ productId, disabledServicePlanIds }) => ({ productId, disabledServicePlanIds }));
    await tx.user.update({ where: { id: userId }, data: { deletedAt: new Date(), licensesAtDeletion: direct } });
    await tx.session.deleteMany({ where: { userId } });
    await audit(tx, ctx, {
      action: "user.deleted",
      targetType: "user",
      targetId: userId,
      before: { displayName: user.displayName, email: user.email, licenses },
    });
  });
}
