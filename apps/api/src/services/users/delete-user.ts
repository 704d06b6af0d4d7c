import type { Tx } from "@allot/db";
import { AppError } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import type { TenantContext } from "../../types.js";
import { holdsSeat } from "../licenses/holdings.js";
import { LICENSE_TRANSACTION } from "../licenses/transaction.js";
import { commitSeatChanges, lockSeats } from "../seats/seat-ledger.js";
import { assertMayManage, loadUser } from "./load-user.js";

/**
 * Soft-deletes a user: sign-in ends, its licenses are freed at once (seat counts decremented under the tenant ×
 * product row lock), and its direct ones are remembered so a restore within 30 days can give them back; inherited
 * ones come back from its groups.
 */
export async function deleteUser(ctx: TenantContext, userId: string): Promise<void> {
  await ctx.db.$transaction((tx) => deleteUserIn(tx, ctx, userId), LICENSE_TRANSACTION);
}

/**
 * The deletion inside a transaction the caller holds, so a use case that removes more with the user (a partner's
 * staff member's delegated access) commits both or neither. Open it with LICENSE_TRANSACTION: seats move.
 */
export async function deleteUserIn(tx: Tx, ctx: TenantContext, userId: string): Promise<void> {
  if (userId === ctx.actor.userId) {
    throw new AppError("CannotDeleteSelf", "You cannot delete your own account.");
  }
  const user = await loadUser(tx, ctx, userId, { lock: true });
  assertMayManage(ctx, user);
  const licenses = await tx.licenseAssignment.findMany({
    where: { userId },
    select: { productId: true, disabledServicePlanIds: true, assignedByGroupId: true, state: true },
    orderBy: { productId: "asc" },
  });
  // One seat per product the user holds in effect, however many assignments (direct, groups) give it.
  const freedProducts = [...new Set(licenses.filter(holdsSeat).map((l) => l.productId))];
  await lockSeats(tx, ctx.tenantId, freedProducts);
  await tx.licenseAssignment.deleteMany({ where: { userId } });
  await commitSeatChanges(tx, ctx.tenantId, new Map(freedProducts.map((productId) => [productId, -1])));
  const direct = licenses
    .filter((l) => l.assignedByGroupId === null)
    .map(({ productId, disabledServicePlanIds }) => ({ productId, disabledServicePlanIds }));
  await tx.user.update({ where: { id: userId }, data: { deletedAt: ctx.clock.now(), licensesAtDeletion: direct } });
  await tx.session.deleteMany({ where: { userId } });
  // A partner's staff member loses the customers they act in for good: a restore brings the account back, not the
  // delegated roles (the partner's global admin grants them again if they should have them).
  const delegatedRoles = await tx.delegatedAccess.findMany({
    where: { partnerUserId: userId },
    select: { relationshipId: true, role: true },
    orderBy: [{ relationshipId: "asc" }, { role: "asc" }],
  });
  await tx.delegatedAccess.deleteMany({ where: { partnerUserId: userId } });
  await audit(tx, ctx, {
    action: "user.deleted",
    targetType: "user",
    targetId: userId,
    productIds: freedProducts,
    before: {
      displayName: user.displayName,
      email: user.email,
      licenses,
      ...(delegatedRoles.length > 0 ? { delegatedRoles } : {}),
    },
  });
}
