import type { TenantContext } from "../../types.js";
import { catalogOf } from "./catalog.js";
import { syncInheritedLicenses } from "./inherited-sync.js";
import { LICENSE_TRANSACTION } from "./transaction.js";

/**
 * Graph's reprocessLicenseAssignment for one user: retries every license the user inherits from its groups (those
 * in error after seats were bought or a location set), as a group's reprocess does for all its members. The audit
 * event is the sync's own (user.inheritedLicensesChanged), written only when something changed.
 */
export async function reprocessUserLicenses(ctx: TenantContext, userId: string): Promise<void> {
  await ctx.db.$transaction(async (tx) => {
    const memberships = await tx.groupMember.findMany({ where: { userId }, select: { groupId: true } });
    await syncInheritedLicenses(tx, ctx, await catalogOf(ctx.db, tx), {
      groupIds: memberships.map((membership) => membership.groupId),
      userIds: [userId],
    });
  }, LICENSE_TRANSACTION);
}
