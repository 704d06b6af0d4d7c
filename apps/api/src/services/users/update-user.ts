import type { UpdateUserRequest, User } from "@allot/contracts";
import { audit } from "../../lib/audit.js";
import type { TenantContext } from "../../types.js";
import { assertMayManage, loadUser } from "./load-user.js";
import { toUser, userSelect } from "./user-view.js";

export async function updateUser(ctx: TenantContext, userId: string, changes: UpdateUserRequest): Promise<User> {
  return ctx.db.$transaction(async (tx) => {
    const before = await loadUser(tx, ctx, userId);
    assertMayManage(ctx, before);
    const after = await tx.user.update({ where: { id: userId }, data: changes, select: userSelect });
    // Blocking sign-in ends the user's sessions at once, as an admin expects.
    if (changes.accountEnabled === false) await tx.session.deleteMany({ where: { userId } });
    const picked = (row: typeof before) => ({
      displayName: row.displayName,
      usageLocation: row.usageLocation,
      accountEnabled: row.accountEnabled,
    });
    await audit(tx, ctx, {
      action: "user.updated",
      targetType: "user",
      targetId: userId,
      before: picked(before),
      after: picked(after),
    });
    return toUser(after);
  });
}
