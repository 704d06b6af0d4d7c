// Single-user assignLicense under concurrent load (8 in flight) through real HTTP, next to the same transaction on
// raw pg: every assignment of one product queues on its seat row, so throughput is bounded by how long each
// transaction holds that lock.
import type pg from "pg";
import { ApiClient } from "./lib/api.js";
import {
  addUsers,
  checkCounter,
  environmentLine,
  type LicensingContext,
  type LockSummary,
  mark,
  median,
  runConcurrently,
  seatTransactions,
  statementTable,
  summarizeLocks,
  withLicensingBench,
} from "./lib/licensing.js";
import { profiled } from "./lib/profile.js";
import { captureSql } from "./lib/sql-capture.js";
import { ms, summarize, table } from "./lib/stats.js";

export const description =
  "Single-user assignLicense, 8 in flight (ASSIGN_CONCURRENCY): API (HTTP) vs the same transaction on raw pg (req/s, p99)";

/** ASSIGN_CONCURRENCY=32 measures the per-product ceiling with more clients (the API's pool stays at 10). */
const CONCURRENCY = Number(process.env.ASSIGN_CONCURRENCY ?? 8);
const ROUNDS = 3;
/** Each timed pass runs this long (or until its fresh users run out). */
const PASS_MS = 4_000;
const WARMUP = 400;
/**
 * Fresh users set aside per pass: several times what a pass used on the 2-core machine this was written on (API
 * ~30/s, raw ~150/s); a pass that runs out stops early and says so (its rate stays valid).
 */
const API_USERS_PER_PASS = 1_500;
const RAW_USERS_PER_PASS = 4_000;
/** Issue 19: single assign at least 0.8× the hand-written transaction. */
const TARGET_RATIO = 0.8;
const SKU = "VISIOCLIENT";

// The baseline's statements: the API's own (apps/api/src/services/licenses/*), written once by hand.
const LOCK_USER = `SELECT id, "userType"::text AS "userType", "usageLocation" FROM "User"
  WHERE "tenantId" = $1::uuid AND id = $2::uuid AND "deletedAt" IS NULL FOR NO KEY UPDATE`;
const ASSIGNABLE = `s.state IN ('active', 'expired') AND (s.source <> 'selfService' OR s."takenOverAt" IS NOT NULL)`;
const LOCK_SEAT = `WITH locked AS (
    SELECT "tenantId", "productId", "consumedUnits" FROM "TenantProduct"
     WHERE "tenantId" = $1::uuid AND "productId" = ANY($2::uuid[]) ORDER BY "productId" FOR UPDATE)
  SELECT l."productId"::text AS "productId", l."consumedUnits",
         COALESCE(SUM(s.seats) FILTER (WHERE ${ASSIGNABLE}), 0)::int AS "assignableUnits"
    FROM locked l LEFT JOIN "Subscription" s ON s."tenantId" = l."tenantId" AND s."productId" = l."productId"
   GROUP BY l."productId", l."consumedUnits"`;
const INSERT_ASSIGNMENT = `INSERT INTO "LicenseAssignment" (id, "tenantId", "userId", "productId", "disabledServicePlanIds", state, "updatedAt")
  VALUES (gen_random_uuid(), $1::uuid, $2::uuid, $3::uuid, '{}', 'active', now())`;
const BUMP_COUNTER = `UPDATE "TenantProduct" tp SET "consumedUnits" = tp."consumedUnits" + 1
  WHERE tp."tenantId" = $1::uuid AND tp."productId" = $2::uuid
    AND tp."consumedUnits" + 1 <= (SELECT COALESCE(SUM(s.seats), 0) FROM "Subscription" s
                                   WHERE s."tenantId" = tp."tenantId" AND s."productId" = tp."productId" AND ${ASSIGNABLE})`;
const INSERT_AUDIT = `INSERT INTO "AuditEvent" (id, "tenantId", "actorUserId", action, "targetType", "targetId", "productIds", before, after, "requestId")
  VALUES (gen_random_uuid(), $1::uuid, $2::uuid, 'user.licensesChanged', 'user', $3, $4::uuid[], $5::jsonb, $6::jsonb, $7)`;

async function rawAssign(client: pg.PoolClient, ctx: LicensingContext, userId: string, n: number): Promise<void> {
  await client.query("BEGIN");
  try {
    const user = await client.query(LOCK_USER, [ctx.tenantId, userId]);
    if (user.rowCount !== 1) throw new Error(`raw: user ${userId} not found`);
    const seat = await client.query<{ consumedUnits: number; assignableUnits: number }>(LOCK_SEAT, [
      ctx.tenantId,
      [ctx.productId],
    ]);
    const row = seat.rows[0];
    if (!row || row.assignableUnits - row.consumedUnits < 1) throw new Error("raw: no seat left");
    await client.query(INSERT_ASSIGNMENT, [ctx.tenantId, userId, ctx.productId]);
    const bumped = await client.query(BUMP_COUNTER, [ctx.tenantId, ctx.productId]);
    if (bumped.rowCount !== 1) throw new Error("raw: the guarded counter update refused");
    await client.query(INSERT_AUDIT, [
      ctx.tenantId,
      ctx.actorId,
      userId,
      [ctx.productId],
      JSON.stringify({ licenses: [] }),
      JSON.stringify({ licenses: [{ skuId: ctx.skuId, disabledPlans: [] }] }),
      `raw-${n}`,
    ]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

interface Pass {
  n: number;
  seconds: number;
  perSecond: number;
  latencies: number[];
  locks: LockSummary;
  /** CPU time of this process (API and HTTP clients, or the pg driver) per request or transaction. */
  cpuMsPerTx: number;
  /** Share of the pass the event loop was busy (1 = saturated: requests queue for the one JS thread). */
  eventLoop: number;
}

/** Runs `CONCURRENCY` workers over `users` for PASS_MS (or `count` tasks), capturing the SQL to time seat locks. */
async function pass(users: readonly string[], work: (worker: number, userId: string) => Promise<void>, count?: number) {
  let next = 0;
  const latencies: number[] = [];
  const limit = Math.min(users.length, count ?? users.length);
  const cpu = process.cpuUsage();
  const elu = performance.eventLoopUtilization();
  const start = performance.now();
  const { statements } = await captureSql(() =>
    runConcurrently(CONCURRENCY, count === undefined ? start + PASS_MS : Number.POSITIVE_INFINITY, async (worker) => {
      if (next >= limit) return false;
      const userId = users[next++] as string;
      const t = performance.now();
      await work(worker, userId);
      latencies.push(performance.now() - t);
      return true;
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const loop = performance.eventLoopUtilization(elu);
  if (count === undefined && next >= limit) {
    process.stdout.write(`licenses-assign: a pass ran out of its ${limit} fresh users after ${seconds.toFixed(1)} s\n`);
  }
  return {
    n: latencies.length,
    seconds,
    perSecond: latencies.length / seconds,
    latencies,
    locks: summarizeLocks(seatTransactions(statements)),
    cpuMsPerTx: (used.user + used.system) / 1000 / Math.max(1, latencies.length),
    eventLoop: loop.utilization,
  } satisfies Pass;
}

export default async function licensesAssign(): Promise<void> {
  const started = performance.now();
  await withLicensingBench(
    { sku: SKU, poolMax: CONCURRENCY + 2 },
    async ({ directory, pool, api, tenantId, benched: visio, context }) => {
      const clients: ApiClient[] = [];
      const rawClients: pg.PoolClient[] = [];
      try {
        const perRound = API_USERS_PER_PASS + RAW_USERS_PER_PASS;
        const fresh = await addUsers(pool, tenantId, 2 * WARMUP + ROUNDS * perRound, "assign");
        await pool.query(`VACUUM (ANALYZE) "User", "TenantProduct", "Subscription"`);
        const ctx = await context();
        process.stdout.write(
          `licenses-assign: database ready (${directory.counts.users} users, ${fresh.length} fresh licensable ones) in ` +
            `${((performance.now() - started) / 1000).toFixed(1)} s\n`,
        );

        const first = new ApiClient(api.baseUrl);
        await first.login(directory.admin.email, directory.admin.password);
        clients.push(first);
        for (let k = 1; k < CONCURRENCY; k++) clients.push(first.fork());
        for (let k = 0; k < CONCURRENCY; k++) rawClients.push(await pool.connect());
        const body = (skuId: string) => ({ addLicenses: [{ skuId, disabledPlans: [] }], removeLicenses: [] });
        const apiWork = async (worker: number, userId: string) => {
          const response = await (clients[worker] as ApiClient).request<{
            assignedLicenses?: Array<{ skuId: string }>;
          }>("POST", `/api/tenants/${tenantId}/users/${userId}/assignLicense`, body(visio.skuId));
          if (response.status !== 200 || !response.body.assignedLicenses?.some((l) => l.skuId === visio.skuId)) {
            throw new Error(
              `assignLicense answered ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`,
            );
          }
        };
        let rawCount = 0;
        const rawWork = (worker: number, userId: string) =>
          rawAssign(rawClients[worker] as pg.PoolClient, ctx, userId, rawCount++);

        // Warm-up (JIT, pools, caches), then rounds of API and raw passes, alternating so both see the same load.
        await pass(fresh.slice(0, WARMUP), apiWork, WARMUP);
        await pass(fresh.slice(WARMUP, 2 * WARMUP), rawWork, WARMUP);
        const apiPasses: Pass[] = [];
        const rawPasses: Pass[] = [];
        for (let round = 0; round < ROUNDS; round++) {
          const base = 2 * WARMUP + round * perRound;
          apiPasses.push(
            await profiled(`assign-api-${round + 1}`, () =>
              pass(fresh.slice(base, base + API_USERS_PER_PASS), apiWork),
            ),
          );
          rawPasses.push(
            await profiled(`assign-raw-${round + 1}`, () =>
              pass(fresh.slice(base + API_USERS_PER_PASS, base + perRound), rawWork),
            ),
          );
          process.stdout.write(
            `licenses-assign: round ${round + 1}: API ${apiPasses[round]?.perSecond.toFixed(0)} req/s, raw ${rawPasses[round]?.perSecond.toFixed(0)} tx/s\n`,
          );
        }
        const holders = await checkCounter(pool, tenantId, visio.id);
        const expected = [...apiPasses, ...rawPasses].reduce((s, p) => s + p.n, 0) + 2 * WARMUP;
        if (holders !== expected) throw new Error(`${holders} users hold ${SKU}, expected ${expected}`);

        // One request alone (nothing in flight), statement by statement, for the breakdown.
        const lone = fresh[fresh.length - 1] as string;
        const t0 = performance.now();
        const { statements: loneStatements } = await captureSql(() => apiWork(0, lone));
        const loneMs = performance.now() - t0;
        const lonelyRaw = fresh[fresh.length - 2] as string;
        const t1 = performance.now();
        const { statements: rawStatements } = await captureSql(() => rawWork(0, lonelyRaw));
        const rawLoneMs = performance.now() - t1;

        // ── Report ──
        const out: string[] = [""];
        out.push(
          await environmentLine(
            pool,
            `API from ${api.source}, Prisma pool 10, ${CONCURRENCY} keep-alive HTTP connections (one session) vs ${CONCURRENCY} raw pg connections`,
          ),
        );
        out.push(
          `Data: Bench Corp ${directory.counts.benchUsers} users + ${fresh.length} fresh licensable users; one ${SKU} subscription of 1,000,000 seats; ` +
            `${ROUNDS} rounds of ${PASS_MS / 1000} s passes (API then raw), ${CONCURRENCY} in flight, after ${WARMUP} warm-up assignments each; every request assigns ${SKU} to a user without licenses`,
        );
        out.push(
          `Baseline (raw pg, one connection per worker): BEGIN; SELECT user FOR NO KEY UPDATE; SELECT seat row FOR UPDATE (+ assignable seats); INSERT assignment; guarded UPDATE counter; INSERT audit; COMMIT`,
        );
        out.push("");
        const rows = apiPasses.map((a, i) => {
          const r = rawPasses[i] as Pass;
          const sa = summarize(a.latencies);
          const sr = summarize(r.latencies);
          return [
            `round ${i + 1}`,
            `${a.perSecond.toFixed(0)}`,
            `${ms(sa.p50)} ms`,
            `${ms(sa.p99)} ms`,
            `${r.perSecond.toFixed(0)}`,
            `${ms(sr.p50)} ms`,
            `${ms(sr.p99)} ms`,
            `${(a.perSecond / r.perSecond).toFixed(2)}×`,
            `${a.n} / ${r.n}`,
          ];
        });
        const apiRate = median(apiPasses.map((p) => p.perSecond));
        const rawRate = median(rawPasses.map((p) => p.perSecond));
        const ratio = apiRate / rawRate;
        rows.push([
          "median",
          apiRate.toFixed(0),
          `${ms(median(apiPasses.map((p) => summarize(p.latencies).p50)))} ms`,
          `${ms(median(apiPasses.map((p) => summarize(p.latencies).p99)))} ms`,
          rawRate.toFixed(0),
          `${ms(median(rawPasses.map((p) => summarize(p.latencies).p50)))} ms`,
          `${ms(median(rawPasses.map((p) => summarize(p.latencies).p99)))} ms`,
          `${ratio.toFixed(2)}×`,
          "",
        ]);
        out.push(
          table(
            ["", "API req/s", "API p50", "API p99", "raw tx/s", "raw p50", "raw p99", "API/raw", "N (API / raw)"],
            rows,
          ),
        );
        out.push(
          `Target: API throughput ≥ ${TARGET_RATIO}× baseline: ${ratio.toFixed(2)}× ${mark(ratio >= TARGET_RATIO)}`,
        );
        out.push("");
        out.push(
          "Seat row lock (TenantProduct, one row for every request): held from the lock statement's answer to COMMIT's; one row serialises all assignments, so 1000 / mean hold is the ceiling. " +
            "Node CPU/tx and event loop busy: this process (API + HTTP clients, or the pg driver) during the passes; a busy loop near 100 % means requests queue for the one JS thread:",
        );
        const lockRow = (name: string, passes: Pass[]) => {
          const l = passes.map((p) => p.locks);
          return [
            name,
            String(median(l.map((x) => x.statements))),
            String(median(l.map((x) => x.statementsUnderLock))),
            `${ms(median(l.map((x) => x.holdP50)))} ms`,
            `${ms(median(l.map((x) => x.holdMean)))} ms`,
            `${ms(median(l.map((x) => x.waitP50)))} ms`,
            median(l.map((x) => x.ceilingPerSecond)).toFixed(0),
            median(passes.map((p) => p.perSecond)).toFixed(0),
            `${ms(median(passes.map((p) => p.cpuMsPerTx)))} ms`,
            `${(100 * median(passes.map((p) => p.eventLoop))).toFixed(0)} %`,
          ];
        };
        out.push(
          table(
            [
              "",
              "statements/tx",
              "statements under lock",
              "hold p50",
              "hold mean",
              "lock wait p50",
              "ceiling tx/s",
              "measured/s",
              "node CPU/tx",
              "event loop busy",
            ],
            [lockRow("API", apiPasses), lockRow("raw", rawPasses)],
          ),
        );
        out.push("");
        out.push(`One API request alone: ${ms(loneMs)} ms end to end, ${loneStatements.length} SQL statements:`);
        out.push(statementTable(loneStatements, t0));
        out.push("");
        out.push(`One baseline transaction alone: ${ms(rawLoneMs)} ms, ${rawStatements.length} statements:`);
        out.push(statementTable(rawStatements, t1));
        out.push("");
        out.push(`licenses-assign: total ${((performance.now() - started) / 1000).toFixed(1)} s`);
        process.stdout.write(`${out.join("\n")}\n`);
      } finally {
        for (const client of clients) client.close();
        for (const client of rawClients) client.release();
      }
    },
  );
}
