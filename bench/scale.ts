// A mixed admin workload (autocannon) against one real API process, then against two behind a real HAProxy:
// req/s, p50/p99, CPU ms per request of the API processes, the ratio 2 vs 1; next to the users-list statement on raw
// pg at the same concurrency, and the cost of a shared rate-budget spend. Afterwards the seat counters and job work
// are checked with SQL (throws if violated).
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import os from "node:os";
import { createDb } from "@allot/db";
import autocannon from "autocannon";
import pg from "pg";
import { MovableClock } from "../apps/api/src/lib/clock.js";
import { RateBudget } from "../apps/api/src/lib/rate-budget.js";
import { userPageQuery } from "../apps/api/src/services/users/users-page-query.js";
import { type ApiProcess, startApiProcess } from "../apps/api/test/api-process.js";
import { withBenchDatabase } from "./lib/database.js";
import { loadDirectory } from "./lib/directory.js";
import { startHaproxy } from "./lib/haproxy.js";
import { addSeats, addUsers, product, products } from "./lib/licensing.js";
import { ms, rng, summarize, table } from "./lib/stats.js";

export const description =
  "Mixed admin workload (autocannon): 1 API process vs 2 behind HAProxy (req/s, p50/p99, CPU ms/request), raw pg list baseline";

const USERS = Number(process.env.SCALE_USERS ?? 10_000);
const SECONDS = Number(process.env.SCALE_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.SCALE_CONNECTIONS ?? 16);
const WARMUP_SECONDS = 4;
const TOGGLE_USERS = 4_000;
const SKU = "VISIOCLIENT";
const CLOCK_TICKS = 100;

interface Run {
  name: string;
  processes: number;
  reqPerSec: number;
  total: number;
  p50: number;
  p99: number;
  non2xx: number;
  /** Answers by status code, e.g. "200:812 503:4". */
  statuses: string;
  errors: number;
  cpuMsPerRequest: number;
}

/** utime + stime of a process in ms (/proc/<pid>/stat fields 14 and 15, in clock ticks). */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

export default async function scale(): Promise<void> {
  await withBenchDatabase(async (database) => {
    const started = performance.now();
    const directory = await loadDirectory(database.url, { benchUsers: USERS, neighbourUsers: 2_000 });
    const pool = new pg.Pool({ connectionString: database.url, max: CONNECTIONS });
    const apis: ApiProcess[] = [];
    try {
      const tenantId = directory.bench.id;
      const visio = product(await products(pool), SKU);
      await addSeats(pool, tenantId, visio.id, 1_000_000);
      const toggles = await addUsers(pool, tenantId, TOGGLE_USERS, "scale");
      await pool.query("VACUUM ANALYZE");
      const jwk = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ format: "jwk" });
      // Budgets high enough that the bulk dry runs are counted (their cost is measured) but never refused.
      const env = {
        NODE_ENV: "development",
        TOKEN_SIGNING_KEYS: JSON.stringify([{ kid: randomUUID(), ...jwk }]),
        TRUST_PROXY: "1",
        BULK_RUNS_PER_MINUTE_PER_SESSION: "100000",
        BULK_RUNS_PER_MINUTE_PER_TENANT: "100000",
        BILLING_JOB_INTERVAL_MINUTES: "0",
        LOG_LEVEL: "warn",
      };
      apis.push(...(await Promise.all([1, 2].map((n) => startApiProcess(database.url, `allot-scale-${n}`, env)))));
      process.stdout.write(
        `scale: ${directory.counts.users} users (${USERS} in the bench tenant), 2 API processes started in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
      );

      const login = await fetch(`${apis[0]?.origin}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(directory.admin),
      });
      if (login.status !== 200) throw new Error(`sign-in answered ${login.status}: ${await login.text()}`);
      const cookie = (login.headers.getSetCookie().find((c) => c.startsWith("allot_session=")) ?? "").split(";")[0];
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const headers = { cookie: cookie as string, "x-csrf-token": csrfToken, accept: "application/json" };

      // The mix. One autocannon instance whose single request template is rewritten before every send
      // (setupRequest) by a weighted pick from a seeded RNG: the weights hold per request, not per connection, so a
      // slow kind of request cannot skew the mix the way fixed connection shares would (a connection stuck on slow
      // requests sends fewer of them). Assign/unassign walks a pool of users: pass k assigns when k is even and
      // unassigns when odd, so a user is never assigned twice and never two requests for one user are in flight.
      const random = rng(19);
      let toggle = 0;
      const json = (method: "POST", path: string, body: unknown) => ({
        method,
        path,
        headers: { ...headers, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      const next = (): Pick<autocannon.Request, "method" | "path" | "headers" | "body"> => {
        const r = random() * 100;
        if (r < 60) return { method: "GET", path: `/api/tenants/${tenantId}/users?limit=50`, headers };
        if (r < 85) {
          const i = toggle++;
          const userId = toggles[i % toggles.length] as string;
          const assign = Math.floor(i / toggles.length) % 2 === 0;
          const skus = [{ skuId: visio.skuId, disabledPlans: [] }];
          return json("POST", `/api/tenants/${tenantId}/users/${userId}/assignLicense`, {
            addLicenses: assign ? skus : [],
            removeLicenses: assign ? [] : [visio.skuId],
          });
        }
        if (r < 90) return { method: "GET", path: `/api/tenants/${tenantId}/subscribedSkus`, headers };
        if (r < 95) return { method: "GET", path: `/api/tenants/${tenantId}/licenseConflicts`, headers };
        const start = Math.floor(random() * (toggles.length - 10));
        return json("POST", `/api/tenants/${tenantId}/licenses/bulk`, {
          userIds: toggles.slice(start, start + 10),
          mode: "add",
          add: [{ skuId: visio.skuId }],
          dryRun: true,
        });
      };

      const load = (url: string, seconds: number) =>
        autocannon({
          url,
          connections: CONNECTIONS,
          duration: seconds,
          requests: [{ setupRequest: (request) => ({ ...request, ...next() }) }],
        });

      const measure = async (name: string, url: string, serving: ApiProcess[]): Promise<Run> => {
        await load(url, WARMUP_SECONDS);
        const before = serving.reduce((sum, api) => sum + cpuMs(api.child.pid as number), 0);
        const result = await load(url, SECONDS);
        const after = serving.reduce((sum, api) => sum + cpuMs(api.child.pid as number), 0);
        const run: Run = {
          name,
          processes: serving.length,
          // Successful answers only: a proxy's quick 503 is not throughput.
          reqPerSec: result["2xx"] / SECONDS,
          total: result.requests.total,
          p50: result.latency.p50,
          p99: result.latency.p99,
          non2xx: result.non2xx,
          statuses: Object.entries(result.statusCodeStats ?? {})
            .map(([code, stat]) => `${code}:${stat.count}`)
            .join(" "),
          errors: result.errors + result.timeouts,
          cpuMsPerRequest: (after - before) / Math.max(1, result.requests.total),
        };
        process.stdout.write(
          `scale: ${name}: ${run.reqPerSec.toFixed(0)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms, answers ${run.statuses}\n`,
        );
        return run;
      };

      const [one, two] = apis as [ApiProcess, ApiProcess];
      const runs: Run[] = [await measure("1 process, direct", one.origin, [one])];
      const single = await startHaproxy([one.origin]);
      try {
        runs.push(await measure("1 process, HAProxy", single.origin, [one]));
      } finally {
        await single.stop();
      }
      const both = await startHaproxy([one.origin, two.origin]);
      try {
        runs.push(await measure("2 processes, HAProxy", both.origin, [one, two]));
      } finally {
        await both.stop();
      }

      const raw = await rawListBaseline(pool, tenantId);
      const budget = await budgetCost(database.url);
      const invariants = await checkInvariants(pool);

      const base = runs[0] as Run;
      const out = [
        "",
        `scale: ${os.cpus().length} cores, ${CONNECTIONS} connections, ${SECONDS} s per run after ${WARMUP_SECONDS} s warm-up`,
        "mix: users list 60 %, assign/unassign 25 %, subscribedSkus 5 %, licenseConflicts 5 %, bulk dry run (10 users) 5 %",
        table(
          ["setup", "2xx req/s", "p50 ms", "p99 ms", "CPU ms/req", "non-2xx", "errors", "req/s vs 1 direct"],
          runs.map((run) => [
            run.name,
            run.reqPerSec.toFixed(0),
            String(run.p50),
            String(run.p99),
            run.cpuMsPerRequest.toFixed(2),
            String(run.non2xx),
            String(run.errors),
            `${(run.reqPerSec / base.reqPerSec).toFixed(2)}×`,
          ]),
        ),
        `raw pg baseline: the users-list statement alone, ${CONNECTIONS} clients for 5 s: ${raw.toFixed(0)} statements/s`,
        `shared rate budget (Prisma, this machine): SELECT 1 ${ms(budget.select1)} ms, spend of 1 budget ${ms(budget.one)} ms, ` +
          `of 2 budgets (one transaction, as the bulk/export routes do) ${ms(budget.two)} ms — added per budgeted request ≈ ${ms(budget.two)} ms`,
        `invariants: ${invariants.products} tenant products with consumedUnits = holders; ${invariants.jobs} license jobs with processed = results ≤ total ✓`,
      ];
      process.stdout.write(`${out.join("\n")}\n`);
    } finally {
      await Promise.all(apis.map((api) => api.kill()));
      await pool.end();
    }
  });
}

/** The list statement the API runs for the users page, straight on pg with the same concurrency. */
async function rawListBaseline(pool: pg.Pool, tenantId: string): Promise<number> {
  const query = userPageQuery({ tenantId, take: 51, now: new Date() });
  const until = performance.now() + 5_000;
  let done = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < until) {
        await pool.query(query.text, query.values as unknown[]);
        done += 1;
      }
    }),
  );
  return done / 5;
}

/** Median ms of a SELECT 1, a one-budget spend and a two-budget spend through Prisma on the bench database. */
async function budgetCost(url: string) {
  const db = createDb({ connectionString: url, maxConnections: 2 });
  try {
    const budget = new RateBudget(db, new MovableClock());
    const time = async (work: (i: number) => Promise<unknown>) => {
      const samples: number[] = [];
      for (let i = 0; i < 400; i++) {
        const start = performance.now();
        await work(i);
        if (i >= 50) samples.push(performance.now() - start);
      }
      return summarize(samples).p50;
    };
    return {
      select1: await time(() => db.$queryRaw`SELECT 1`),
      one: await time((i) => budget.spend([{ key: `bench:one:${i % 20}`, limit: 1_000_000 }])),
      two: await time((i) =>
        budget.spend([
          { key: `bench:session:${i % 20}`, limit: 1_000_000 },
          { key: "bench:tenant", limit: 1_000_000 },
        ]),
      ),
    };
  } finally {
    await db.$disconnect();
  }
}

/** Every product's seat counter equals its holders; no license job did an item twice or more than its total. */
async function checkInvariants(pool: pg.Pool): Promise<{ products: number; jobs: number }> {
  const seats = await pool.query<{ tenantId: string; productId: string; consumed: number; holders: number }>(
    `SELECT tp."tenantId", tp."productId", tp."consumedUnits" AS consumed,
            (SELECT count(DISTINCT la."userId") FROM "LicenseAssignment" la
              WHERE la."tenantId" = tp."tenantId" AND la."productId" = tp."productId" AND la.state <> 'error')::int AS holders
       FROM "TenantProduct" tp`,
  );
  const wrong = seats.rows.filter((row) => row.consumed !== row.holders);
  if (wrong.length > 0) throw new Error(`seat counters differ from holders: ${JSON.stringify(wrong.slice(0, 5))}`);
  const jobs = await pool.query<{ id: string; processed: number; total: number; results: number }>(
    `SELECT j.id, j.processed, j.total, (SELECT count(*) FROM "LicenseJobResult" r WHERE r."jobId" = j.id)::int AS results
       FROM "LicenseJob" j`,
  );
  const doubled = jobs.rows.filter((job) => job.results > job.total || job.processed > job.total);
  if (doubled.length > 0) throw new Error(`license jobs did work twice: ${JSON.stringify(doubled.slice(0, 5))}`);
  return { products: seats.rowCount ?? 0, jobs: jobs.rowCount ?? 0 };
}
