// Fixtures and helpers shared by the licensing benches (licenses-*.ts): products, seats, fresh users and groups
// loaded with set-based SQL, a concurrent runner, and readers of captured SQL (per-statement timings, how long a
// transaction held the seat row lock).
import os from "node:os";
import pg from "pg";
import { type RunningApi, startApi } from "./api.js";
import { serverVersion, withBenchDatabase } from "./database.js";
import { type Directory, loadDirectory } from "./directory.js";
import type { CapturedStatement } from "./sql-capture.js";
import { ms, percentile, table } from "./stats.js";

type Db = pg.Pool | pg.PoolClient | pg.Client;

export interface Product {
  id: string;
  skuId: string;
  skuPartNumber: string;
}

export async function products(db: Db): Promise<Map<string, Product>> {
  const { rows } = await db.query<Product>(`SELECT id::text AS id, "skuId", "skuPartNumber" FROM "Product"`);
  return new Map(rows.map((row) => [row.skuPartNumber, row]));
}

export function product(catalog: ReadonlyMap<string, Product>, skuPartNumber: string): Product {
  const found = catalog.get(skuPartNumber);
  if (!found) throw new Error(`the catalog has no ${skuPartNumber}`);
  return found;
}

/** A new active admin subscription of `seats` seats, and the tenant × product seat row if missing. */
export async function addSeats(db: Db, tenantId: string, productId: string, seats: number): Promise<void> {
  await db.query(
    `INSERT INTO "Subscription" (id, "tenantId", "productId", seats, "billingTerm", "termStartsAt", "termEndsAt", "updatedAt")
     VALUES (gen_random_uuid(), $1, $2, $3, 'annual', now() - interval '10 days', now() + interval '355 days', now())`,
    [tenantId, productId, seats],
  );
  await db.query(`INSERT INTO "TenantProduct" ("tenantId", "productId") VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
    tenantId,
    productId,
  ]);
}

/**
 * `count` new licensable users (members with a usage location, no licenses) in the tenant; `tag` keeps their
 * emails unique. Returns their ids.
 */
export async function addUsers(db: Db, tenantId: string, count: number, tag: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO "User" (id, "tenantId", "displayName", email, "userType", "usageLocation", "updatedAt")
     SELECT gen_random_uuid(), $1, 'Licensee ' || $2 || ' ' || g, 'licensee.' || $2 || '.' || g || '@bench.test',
            'member', (ARRAY['US', 'NL', 'DE', 'FR', 'GB'])[1 + g % 5], now()
       FROM generate_series(1, $3::int) AS g
     RETURNING id::text AS id`,
    [tenantId, tag, count],
  );
  return rows.map((row) => row.id);
}

/** A group with these members, written directly (setup, not measured). Returns its id. */
export async function addGroup(db: Db, tenantId: string, displayName: string, userIds: readonly string[]) {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO "Group" (id, "tenantId", "displayName", "updatedAt") VALUES (gen_random_uuid(), $1, $2, now())
     RETURNING id::text AS id`,
    [tenantId, displayName],
  );
  const groupId = (rows[0] as { id: string }).id;
  await db.query(`INSERT INTO "GroupMember" ("tenantId", "groupId", "userId") SELECT $3, $1, unnest($2::uuid[])`, [
    groupId,
    userIds,
    tenantId,
  ]);
  return groupId;
}

/**
 * The seat counter must equal the number of distinct users holding the product (an assignment not in error):
 * throws when it does not, so a bench never reports figures of a run that broke the invariant.
 */
export async function checkCounter(db: Db, tenantId: string, productId: string): Promise<number> {
  const { rows } = await db.query<{ consumed: number; holders: number }>(
    `SELECT (SELECT "consumedUnits" FROM "TenantProduct" WHERE "tenantId" = $1 AND "productId" = $2) AS consumed,
            (SELECT count(DISTINCT "userId") FROM "LicenseAssignment"
              WHERE "tenantId" = $1 AND "productId" = $2 AND state <> 'error')::int AS holders`,
    [tenantId, productId],
  );
  const row = rows[0] as { consumed: number; holders: number };
  if (row.consumed !== row.holders) {
    throw new Error(`TenantProduct.consumedUnits is ${row.consumed} but ${row.holders} users hold the product`);
  }
  return row.holders;
}

/**
 * Runs `concurrency` workers until `deadline` (performance.now()) or until `task` answers false (no more work);
 * a worker's error stops all of them and is rethrown.
 */
export async function runConcurrently(
  concurrency: number,
  deadline: number,
  task: (worker: number) => Promise<boolean>,
): Promise<void> {
  let failed: unknown = null;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (failed === null && performance.now() < deadline) {
        try {
          if (!(await task(worker))) return;
        } catch (error) {
          failed ??= error;
        }
      }
    }),
  );
  if (failed !== null) throw failed;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export const mark = (ok: boolean) => (ok ? "✓ met" : "✗ not met");

/** One line on the machine the figures come from (load average included: other work may share the machine). */
export async function environmentLine(pool: pg.Pool, extra: string): Promise<string> {
  return (
    `Environment: node ${process.version} · PostgreSQL ${await serverVersion(pool)} · ${os.availableParallelism()} cores ` +
    `(${os.cpus()[0]?.model.trim() ?? "?"}) · load average ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")} · ${extra}`
  );
}

// ── Reading captured SQL ──

/**
 * A statement that locks seat rows: SELECT … FOR UPDATE on TenantProduct (the API's lockSeats, the baselines'
 * equivalent), or the counter UPDATE itself when nothing locked the row before.
 */
export const isSeatLock = (text: string) =>
  /FROM "TenantProduct"[\s\S]*FOR UPDATE/.test(text) || /^\s*UPDATE "TenantProduct"/.test(text);
const isBegin = (text: string) => /^\s*BEGIN\b/i.test(text);
const isEnd = (text: string) => /^\s*(COMMIT|ROLLBACK)\b/i.test(text);

export interface TransactionTiming {
  /** From BEGIN sent to COMMIT answered. */
  totalMs: number;
  /** How long the seat-lock statement took (mostly waiting for the lock under contention). */
  lockWaitMs: number;
  /** From the seat lock granted (statement answered) to COMMIT answered: the time others queue behind. */
  lockHoldMs: number;
  /** Statements sent while holding the seat lock, COMMIT included. */
  statementsUnderLock: number;
  statements: number;
}

/** Splits captured statements into transactions per connection and times each one that locked seat rows. */
export function seatTransactions(statements: readonly CapturedStatement[]): TransactionTiming[] {
  const open = new Map<number, CapturedStatement[]>();
  const out: TransactionTiming[] = [];
  for (const statement of [...statements].sort((a, b) => a.startedAt - b.startedAt)) {
    if (isBegin(statement.text)) {
      open.set(statement.connection, [statement]);
      continue;
    }
    const current = open.get(statement.connection);
    if (!current) continue;
    current.push(statement);
    if (!isEnd(statement.text)) continue;
    open.delete(statement.connection);
    const lockAt = current.findIndex((s) => isSeatLock(s.text));
    const lock = current[lockAt];
    const begin = current[0] as CapturedStatement;
    if (!lock || !Number.isFinite(statement.endedAt) || !Number.isFinite(lock.endedAt)) continue;
    out.push({
      totalMs: statement.endedAt - begin.startedAt,
      lockWaitMs: lock.endedAt - lock.startedAt,
      lockHoldMs: statement.endedAt - lock.endedAt,
      statementsUnderLock: current.length - lockAt - 1,
      statements: current.length,
    });
  }
  return out;
}

export interface LockSummary {
  transactions: number;
  statements: number;
  statementsUnderLock: number;
  holdP50: number;
  holdMean: number;
  waitP50: number;
  /** What one seat row allows at most when every transaction takes it: 1000 / mean hold (ms). */
  ceilingPerSecond: number;
}

export function summarizeLocks(timings: readonly TransactionTiming[]): LockSummary {
  const hold = timings.map((t) => t.lockHoldMs).sort((a, b) => a - b);
  const wait = timings.map((t) => t.lockWaitMs).sort((a, b) => a - b);
  const mean = hold.reduce((s, x) => s + x, 0) / (hold.length || 1);
  return {
    transactions: timings.length,
    statements: median(timings.map((t) => t.statements)),
    statementsUnderLock: median(timings.map((t) => t.statementsUnderLock)),
    holdP50: percentile(hold, 50),
    holdMean: mean,
    waitP50: percentile(wait, 50),
    ceilingPerSecond: 1000 / mean,
  };
}

/** A statement on one line, whitespace squeezed, cut to `width` characters. */
export function oneLine(text: string, width = 110): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
}

/**
 * The statements of one request or run in the order sent: connection, start offset, duration, the text; those
 * sent while the seat row lock was held are marked with *.
 */
export function statementTable(statements: readonly CapturedStatement[], t0: number): string {
  const sorted = [...statements].sort((a, b) => a.startedAt - b.startedAt);
  const lockedFrom = new Map<number, boolean>();
  const rows = sorted.map((s, index) => {
    const locked = lockedFrom.get(s.connection) ?? false;
    if (isSeatLock(s.text)) lockedFrom.set(s.connection, true);
    if (isEnd(s.text)) lockedFrom.set(s.connection, false);
    return [
      String(index + 1),
      `c${s.connection}`,
      `${ms(s.startedAt - t0)} ms`,
      `${ms(s.endedAt - s.startedAt)} ms`,
      `${locked ? "*" : " "} ${oneLine(s.text)}`,
    ];
  });
  return table(["#", "conn", "sent at", "took", "  statement (* = while holding the seat row lock)"], rows);
}

/** Sum of statement durations (what the database and the wire took) per connection, for a run's breakdown. */
export function databaseMs(statements: readonly CapturedStatement[]): number {
  return statements.reduce((sum, s) => sum + (Number.isFinite(s.endedAt) ? s.endedAt - s.startedAt : 0), 0);
}

/** The slowest statement of a capture (COMMIT aside), with its duration. */
export function slowest(statements: readonly CapturedStatement[]): CapturedStatement | undefined {
  return [...statements]
    .filter((s) => !isEnd(s.text) && Number.isFinite(s.endedAt))
    .sort((a, b) => b.endedAt - b.startedAt - (a.endedAt - a.startedAt))[0];
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of `text` in a transaction that first runs `setup` (e.g. the writes the API makes
 * before the statement, so the planner sees what it saw), then rolls everything back. Returns the plan's lines.
 */
export async function explainInTransaction(
  pool: pg.Pool,
  setup: (client: pg.PoolClient) => Promise<void>,
  text: string,
  values: unknown[],
): Promise<string[]> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await setup(client);
    const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values);
    return rows.map((row) => row["QUERY PLAN"]);
  } finally {
    await client.query("ROLLBACK").catch(() => undefined);
    client.release();
  }
}

/** Whom and what a licensing bench's requests and baseline transactions act as and on. */
export interface LicensingContext {
  tenantId: string;
  actorId: string;
  productId: string;
  skuId: string;
}

export interface LicensingBench {
  directory: Directory;
  pool: pg.Pool;
  api: RunningApi;
  tenantId: string;
  /** The benched product, with a subscription of a million seats in the bench tenant. */
  benched: Product;
  /** The context of the runs, acting as the directory's admin (read once the fixtures are in). */
  context(): Promise<LicensingContext>;
}

/**
 * The start every assign/bulk/group bench shares: a bench database with the 10,000-user directory, a raw pool,
 * the API, and a million seats of the benched product; all torn down afterwards, also on failure.
 */
export async function withLicensingBench(
  options: { sku: string; poolMax: number },
  run: (bench: LicensingBench) => Promise<void>,
): Promise<void> {
  await withBenchDatabase(async (database) => {
    const directory = await loadDirectory(database.url, { benchUsers: 10_000, neighbourUsers: 2_000 });
    const pool = new pg.Pool({ connectionString: database.url, max: options.poolMax });
    const api = await startApi(database.url, 10);
    try {
      const tenantId = directory.bench.id;
      const benched = product(await products(pool), options.sku);
      await addSeats(pool, tenantId, benched.id, 1_000_000);
      const context = async (): Promise<LicensingContext> => {
        const { rows } = await pool.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [
          directory.admin.email,
        ]);
        return { tenantId, actorId: (rows[0] as { id: string }).id, productId: benched.id, skuId: benched.skuId };
      };
      await run({ directory, pool, api, tenantId, benched, context });
    } finally {
      await api.close();
      await pool.end();
    }
  });
}
