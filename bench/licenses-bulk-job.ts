// A background bulk license job (POST /licenses/bulkJobs) from the admin's POST to its first chunk's commit and to
// its end, for a small job and a 10,000-user job, with the connections the API holds meanwhile; next to one
// set-based INSERT … SELECT on raw pg for 10,000 other users. BENCH_API_SRC runs an older apps/api/src for a
// before/after comparison.
import type pg from "pg";
import { ApiClient } from "./lib/api.js";
import { addUsers, checkCounter, environmentLine, median, withLicensingBench } from "./lib/licensing.js";
import { ms, table } from "./lib/stats.js";

export const description =
  "Bulk license job: POST → first chunk committed → job done (10 and 10,000 users), connections held; raw INSERT…SELECT baseline";

const BIG = 10_000;
const SMALL = 10;
const BIG_RUNS = 2;
const SMALL_RUNS = 5;
const SKU = "VISIOCLIENT";

const INSERT_SELECT = `INSERT INTO "LicenseAssignment" (id, "tenantId", "userId", "productId", "disabledServicePlanIds", state, "updatedAt")
  SELECT gen_random_uuid(), u."tenantId", u.id, $3::uuid, '{}', 'active', now()
    FROM "User" u WHERE u."tenantId" = $1::uuid AND u.id = ANY($2::uuid[]) AND u."deletedAt" IS NULL`;

interface JobRun {
  firstChunkMs: number;
  doneMs: number;
  peakConnections: number;
}

async function rawInsert(pool: pg.Pool, tenantId: string, productId: string, userIds: string[]): Promise<number> {
  const client = await pool.connect();
  const start = performance.now();
  try {
    await client.query("BEGIN");
    await client.query(
      `SELECT 1 FROM "TenantProduct" WHERE "tenantId" = $1::uuid AND "productId" = $2::uuid FOR UPDATE`,
      [tenantId, productId],
    );
    const inserted = await client.query(INSERT_SELECT, [tenantId, userIds, productId]);
    await client.query(
      `UPDATE "TenantProduct" SET "consumedUnits" = "consumedUnits" + $3 WHERE "tenantId" = $1::uuid AND "productId" = $2::uuid`,
      [tenantId, productId, inserted.rowCount],
    );
    await client.query("COMMIT");
    return performance.now() - start;
  } finally {
    client.release();
  }
}

/** Posts the job, then watches its row (5 ms polls on the bench's own connection) and the API's connections. */
async function runJob(client: ApiClient, pool: pg.Pool, tenantId: string, skuId: string, userIds: string[]) {
  const t0 = performance.now();
  const posted = await client.request<{ id: string }>("POST", `/api/tenants/${tenantId}/licenses/bulkJobs`, {
    userIds,
    add: [{ skuId }],
  });
  if (posted.status !== 202) throw new Error(`bulkJobs answered ${posted.status}: ${JSON.stringify(posted.body)}`);
  const run: JobRun = { firstChunkMs: Number.NaN, doneMs: Number.NaN, peakConnections: 0 };
  for (;;) {
    const { rows } = await pool.query<{ processed: number; status: string; connections: number }>(
      `SELECT processed, status::text AS status,
              (SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database()
                  AND application_name <> 'bench-raw' AND pid <> pg_backend_pid()) AS connections
         FROM "LicenseJob" WHERE id = $1::uuid`,
      [posted.body.id],
    );
    const row = rows[0];
    if (!row) throw new Error("job row missing");
    const now = performance.now() - t0;
    run.peakConnections = Math.max(run.peakConnections, row.connections);
    if (row.processed > 0 && Number.isNaN(run.firstChunkMs)) run.firstChunkMs = now;
    if (row.status === "succeeded" || row.status === "failed") {
      if (row.status === "failed") throw new Error("job failed");
      run.doneMs = now;
      return run;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export default async function licensesBulkJob(): Promise<void> {
  await withLicensingBench({ sku: SKU, poolMax: 3 }, async ({ directory, pool, api, tenantId, benched, context }) => {
    const client = new ApiClient(api.baseUrl);
    const ctx = await context();
    await pool.query(`SET application_name = 'bench-raw'`);
    await client.login(directory.admin.email, directory.admin.password);
    const small: JobRun[] = [];
    const big: JobRun[] = [];
    const raw: number[] = [];
    await runJob(client, pool, tenantId, benched.skuId, await addUsers(pool, tenantId, SMALL, "job-warm"));
    for (let k = 0; k < SMALL_RUNS; k++) {
      small.push(
        await runJob(client, pool, tenantId, benched.skuId, await addUsers(pool, tenantId, SMALL, `job-s${k}`)),
      );
    }
    for (let k = 0; k < BIG_RUNS; k++) {
      const jobUsers = await addUsers(pool, tenantId, BIG, `job-b${k}`);
      const rawUsers = await addUsers(pool, tenantId, BIG, `job-r${k}`);
      await pool.query(`VACUUM (ANALYZE) "User", "LicenseAssignment"`);
      big.push(await runJob(client, pool, tenantId, benched.skuId, jobUsers));
      raw.push(await rawInsert(pool, tenantId, ctx.productId, rawUsers));
      process.stdout.write(
        `licenses-bulk-job: run ${k + 1}: job ${ms(big[k]?.doneMs ?? Number.NaN)} ms, raw ${ms(raw[k] ?? Number.NaN)} ms\n`,
      );
    }
    await checkCounter(pool, tenantId, benched.id);
    const out = ["", await environmentLine(pool, `API from ${api.source}, Prisma pool 10`), ""];
    const line = (name: string, runs: JobRun[]) => [
      name,
      `${ms(median(runs.map((r) => r.firstChunkMs)))} ms`,
      `${ms(median(runs.map((r) => r.doneMs)))} ms`,
      `${Math.max(...runs.map((r) => r.peakConnections))}`,
    ];
    out.push(
      table(
        ["job (median)", "POST → first chunk", "POST → done", "API connections (peak)"],
        [line(`${SMALL} users ×${SMALL_RUNS}`, small), line(`${BIG} users ×${BIG_RUNS}`, big)],
      ),
    );
    const rawMedian = median(raw);
    const bigMedian = median(big.map((r) => r.doneMs));
    out.push(
      `raw INSERT…SELECT of ${BIG} users: ${ms(rawMedian)} ms; job/raw ${(bigMedian / rawMedian).toFixed(1)}× ` +
        `(${Math.round((BIG / bigMedian) * 1000)} users/s)`,
    );
    process.stdout.write(`${out.join("\n")}\n`);
  });
}
