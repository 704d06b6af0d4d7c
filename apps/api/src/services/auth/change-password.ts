import type { ChangePasswordRequest } from "@allot/contracts";
import { type Db, hashPassword, verifyPassword } from "@allot/db";
import { AppError } from "../../lib/app-error.js";
import type { Actor } from "../../types.js";
import { clearThrottle } from "./sign-in-throttle.js";

/**
 * The signed-in user chooses a new password, proving it with the current one. It ends a one-time password's
 * restriction, ends the user's other sessions (someone else may know the old password) and lifts any lockout.
 */
export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  { currentPassword, newPassword }: ChangePasswordRequest,
  requestId: string,
): Promise<void> {
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { passwordHash: true } });
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AppError("ValidationFailed", "The current password is not right.", {
      errors: [{ path: "body.currentPassword", message: "is not your current password" }],
    });
  }
  if (newPassword === currentPassword) {
    throw new AppError("ValidationFailed", "Choose a password other than the current one.", {
      errors: [{ path: "body.newPassword", message: "must differ from the current password" }],
    });
  }
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { passwordHash, passwordChangeRequired: false } });
    await tx.session.deleteMany({ where: { userId: actor.userId, id: { not: actor.sessionId } } });
    await clearThrottle(tx, actor.email);
    await tx.auditEvent.create({
      data: {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        action: "user.passwordChanged",
        targetType: "user",
        targetId: actor.userId,
        requestId,
        after: { passwordChangeRequired: false },
      },
    });
  });
}
