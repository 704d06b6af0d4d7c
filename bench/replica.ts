// A read replica on this machine: a throwaway primary cluster seeded with a 20,000-user tenant, a hot standby made
// from it with `pg_basebackup -R`, and the API with DATABASE_REPLICA_URL. Prints report latency (users list,
// subscribedSkus, audit log) read from the primary and from the replica, the same list statement on raw pg against
// each, and the replication lag after a burst of license assignments. Stops both clusters.
import type { AddressInfo } from "node:net";
import { buildApp } from "@allot/api";
import { createDb, migrateDeploy, seedDemo } from "@allot/db";
import pg from "pg";
import { loadConfig } from "../apps/api/src/config.js";
import { READ_FROM_HEADER } from "../apps/api/src/plugins/read-replica.js";
import { startThrowawayCluster, type ThrowawayCluster } from "../apps/api/test/throwaway-cluster.js";
import { ApiClient } from "./lib/api.js";
import { loadDirectory } from "./lib/directory.js";
import { addSeats } from "./lib/licensing.js";
import { ms, summarize, table } from "./lib/stats.js";

export const description =
  "Read replica (pg_basebackup hot standby): report latency from primary vs replica, raw pg baseline, lag after a write burst";

const BENCH_USERS = 20_000;
const NEIGHBOUR_USERS = 2_000;
const AUDIT_EVENTS = 20_000;
const N = 150;
const WARMUP = 15;
const BURST = 300;
const BURST_CONCURRENCY = 8;

interface Report {
  name: string;
  path: (tenantId: string) => string;
}
const REPORTS: Report[] = [
  { name: "users list, first page", path: (t) => `/api/tenants/${t}/users?limit=50` },
  { name: "subscribedSkus", path: (t) => `/api/tenants/${t}/subscribedSkus` },
  { name: "audit log, first page", path: (t) => `/api/tenants/${t}/auditLog?limit=50` },
];

/** The users list's first page as one plain statement: the raw baseline, run on either server. */
const RAW_LIST = `SELECT id, "displayName", email FROM "User"
  WHERE "tenantId" = $1 AND "deletedAt" IS NULL ORDER BY "displayName", id LIMIT 51`;

export default async function replicaBench(): Promise<void> {
  let primary: ThrowawayCluster | undefined;
  let standby: ThrowawayCluster | undefined;
  const closers: Array<() => Promise<unknown>> = [];
  try {
    const t0 = performance.now();
    primary = await startThrowawayCluster();
    await onClient(primary.url("postgres"), (c) => c.query("CREATE DATABASE allot"));
    const primaryUrl = primary.url("allot");
    await migrateDeploy(primaryUrl);
    const seedDb = createDb({ connectionString: primaryUrl, maxConnections: 2 });
    await seedDemo(seedDb).finally(() => seedDb.$disconnect());
    const directory = await loadDirectory(primaryUrl, { benchUsers: BENCH_USERS, neighbourUsers: NEIGHBOUR_USERS });
    const tenantId = directory.bench.id;
    await onClient(primaryUrl, (c) =>
      c.query(
        `INSERT INTO "AuditEvent" (id, "tenantId", action, "targetType", "targetId", "createdAt")
         SELECT gen_random_uuid(), $1, 'user.updated', 'user', gen_random_uuid()::text, now() - i * interval '1 minute'
         FROM generate_series(1, $2::int) AS g(i)`,
        [tenantId, AUDIT_EVENTS],
      ),
    );
    await onClient(primaryUrl, (c) => c.query("VACUUM ANALYZE"));
    const seededMs = performance.now() - t0;
    const t1 = performance.now();
    standby = await startThrowawayCluster({ standbyOf: primary });
    const replicaUrl = standby.url("allot");
    const standbyMs = performance.now() - t1;
    await caughtUp(primaryUrl, replicaUrl);
    process.stdout.write(
      `clusters: primary :${primary.port} seeded with ${directory.counts.benchUsers.toLocaleString("en")} users ` +
        `(+${(2 * NEIGHBOUR_USERS).toLocaleString("en")} neighbours, ${AUDIT_EVENTS.toLocaleString("en")} audit events) ` +
        `in ${ms(seededMs / 1000)} s; hot standby :${standby.port} by pg_basebackup -R in ${ms(standbyMs / 1000)} s\n`,
    );

    // Two API instances: one without a replica (every report on the primary), one with DATABASE_REPLICA_URL.
    const plain = await startApi(primaryUrl, undefined);
    closers.push(plain.close);
    const replicated = await startApi(primaryUrl, replicaUrl);
    closers.push(replicated.close);
    const onPrimary = new ApiClient(plain.baseUrl);
    const onReplica = new ApiClient(replicated.baseUrl);
    await onPrimary.login(directory.admin.email, directory.admin.password);
    await onReplica.login(directory.admin.email, directory.admin.password);

    const rows: string[][] = [];
    for (const report of REPORTS) {
      const path = report.path(tenantId);
      const primaryTimes = await timeRequests(onPrimary, path, "primary");
      const replicaTimes = await timeRequests(onReplica, path, "replica");
      const a = summarize(primaryTimes);
      const b = summarize(replicaTimes);
      rows.push([report.name, ms(a.p50), ms(a.p95), ms(b.p50), ms(b.p95), `${(b.p50 / a.p50).toFixed(2)}×`]);
    }
    const rawPrimary = summarize(await timeRaw(primaryUrl, tenantId));
    const rawReplica = summarize(await timeRaw(replicaUrl, tenantId));
    rows.push([
      "raw pg: list statement",
      ms(rawPrimary.p50),
      ms(rawPrimary.p95),
      ms(rawReplica.p50),
      ms(rawReplica.p95),
      `${(rawReplica.p50 / rawPrimary.p50).toFixed(2)}×`,
    ]);
    process.stdout.write(
      `\nReport latency, ${N} sequential requests each (ms; API over HTTP, one keep-alive connection):\n` +
        `${table(["report", "primary p50", "p95", "replica p50", "p95", "replica/primary p50"], rows)}\n`,
    );

    await writeBurst(onReplica, replicated.baseUrl, tenantId, primaryUrl, replicaUrl);
    onPrimary.close();
    onReplica.close();
  } finally {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    await standby?.destroy();
    await primary?.destroy();
  }
}

async function onClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function startApi(primaryUrl: string, replicaUrl: string | undefined) {
  const config = loadConfig({
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: primaryUrl,
    ...(replicaUrl ? { DATABASE_REPLICA_URL: replicaUrl } : {}),
    LOG_LEVEL: "silent",
    BILLING_JOB_INTERVAL_MINUTES: "0",
  });
  const db = createDb({ connectionString: primaryUrl, maxConnections: 10 });
  const app = await buildApp({ config, db, logger: false });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = app.server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, close: () => app.close() };
}

/** Sequential GETs after a warm-up; checks each was served where it should be. */
async function timeRequests(client: ApiClient, path: string, expected: "primary" | "replica"): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < WARMUP + N; i++) {
    const started = performance.now();
    const response = await client.request<unknown>("GET", path);
    const took = performance.now() - started;
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status}`);
    const from = response.headers[READ_FROM_HEADER] ?? "primary";
    if (from !== expected) throw new Error(`GET ${path} read the ${from}, expected the ${expected}`);
    if (i >= WARMUP) samples.push(took);
  }
  return samples;
}

async function timeRaw(url: string, tenantId: string): Promise<number[]> {
  return onClient(url, async (client) => {
    const samples: number[] = [];
    for (let i = 0; i < WARMUP + N; i++) {
      const started = performance.now();
      await client.query(RAW_LIST, [tenantId]);
      if (i >= WARMUP) samples.push(performance.now() - started);
    }
    return samples;
  });
}

const lsnQuery = "SELECT pg_current_wal_lsn()::text AS lsn";

async function caughtUp(primaryUrl: string, replicaUrl: string): Promise<number> {
  const target = (await onClient(primaryUrl, (c) => c.query<{ lsn: string }>(lsnQuery))).rows[0]?.lsn;
  return onClient(replicaUrl, async (c) => {
    const started = performance.now();
    for (;;) {
      const { rows } = await c.query<{ done: boolean }>("SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done", [
        target,
      ]);
      if (rows[0]?.done) return performance.now() - started;
      if (performance.now() - started > 60_000) throw new Error("the standby did not catch up within 60 s");
    }
  });
}

/**
 * BURST single assignments (BURST_CONCURRENCY in flight) by the replica-configured API, sampling the standby's
 * replay lag in bytes and pg_stat_replication's replay_lag while they run; then how long the standby takes to
 * replay everything once the burst ends. Also counts where the writer's own reports went meanwhile.
 */
async function writeBurst(
  admin: ApiClient,
  baseUrl: string,
  tenantId: string,
  primaryUrl: string,
  replicaUrl: string,
): Promise<void> {
  const ids = await onClient(primaryUrl, async (c) => {
    const { rows } = await c.query<{ id: string }>(
      `SELECT u.id FROM "User" u WHERE u."tenantId" = $1 AND u."deletedAt" IS NULL AND u."userType" = 'member'
         AND u."usageLocation" IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM "LicenseAssignment" a WHERE a."userId" = u.id)
       ORDER BY u.id LIMIT $2`,
      [tenantId, BURST],
    );
    return rows.map((r) => r.id);
  });
  const visio = await onClient(
    primaryUrl,
    async (c) =>
      (
        await c.query<{ id: string; skuId: string }>(
          `SELECT id, "skuId" FROM "Product" WHERE "skuPartNumber" = 'VISIOCLIENT'`,
        )
      ).rows[0],
  );
  if (!visio) throw new Error("no VISIOCLIENT product");
  const skuId = visio.skuId;
  await onClient(primaryUrl, (c) => addSeats(c, tenantId, visio.id, BURST + 10));
  const lagBytes: number[] = [];
  const replayLagMs: number[] = [];
  let sampling = true;
  const sampler = onClient(primaryUrl, async (c) => {
    while (sampling) {
      const { rows } = await c.query<{ bytes: string | null; lag: number | null }>(
        `SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::text AS bytes,
                (extract(epoch FROM replay_lag) * 1000)::float8 AS lag FROM pg_stat_replication`,
      );
      lagBytes.push(Number(rows[0]?.bytes ?? 0));
      if (rows[0]?.lag != null) replayLagMs.push(rows[0].lag);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  });
  const walBefore = (await onClient(primaryUrl, (c) => c.query<{ lsn: string }>(lsnQuery))).rows[0]?.lsn;
  const clients = Array.from({ length: BURST_CONCURRENCY }, () => admin.fork());
  const readFrom = { primary: 0, replica: 0 };
  const started = performance.now();
  let next = 0;
  await Promise.all(
    clients.map(async (client) => {
      while (next < ids.length) {
        const id = ids[next++] as string;
        const response = await client.request("POST", `/api/tenants/${tenantId}/users/${id}/assignLicense`, {
          addLicenses: [{ skuId }],
          removeLicenses: [],
        });
        if (response.status !== 200) throw new Error(`assignLicense: ${response.status}`);
        // The writer's own report right after its change: the primary unless the replica has replayed it already.
        const report = await client.request("GET", `/api/tenants/${tenantId}/subscribedSkus`);
        const from = report.headers[READ_FROM_HEADER] === "replica" ? "replica" : "primary";
        readFrom[from]++;
      }
    }),
  );
  const burstMs = performance.now() - started;
  const catchUpMs = await caughtUp(primaryUrl, replicaUrl);
  sampling = false;
  await sampler;
  for (const client of clients) client.close();
  const walBytes = await onClient(primaryUrl, async (c) =>
    Number(
      (await c.query<{ bytes: string }>("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1)::text AS bytes", [walBefore]))
        .rows[0]?.bytes,
    ),
  );
  const lag = summarize(lagBytes);
  const replayLag = summarize(replayLagMs);
  process.stdout.write(
    `\nWrite burst: ${ids.length} assignLicense (${BURST_CONCURRENCY} in flight) via ${baseUrl} in ${ms(burstMs)} ms ` +
      `(${((ids.length / burstMs) * 1000).toFixed(0)}/s), ${(walBytes / 1024).toFixed(0)} KiB of WAL\n` +
      `${table(
        ["replication lag during the burst", "p50", "p95", "max"],
        [
          [
            "replay behind primary (KiB)",
            (lag.p50 / 1024).toFixed(1),
            (lag.p95 / 1024).toFixed(1),
            (lag.max / 1024).toFixed(1),
          ],
          ["pg_stat_replication replay_lag (ms)", ms(replayLag.p50), ms(replayLag.p95), ms(replayLag.max)],
        ],
      )}\n` +
      `standby replayed everything ${ms(catchUpMs)} ms after the burst's last answer\n` +
      `the writer's own subscribedSkus right after each change: ${readFrom.primary} on the primary, ${readFrom.replica} on the replica (caught up already)\n`,
  );
}
