import { type Db, Prisma } from "@allot/db";
import { sha256 } from "../../lib/tokens.js";

/**
 * Lockout after failed sign-ins, counted per sign-in name × client address (a low threshold: guessing from one
 * place stops quickly) and per sign-in name from every address (a higher ceiling: guessing spread over many
 * places stops too, and a stranger elsewhere cannot lock the real user out before reaching it). Counted for any
 * name, existing or not, so a lockout never tells which accounts exist.
 *
 * Each decision is one statement taken after the password was verified, so parallel attempts cannot slip past a
 * lock another attempt has just set: failures are counted by one upsert that returns the new counts, and a right
 * password is let in by one statement that checks both locks as it clears the address's count.
 */

export interface ThrottlePolicy {
  /** Failures of one name from one address before it is locked there. */
  addressThreshold: number;
  /** Failures of one name from all addresses before it is locked everywhere. */
  accountThreshold: number;
  /** How long a lock lasts, and how long failures are remembered without a new one. */
  lockoutMs: number;
}

export interface ThrottleKey {
  subject: string;
  address: string;
}

/** The throttle rows of a sign-in name from a client address (digests only: no email or address is stored). */
export function throttleKey(email: string, clientAddress: string | null): ThrottleKey {
  return { subject: sha256(email.trim().toLowerCase()), address: sha256(`address:${clientAddress ?? "unknown"}`) };
}

export interface FailureOutcome {
  /** Whether this failure was counted (false while a lock stood: it neither grows nor ends early). */
  counted: boolean;
  /** Set when the name is now locked, by this failure reaching a threshold or by an earlier lock. */
  locked: { retryAfterSeconds: number } | null;
}

/** The account a failed sign-in was for, when the name is one: its tenant's audit log records the failure. */
export interface FailedAccount {
  tenantId: string;
  userId: string;
  requestId: string;
}

/**
 * Counts a failed attempt, first for the name from this address, then (only if that was counted) for the name from
 * every address, so failures refused by a lock at one address never push the name toward its everywhere-lock. A lock
 * that has ended, or failures older than the lockout period, start counting from one again. For a real account the
 * same statement writes its audit event (`auth.accountLocked` for the failure that locked it, else
 * `auth.signInFailed`): an unknown name then costs exactly the same statement and commit, so time tells nothing.
 */
export async function recordFailure(
  db: Db,
  key: ThrottleKey,
  policy: ThrottlePolicy,
  now: Date,
  account: FailedAccount | null,
): Promise<FailureOutcome> {
  const address = countFailure(key.subject, key.address, policy.addressThreshold, policy.lockoutMs, now);
  const name = countFailure(key.subject, "", policy.accountThreshold, policy.lockoutMs, now);
  const rows = await db.$queryRaw<Array<{ lockedUntil: Date | null; counted: boolean }>>`
    WITH address_row AS (${address.upsert(Prisma.sql`VALUES (${address.values})`)}),
         name_row AS (${name.upsert(Prisma.sql`SELECT ${name.values} WHERE (SELECT counted FROM address_row)`)}),
         counted_rows AS (SELECT "lockedUntil", counted FROM address_row
                          UNION ALL SELECT "lockedUntil", counted FROM name_row),
         audited AS (
           INSERT INTO "AuditEvent" (id, "tenantId", "actorUserId", action, "targetType", "targetId", "requestId")
           SELECT gen_random_uuid(), ${account?.tenantId ?? null}::uuid, NULL,
                  CASE WHEN (SELECT bool_and(counted) AND bool_or("lockedUntil" > ${now}::timestamptz) FROM counted_rows)
                       THEN 'auth.accountLocked' ELSE 'auth.signInFailed' END,
                  'user', ${account?.userId ?? null}, ${account?.requestId ?? null}
            WHERE ${account?.tenantId ?? null}::uuid IS NOT NULL)
    SELECT "lockedUntil", counted FROM counted_rows`;
  return {
    counted: rows.length > 0 && rows.every((row) => row.counted),
    locked: lockedFor(
      rows.map((row) => row.lockedUntil),
      now,
    ),
  };
}

/** The upsert of one throttle row for one failure, returning its lock and whether the failure was counted. */
function countFailure(subject: string, address: string, threshold: number, lockoutMs: number, now: Date) {
  const lockUntil = new Date(now.getTime() + lockoutMs);
  const forgetBefore = new Date(now.getTime() - lockoutMs);
  // A lock that ended, or failures nobody added to for a lockout period, are forgotten: this one is the first.
  const failures = Prisma.sql`CASE WHEN t."lockedUntil" IS NOT NULL OR t."updatedAt" < ${forgetBefore} THEN 1
                                   ELSE t.failures + 1 END`;
  return {
    values: Prisma.sql`${subject}, ${address}, 1, ${threshold <= 1 ? lockUntil : null}::timestamptz, ${now}::timestamptz, true`,
    upsert: (source: Prisma.Sql) => Prisma.sql`
      INSERT INTO "SignInThrottle" AS t (subject, address, failures, "lockedUntil", "updatedAt", "lastCounted") ${source}
      ON CONFLICT (subject, address) DO UPDATE SET
        failures = CASE WHEN t."lockedUntil" > ${now} THEN t.failures ELSE ${failures} END,
        "lockedUntil" = CASE WHEN t."lockedUntil" > ${now} THEN t."lockedUntil"
                             WHEN ${failures} >= ${threshold}::int THEN ${lockUntil}::timestamptz
                             ELSE NULL END,
        -- The time of the last counted failure: left alone while a lock stands.
        "updatedAt" = CASE WHEN t."lockedUntil" > ${now} THEN t."updatedAt" ELSE ${now}::timestamptz END,
        "lastCounted" = NOT COALESCE(t."lockedUntil" > ${now}, false)
      RETURNING t."lockedUntil", t."lastCounted" AS counted`,
  };
}

function lockedFor(locks: ReadonlyArray<Date | null>, now: Date): { retryAfterSeconds: number } | null {
  const until = Math.max(0, ...locks.map((lock) => lock?.getTime() ?? 0));
  if (until <= now.getTime()) return null;
  return { retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) };
}

/**
 * For a right password: refuses while the name is locked here or everywhere (the seconds left), otherwise forgets
 * this address's failures, in one statement. The per-name count stays: only time ends a spread-out attack.
 */
export async function admitSuccess(db: Db, key: ThrottleKey, now: Date): Promise<{ retryAfterSeconds: number } | null> {
  const [row] = await db.$queryRaw<Array<{ until: Date | null }>>`
    WITH lock AS (
      SELECT max("lockedUntil") AS until FROM "SignInThrottle"
       WHERE subject = ${key.subject} AND address IN (${key.address}, '') AND "lockedUntil" > ${now}),
    cleared AS (
      DELETE FROM "SignInThrottle"
       WHERE subject = ${key.subject} AND address = ${key.address} AND (SELECT until FROM lock) IS NULL)
    SELECT until FROM lock`;
  return lockedFor([row?.until ?? null], now);
}

/** Lifts every lock and count of a name (an admin set a new password). */
export async function clearThrottle(db: Pick<Db, "$executeRaw">, email: string): Promise<void> {
  await db.$executeRaw`DELETE FROM "SignInThrottle" WHERE subject = ${sha256(email.trim().toLowerCase())}`;
}

/** Forgets rows nobody failed on for a lockout period and that hold no lock (housekeeping). */
export async function purgeThrottle(db: Db, now: Date, lockoutMs: number): Promise<number> {
  const before = new Date(now.getTime() - lockoutMs);
  return db.$executeRaw`
    DELETE FROM "SignInThrottle" WHERE "updatedAt" < ${before} AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now})`;
}
