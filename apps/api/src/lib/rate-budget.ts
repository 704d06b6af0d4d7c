import { type Db, Prisma } from "@allot/db";
import type { Clock } from "./clock.js";

/** A budget a request is counted against: its key (e.g. a session's id) and how many requests a window allows. */
export interface Allowance {
  key: string;
  limit: number;
}

export type Spend = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Thrown inside the transaction of a refused multi-budget spend, so the budgets it did count are rolled back. */
class Refused extends Error {
  constructor(readonly spend: Spend) {
    super("refused");
  }
}

/**
 * Fixed windows per key in PostgreSQL (table RateWindow), so every API process behind a load balancer spends from
 * the same budget: N processes allow the limit once, not N times. A request is let through only when every budget
 * it counts against has room, and then spends one of each; a refused request spends nothing, so a client that
 * keeps retrying is let in again when the window ends.
 *
 * One budget is one upsert statement. Several are the same statement in one short transaction that is rolled back
 * when any of them refuses (all or nothing); its rows are taken in key order, so two such requests never deadlock.
 *
 * Fixed windows rather than sliding ones: one row per key and one statement per request, at the price of allowing
 * up to twice the budget across a window edge, which is fine for budgets that only stop runaway scripts.
 */
export class RateBudget {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly windowMs = 60_000,
  ) {}

  async spend(allowances: readonly Allowance[]): Promise<Spend> {
    const now = this.clock.now();
    const sorted = [...allowances].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    if (sorted.length === 0) return { allowed: true };
    if (sorted.length === 1) {
      const [, rows] = await this.db.$transaction([noFlush(this.db), spendRows(this.db, sorted, now, this.windowMs)]);
      return decide(rows, now);
    }
    try {
      return await this.db.$transaction(async (tx) => {
        await noFlush(tx);
        const spent = decide(await spendRows(tx, sorted, now, this.windowMs), now);
        if (!spent.allowed) throw new Refused(spent);
        return spent;
      });
    } catch (error) {
      if (error instanceof Refused) return error.spend;
      throw error;
    }
  }
}

/**
 * A budget counter needs no durability (a crash at worst forgets the current windows): its commit need not wait
 * for the WAL to reach the disk, which is most of what an upsert costs on a busy server.
 */
function noFlush(db: Pick<Db, "$executeRaw">) {
  return db.$executeRaw`SET LOCAL synchronous_commit TO OFF`;
}

interface SpentRow {
  endsAt: Date;
  lastAllowed: boolean;
}

/**
 * One upsert of every key's window: an ended window (or one that starts after `now`: the clock was set back) starts
 * afresh with this request; a live one counts it only while it has room. Returns each key's answer.
 */
function spendRows(db: Pick<Db, "$queryRaw">, allowances: readonly Allowance[], now: Date, windowMs: number) {
  const endsAt = new Date(now.getTime() + windowMs);
  const values = Prisma.join(allowances.map((a) => Prisma.sql`(${a.key}, ${a.limit}::int)`));
  const live = Prisma.sql`(w."startedAt" <= ${now}::timestamptz AND ${now}::timestamptz < w."endsAt")`;
  return db.$queryRaw<SpentRow[]>`
    INSERT INTO "RateWindow" AS w (key, "startedAt", "endsAt", used, capacity, "lastAllowed")
    SELECT v.key, ${now}::timestamptz, ${endsAt}::timestamptz, 1, v.capacity, true
      FROM (VALUES ${values}) AS v(key, capacity) ORDER BY v.key
    ON CONFLICT (key) DO UPDATE SET
      used = CASE WHEN NOT ${live} THEN 1 WHEN w.used < EXCLUDED.capacity THEN w.used + 1 ELSE w.used END,
      "startedAt" = CASE WHEN ${live} THEN w."startedAt" ELSE EXCLUDED."startedAt" END,
      "endsAt" = CASE WHEN ${live} THEN w."endsAt" ELSE EXCLUDED."endsAt" END,
      capacity = EXCLUDED.capacity,
      "lastAllowed" = NOT ${live} OR w.used < EXCLUDED.capacity
    RETURNING w."endsAt", w."lastAllowed"`;
}

/** Allowed when every window let the request through; otherwise the longest wait of the windows that refused. */
function decide(rows: readonly SpentRow[], now: Date): Spend {
  const refused = rows.filter((row) => !row.lastAllowed);
  if (refused.length === 0) return { allowed: true };
  const waitMs = Math.max(...refused.map((row) => row.endsAt.getTime() - now.getTime()));
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}

/**
 * Counts one hit of a key in its fixed window whatever the outcome (the @fastify/rate-limit contract: over the
 * limit, the count goes on growing) and returns the window's count and milliseconds left.
 */
export async function countHit(
  db: Db,
  key: string,
  now: Date,
  windowMs: number,
  max: number,
): Promise<{ current: number; ttl: number }> {
  const endsAt = new Date(now.getTime() + windowMs);
  const live = Prisma.sql`(w."startedAt" <= ${now}::timestamptz AND ${now}::timestamptz < w."endsAt")`;
  const [, [row]] = await db.$transaction([
    noFlush(db),
    db.$queryRaw<Array<{ used: number; endsAt: Date }>>`
    INSERT INTO "RateWindow" AS w (key, "startedAt", "endsAt", used, capacity, "lastAllowed")
    VALUES (${key}, ${now}::timestamptz, ${endsAt}::timestamptz, 1, ${max}::int, ${max >= 1})
    ON CONFLICT (key) DO UPDATE SET
      used = CASE WHEN ${live} THEN w.used + 1 ELSE 1 END,
      "startedAt" = CASE WHEN ${live} THEN w."startedAt" ELSE EXCLUDED."startedAt" END,
      "endsAt" = CASE WHEN ${live} THEN w."endsAt" ELSE EXCLUDED."endsAt" END,
      capacity = EXCLUDED.capacity,
      "lastAllowed" = CASE WHEN ${live} THEN w.used < EXCLUDED.capacity ELSE EXCLUDED.capacity >= 1 END
    RETURNING w.used, w."endsAt"`,
  ]);
  if (!row) throw new Error("the rate window upsert returned no row");
  return { current: row.used, ttl: Math.max(0, row.endsAt.getTime() - now.getTime()) };
}

/** Forgets windows that have ended (housekeeping, server time: a budget window is a security timer). */
export function purgeRateWindows(db: Pick<Db, "$executeRaw">, now: Date): Promise<number> {
  return db.$executeRaw`DELETE FROM "RateWindow" WHERE "endsAt" < ${now}::timestamptz`;
}
