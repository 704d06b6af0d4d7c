import type { UserPage } from "@allot/contracts";
import { AppError } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import type { TenantContext } from "../../types.js";
import { catalogOf } from "../licenses/catalog.js";
import { syncInheritedLicenses } from "../licenses/inherited-sync.js";
import { LICENSE_TRANSACTION } from "../licenses/transaction.js";
import { pageOfUsers } from "../users/list-users.js";
import { loadGroup } from "./groups.js";

export async function listMembers(
  ctx: TenantContext,
  groupId: string,
  query: { cursor?: string; limit: number },
): Promise<UserPage> {
  await loadGroup(ctx.db, ctx, groupId);
  return pageOfUsers(ctx, { groupId }, query);
}

/** Adds users of the same tenant; all or nothing, so a typo in one id leaves the group unchanged. */
export async function addMembers(ctx: TenantContext, groupId: string, userIds: string[]): Promise<void> {
  await ctx.db.$transaction(async (tx) => {
    await loadGroup(tx, ctx, groupId, { lock: true });
    const found = await tx.user.findMany({
      where: { id: { in: userIds }, tenantId: ctx.tenantId, deletedAt: null },
      select: { id: true },
    });
    const known = new Set(found.map((u) => u.id));
    const unknown = userIds.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new AppError("NotFound", `${unknown.length} of the users were not found.`, {
        errors: unknown.map((id) => ({ path: `body.userIds[${userIds.indexOf(id)}]`, message: "user not found" })),
      });
    }
    const existing = await tx.groupMember.findMany({
      where: { groupId, userId: { in: userIds } },
      select: { userId: true },
    });
    if (existing.length > 0) {
      throw new AppError("AlreadyMember", `${existing.length} of the users are already members.`, {
        errors: existing.map((m) => ({
          path: `body.userIds[${userIds.indexOf(m.userId)}]`,
          message: "already a member",
        })),
      });
    }
    await tx.groupMember.createMany({ data: userIds.map((userId) => ({ tenantId: ctx.tenantId, groupId, userId })) });
    // New members inherit the group's licenses at once (or get them in error, with the reason).
    const inherited = await syncInheritedLicenses(tx, ctx, await catalogOf(ctx.db, tx), {
      groupIds: [groupId],
      userIds,
    });
    await audit(tx, ctx, {
      action: "group.membersAdded",
      targetType: "group",
      targetId: groupId,
      productIds: inherited.productIds,
      after: { userIds, licensesApplied: inherited.applied, licenseErrors: inherited.failures.length },
    });
  }, LICENSE_TRANSACTION);
}

export async function removeMember(ctx: TenantContext, groupId: string, userId: string): Promise<void> {
  await ctx.db.$transaction(async (tx) => {
    await loadGroup(tx, ctx, groupId, { lock: true });
    const removed = await tx.groupMember.deleteMany({ where: { groupId, userId, user: { tenantId: ctx.tenantId } } });
    if (removed.count === 0) throw new AppError("NotFound", "That user is not a member of this group.");
    // Only what the user inherited from this group goes; direct and other groups' licenses stay.
    const inherited = await syncInheritedLicenses(tx, ctx, await catalogOf(ctx.db, tx), {
      groupIds: [groupId],
      userIds: [userId],
    });
    await audit(tx, ctx, {
      action: "group.memberRemoved",
      targetType: "group",
      targetId: groupId,
      productIds: inherited.productIds,
      before: { userId },
      after: { licensesRemoved: inherited.removed },
    });
  }, LICENSE_TRANSACTION);
}
