import type { LoginRequest } from "@allot/contracts";
import { type Db, hashPassword, verifyPassword } from "@allot/db";
import { AppError } from "../../lib/app-error.js";
import type { Clock } from "../../lib/clock.js";
import { createSession, type NewSession } from "./sessions.js";
import { admitSuccess, recordFailure, type ThrottlePolicy, throttleKey } from "./sign-in-throttle.js";

export interface LoginPolicy extends ThrottlePolicy {
  sessionTtlMs: number;
}

// Verifying against a real hash for unknown accounts keeps the response time from telling which emails exist.
const dummyHash = hashPassword("allot-timing-equaliser");

const invalidCredentials = () =>
  new AppError("InvalidCredentials", "The email or password is incorrect, or the account cannot sign in.");

const accountLocked = (retryAfterSeconds: number) =>
  new AppError("AccountLocked", "Too many failed sign-ins. Try again later or ask an admin to reset your password.", {
    retryAfterSeconds,
  });

/**
 * Checks the password and opens a session. The password is always verified first (against a dummy hash for an
 * unknown email), then one statement decides: a wrong password is counted and answers 401, or 423 once the name is
 * locked from this address or everywhere; a right one is refused with 423 while a lock stands. Unknown emails are
 * counted and locked exactly like known ones, so neither the status nor the time tells which accounts exist.
 * Lockouts and sessions run on server time; the sign-in time the rules read (reclaiming inactive users' licenses)
 * is the app clock's.
 */
export async function login(
  db: Db,
  { email, password }: LoginRequest,
  policy: LoginPolicy,
  meta: { ip: string | null; userAgent: string | null; requestId: string },
  clock: Clock,
): Promise<NewSession & { userId: string }> {
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, tenantId: true, passwordHash: true, accountEnabled: true, deletedAt: true },
  });
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
  const key = throttleKey(email, meta.ip);
  const now = new Date();
  if (!user?.passwordHash || !valid) {
    const account = user ? { tenantId: user.tenantId, userId: user.id, requestId: meta.requestId } : null;
    const outcome = await recordFailure(db, key, policy, now, account);
    if (outcome.locked) throw accountLocked(outcome.locked.retryAfterSeconds);
    throw invalidCredentials();
  }
  const locked = await admitSuccess(db, key, now);
  if (locked) throw accountLocked(locked.retryAfterSeconds);
  // The right password of an account that cannot sign in: refused, but not a guessing failure.
  if (!user.accountEnabled || user.deletedAt) throw invalidCredentials();
  const session = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: clock.now() } });
    // Housekeeping where it costs nothing: the user's own expired sessions go when it signs in again.
    await tx.session.deleteMany({ where: { userId: user.id, expiresAt: { lt: now } } });
    const created = await createSession(tx, user, policy.sessionTtlMs, meta);
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
