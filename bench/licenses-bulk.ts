// Bulk assignment of one product to 10,000 users in one call (POST /licenses/bulk, atomic) next to one set-based
// INSERT … SELECT on raw pg for 10,000 other users.
import type pg from "pg";
import { ApiClient } from "./lib/api.js";
import {
  addUsers,
  checkCounter,
  databaseMs,
  environmentLine,
  type LicensingContext,
  mark,
  median,
  statementTable,
  withLicensingBench,
} from "./lib/licensing.js";
import { type CapturedStatement, captureSql } from "./lib/sql-capture.js";
import { ms, table } from "./lib/stats.js";

export const description = "Bulk assign of 10,000 users in one call: API (HTTP) vs one INSERT … SELECT on raw pg";

const USERS = 10_000;
const RUNS = 3;
const WARMUP_USERS = 1_000;
/** Issue 19: bulk 10,000 ≤ 2× one INSERT … SELECT. */
const TARGET_RATIO = 2;
const SKU = "VISIOCLIENT";

const ASSIGNABLE = `s.state IN ('active', 'expired') AND (s.source <> 'selfService' OR s."takenOverAt" IS NOT NULL)`;
const LOCK_SEAT = `SELECT "consumedUnits" FROM "TenantProduct" WHERE "tenantId" = $1::uuid AND "productId" = $2::uuid FOR UPDATE`;
const INSERT_SELECT = `INSERT INTO "LicenseAssignment" (id, "tenantId", "userId", "productId", "disabledServicePlanIds", state, "updatedAt")
  SELECT gen_random_uuid(), u."tenantId", u.id, $3::uuid, '{}', 'active', now()
    FROM "User" u WHERE u."tenantId" = $1::uuid AND u.id = ANY($2::uuid[]) AND u."deletedAt" IS NULL`;
const BUMP_COUNTER = `UPDATE "TenantProduct" tp SET "consumedUnits" = tp."consumedUnits" + $3::int
  WHERE tp."tenantId" = $1::uuid AND tp."productId" = $2::uuid
    AND tp."consumedUnits" + $3::int <= (SELECT COALESCE(SUM(s.seats), 0) FROM "Subscription" s
                                        WHERE s."tenantId" = tp."tenantId" AND s."productId" = tp."productId" AND ${ASSIGNABLE})`;
// The fuller baseline also does what the API must on top: lock the users and write one audit event per user.
const LOCK_USERS = `SELECT id FROM "User" WHERE "tenantId" = $1::uuid AND id = ANY($2::uuid[]) AND "deletedAt" IS NULL ORDER BY id FOR NO KEY UPDATE`;
const AUDIT_PER_USER = `INSERT INTO "AuditEvent" (id, "tenantId", "actorUserId", action, "targetType", "targetId", "productIds", before, after, "requestId")
  SELECT gen_random_uuid(), $1::uuid, $2::uuid, 'user.licensesChanged', 'user', x.id::text, ARRAY[$3::uuid],
         '{"licenses":[]}'::jsonb, jsonb_build_object('licenses', jsonb_build_array(jsonb_build_object('skuId', $4::text, 'disabledPlans', '[]'::jsonb))), $5
    FROM unnest($6::uuid[]) AS x(id)`;

async function rawBulk(
  pool: pg.Pool,
  ctx: LicensingContext,
  userIds: string[],
  full: boolean,
  tag: string,
): Promise<number> {
  const client = await pool.connect();
  const start = performance.now();
  try {
    await client.query("BEGIN");
    if (full) {
      const locked = await client.query(LOCK_USERS, [ctx.tenantId, userIds]);
      if (locked.rowCount !== userIds.length) throw new Error(`raw: ${locked.rowCount} of ${userIds.length} users`);
    }
    await client.query(LOCK_SEAT, [ctx.tenantId, ctx.productId]);
    const inserted = await client.query(INSERT_SELECT, [ctx.tenantId, userIds, ctx.productId]);
    if (inserted.rowCount !== userIds.length) throw new Error(`raw: inserted ${inserted.rowCount}`);
    const bumped = await client.query(BUMP_COUNTER, [ctx.tenantId, ctx.productId, inserted.rowCount]);
    if (bumped.rowCount !== 1) throw new Error("raw: the guarded counter update refused");
    if (full) {
      await client.query(AUDIT_PER_USER, [ctx.tenantId, ctx.actorId, ctx.productId, ctx.skuId, tag, userIds]);
    }
    await client.query("COMMIT");
    return performance.now() - start;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

interface ApiRun {
  ms: number;
  statements: CapturedStatement[];
  t0: number;
}

interface BulkReport {
  applied: boolean;
  summary: { users: number; succeeded: number; failed: number };
}

async function apiBulk(client: ApiClient, pool: pg.Pool, ctx: LicensingContext, userIds: string[]): Promise<ApiRun> {
  const body = { userIds, add: [{ skuId: ctx.skuId }], mode: "add", atomic: true, dryRun: false };
  const t0 = performance.now();
  const { result, statements } = await captureSql(() =>
    client.request<BulkReport>("POST", `/api/tenants/${ctx.tenantId}/licenses/bulk`, body),
  );
  const elapsed = performance.now() - t0;
  if (result.status !== 200 || !result.body.applied || result.body.summary.succeeded !== userIds.length) {
    throw new Error(`bulk answered ${result.status}: ${JSON.stringify(result.body).slice(0, 400)}`);
  }
  const { rows } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "LicenseAssignment" WHERE "userId" = ANY($1::uuid[]) AND "productId" = $2 AND state = 'active'`,
    [userIds, ctx.productId],
  );
  if (rows[0]?.n !== userIds.length)
    throw new Error(`after bulk, ${rows[0]?.n} of ${userIds.length} users hold ${SKU}`);
  return { ms: elapsed, statements, t0 };
}

export default async function licensesBulk(): Promise<void> {
  const started = performance.now();
  await withLicensingBench(
    { sku: SKU, poolMax: 3 },
    async ({ directory, pool, api, tenantId, benched: visio, context }) => {
      const client = new ApiClient(api.baseUrl);
      try {
        const batch = (tag: string, n = USERS) => addUsers(pool, tenantId, n, tag);
        const warm = {
          api: await batch("bulk-warm-api", WARMUP_USERS),
          raw: await batch("bulk-warm-raw", WARMUP_USERS),
        };
        const runs: Array<{ api: string[]; raw: string[]; full: string[] }> = [];
        for (let k = 0; k < RUNS; k++) {
          runs.push({
            api: await batch(`bulk-api-${k}`),
            raw: await batch(`bulk-raw-${k}`),
            full: await batch(`bulk-full-${k}`),
          });
        }
        await pool.query(`VACUUM (ANALYZE) "User", "TenantProduct", "Subscription", "LicenseAssignment"`);
        const ctx = await context();
        process.stdout.write(
          `licenses-bulk: database ready (${directory.counts.users + 2 * WARMUP_USERS + 3 * RUNS * USERS} users) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
        );
        await client.login(directory.admin.email, directory.admin.password);

        await apiBulk(client, pool, ctx, warm.api);
        await rawBulk(pool, ctx, warm.raw, true, "warm");
        const apiRuns: ApiRun[] = [];
        const rawMs: number[] = [];
        const fullMs: number[] = [];
        const fullRuns: ApiRun[] = [];
        for (let k = 0; k < RUNS; k++) {
          const run = runs[k] as { api: string[]; raw: string[]; full: string[] };
          apiRuns.push(await apiBulk(client, pool, ctx, run.api));
          rawMs.push(await rawBulk(pool, ctx, run.raw, false, `raw-${k}`));
          const t0 = performance.now();
          const full = await captureSql(() => rawBulk(pool, ctx, run.full, true, `full-${k}`));
          fullMs.push(full.result);
          fullRuns.push({ ms: full.result, statements: full.statements, t0 });
          process.stdout.write(
            `licenses-bulk: run ${k + 1}: API ${ms(apiRuns[k]?.ms ?? Number.NaN)} ms, raw ${ms(rawMs[k] ?? Number.NaN)} ms, raw + locks + audit ${ms(fullMs[k] ?? Number.NaN)} ms\n`,
          );
        }
        await checkCounter(pool, tenantId, visio.id);

        // ── Report ──
        const apiMedian = median(apiRuns.map((r) => r.ms));
        const rawMedian = median(rawMs);
        const fullMedian = median(fullMs);
        const ratio = apiMedian / rawMedian;
        const out: string[] = [""];
        out.push(
          await environmentLine(
            pool,
            `API from ${api.source}, Prisma pool 10, 1 keep-alive HTTP connection, runs in sequence`,
          ),
        );
        out.push(
          `Data: Bench Corp ${directory.counts.benchUsers} users + fresh licensable users (${USERS} per run and per side); one ${SKU} subscription of 1,000,000 seats; ` +
            `${RUNS} runs each after a ${WARMUP_USERS}-user warm-up; body {userIds: ${USERS} ids, add: [{skuId}], mode: "add", atomic: true, dryRun: false}`,
        );
        out.push(
          "Baseline: BEGIN; lock the seat row; INSERT INTO LicenseAssignment … SELECT … FROM User WHERE id = ANY($ids); guarded counter UPDATE; COMMIT. " +
            "'raw + locks + audit' also locks the users (FOR NO KEY UPDATE) and writes one audit event per user, as the API must.",
        );
        out.push("");
        const rows = apiRuns.map((r, k) => [
          `run ${k + 1}`,
          `${ms(r.ms)} ms`,
          `${ms(rawMs[k] as number)} ms`,
          `${ms(fullMs[k] as number)} ms`,
          `${(r.ms / (rawMs[k] as number)).toFixed(1)}×`,
          `${(r.ms / (fullMs[k] as number)).toFixed(1)}×`,
        ]);
        rows.push([
          "median",
          `${ms(apiMedian)} ms`,
          `${ms(rawMedian)} ms`,
          `${ms(fullMedian)} ms`,
          `${ratio.toFixed(1)}×`,
          `${(apiMedian / fullMedian).toFixed(1)}×`,
        ]);
        out.push(
          table(
            ["", "API (HTTP)", "raw INSERT…SELECT", "raw + locks + audit", "API/raw", "API/(raw + locks + audit)"],
            rows,
          ),
        );
        out.push(`Target: API ≤ ${TARGET_RATIO}× baseline: ${ratio.toFixed(1)}× ${mark(ratio <= TARGET_RATIO)}`);

        const medianRun = [...apiRuns].sort((a, b) => a.ms - b.ms)[Math.floor(apiRuns.length / 2)] as ApiRun;
        const db = databaseMs(medianRun.statements);
        out.push("");
        out.push(
          `The median API run statement by statement (${ms(medianRun.ms)} ms end to end: ${ms(db)} ms in ${medianRun.statements.length} SQL statements, ` +
            `${ms(medianRun.ms - db)} ms elsewhere: HTTP, JSON and zod on ${USERS} ids, the domain validator, the ${USERS}-result report):`,
        );
        out.push(statementTable(medianRun.statements, medianRun.t0));
        const medianFull = [...fullRuns].sort((a, b) => a.ms - b.ms)[Math.floor(fullRuns.length / 2)] as ApiRun;
        out.push("");
        out.push(`The median 'raw + locks + audit' run (${ms(medianFull.ms)} ms), for comparison:`);
        out.push(statementTable(medianFull.statements, medianFull.t0));
        out.push("");
        out.push(`licenses-bulk: total ${((performance.now() - started) / 1000).toFixed(1)} s`);
        process.stdout.write(`${out.join("\n")}\n`);
      } finally {
        client.close();
      }
    },
  );
}
