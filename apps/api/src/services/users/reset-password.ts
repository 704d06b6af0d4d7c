import { hashPassword } from "@allot/db";
import { canResetPassword } from "@allot/domain";
import { AppError } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import { temporaryPassword } from "../../lib/tokens.js";
import type { TenantContext } from "../../types.js";
import { clearThrottle } from "../auth/sign-in-throttle.js";
import { loadUser } from "./load-user.js";

/**
 * Sets a new password (the admin's, or a generated one returned once), ends the user's sessions and lifts a
 * lockout. Helpdesk and user admins may do this for users without an admin role only.
 */
export async function resetPassword(
  ctx: TenantContext,
  userId: string,
  {
    password,
    forceChangePasswordNextSignIn = false,
  }: { password?: string | undefined; forceChangePasswordNextSignIn?: boolean },
): Promise<{ temporaryPassword: string | null }> {
  const generated = password === undefined ? temporaryPassword() : null;
  const passwordHash = await hashPassword(password ?? (generated as string));
  await ctx.db.$transaction(async (tx) => {
    const user = await loadUser(tx, ctx, userId);
    if (!canResetPassword(ctx.roles, user.roleAssignments.length > 0)) {
      throw new AppError("Forbidden", "Only a global admin can reset the password of a user who holds an admin role.");
    }
    await tx.user.update({
      where: { id: userId },
      data: { passwordHash, passwordChangeRequired: forceChangePasswordNextSignIn },
    });
    await clearThrottle(tx, user.email);
    await tx.session.deleteMany({ where: { userId } });
    await audit(tx, ctx, {
      action: "user.passwordReset",
      targetType: "user",
      targetId: userId,
      after: { forceChangePasswordNextSignIn },
    });
  });
  return { temporaryPassword: generated };
}
