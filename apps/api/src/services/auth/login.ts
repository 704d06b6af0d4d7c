import type { LoginRequest } from "@allot/contracts";
import { type Db, hashPassword, verifyPassword } from "@allot/db";
import { AppError } from "../../lib/app-error.js";
import { createSession, type NewSession } from "./sessions.js";

export interface LoginPolicy {
  sessionTtlMs: number;
  lockoutThreshold: number;
  lockoutMs: number;
}

// Verifying against a real hash for unknown accounts keeps the response time from telling which emails exist.
const dummyHash = hashPassword("allot-timing-equaliser");

/**
 * Checks the password and opens a session. Repeated failures lock the account for a while (answered 423 even
 * with the right password, so guessing cannot continue); success resets the count.
 */
export async function login(
  db: Db,
  { email, password }: LoginRequest,
  policy: LoginPolicy,
  meta: { ip: string | null; userAgent: string | null; requestId: string },
): Promise<NewSession & { userId: string }> {
  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      tenantId: true,
      passwordHash: true,
      accountEnabled: true,
      deletedAt: true,
      failedSignIns: true,
      lockedUntil: true,
    },
  });
  const now = new Date();
  if (user?.lockedUntil && user.lockedUntil > now) {
    throw new AppError(
      "AccountLocked",
      "Too many failed sign-ins. Try again later or ask an admin to reset your password.",
      undefined,
      Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 1000),
    );
  }
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
  if (!user?.passwordHash || !valid || !user.accountEnabled || user.deletedAt) {
    if (user && !valid) await recordFailure(db, user, policy, now, meta.requestId);
    throw new AppError("InvalidCredentials", "The email or password is incorrect, or the account cannot sign in.");
  }
  const session = await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { failedSignIns: 0, lockedUntil: null, lastSignInAt: now },
    });
    // Housekeeping where it costs nothing: the user's own expired sessions go when it signs in again.
    await tx.session.deleteMany({ where: { userId: user.id, expiresAt: { lt: now } } });
    const created = await createSession(tx, user.id, policy.sessionTtlMs, meta);
    await tx.auditEvent.create({
      data: {
        tenantId: user.tenantId,
        actorUserId: user.id,
        action: "auth.signedIn",
        targetType: "user",
        targetId: user.id,
        requestId: meta.requestId,
        after: { ip: meta.ip },
      },
    });
    return created;
  });
  return { ...session, userId: user.id };
}

async function recordFailure(
  db: Db,
  user: { id: string; tenantId: string },
  policy: LoginPolicy,
  now: Date,
  requestId: string,
): Promise<void> {
  await db.$transaction(async (tx) => {
    // Increment in SQL so concurrent failures all count.
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { failedSignIns: { increment: 1 } },
      select: { failedSignIns: true },
    });
    const lock = updated.failedSignIns >= policy.lockoutThreshold;
    if (lock) {
      await tx.user.update({
        where: { id: user.id },
        data: { failedSignIns: 0, lockedUntil: new Date(now.getTime() + policy.lockoutMs) },
      });
    }
    await tx.auditEvent.create({
      data: {
        tenantId: user.tenantId,
        actorUserId: null,
        action: lock ? "auth.accountLocked" : "auth.signInFailed",
        targetType: "user",
        targetId: user.id,
        requestId,
      },
    });
  });
}
