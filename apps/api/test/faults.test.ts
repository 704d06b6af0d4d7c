// Fault guarantees, on a PostgreSQL cluster of this file's own (throwaway-cluster.ts), so the server can be
// restarted without disturbing the shared one:
// - PostgreSQL restarts in the middle of a mixed load of signed-in requests over HTTP: while it is down every
//   request is answered at once with 503 ServiceUnavailable + Retry-After (no 500, no hang), the API recovers by
//   itself, no purchase is lost or doubled, and every seat counter still matches its holders;
// - the API process is SIGKILLed while a purchase with an Idempotency-Key is in flight (held mid-transaction on
//   the seat row, or just after its commit): a retry with the same key on a new process ends with exactly one order.
// Each part prints its figures as one JSON line.

import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { createDb, type Db } from "@allot/db";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { type ApiProcess, startApiProcess } from "./api-process.js";
import { databaseUrl, templateName } from "./database.js";
import { assertSeatCountersMatchHolders } from "./fixtures.js";
import { durationOf, type Exchange, HttpSession, send } from "./http-session.js";
import { copyDatabase, startThrowawayCluster, type ThrowawayCluster } from "./throwaway-cluster.js";

/** The longest any request may take, also while the database is down. */
const MAX_REQUEST_MS = 5_000;
const LOAD_WORKERS = 6;
/** Fewer connections than workers, so transactions cut off by the restart would soon exhaust a leaking pool. */
const API_POOL_SIZE = 4;
/** Users of the background license job that runs across the restart (chunks of 500). */
const JOB_USERS = 2_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs = 20_000,
  intervalMs = 5,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value) return value;
    await sleep(intervalMs);
  }
  throw new Error(`timed out waiting for ${what}`);
}

let cluster: ThrowawayCluster;
const processes: ApiProcess[] = [];

beforeAll(async () => {
  const started = Date.now();
  cluster = await startThrowawayCluster();
  const clusterMs = Date.now() - started;
  // The seeded template the API tests' global setup built, dumped into this cluster once and copied inside it
  // (a file copy) for each part.
  const admin = new pg.Client({ connectionString: cluster.url("postgres") });
  await admin.connect();
  try {
    await admin.query("CREATE DATABASE allot_seed");
    await copyDatabase(databaseUrl(templateName()), cluster.url("allot_seed"));
    const loadedMs = Date.now() - started - clusterMs;
    await admin.query("CREATE DATABASE allot_load TEMPLATE allot_seed");
    await admin.query("CREATE DATABASE allot_kill TEMPLATE allot_seed");
    console.log(`faults setup: ${JSON.stringify({ clusterMs, loadSeedMs: loadedMs })}`);
  } finally {
    await admin.end();
  }
}, 120_000);

afterAll(async () => {
  await Promise.allSettled(processes.map((api) => api.kill()));
  await cluster?.destroy();
}, 60_000);

/** A seat product of a tenant: its ids, and the tenant's active admin subscription of it. */
async function productOf(db: Db, domain: string, skuPartNumber: string) {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { domain } });
  const product = await db.product.findFirstOrThrow({ where: { skuPartNumber } });
  const subscription = await db.subscription.findFirstOrThrow({
    where: { tenantId: tenant.id, productId: product.id, state: "active", source: "admin" },
  });
  return { tenantId: tenant.id, productId: product.id, skuId: product.skuId, subscriptionId: subscription.id };
}

/** Fresh live users with a usage location, for the load to assign and unassign. */
async function insertUsers(db: Db, tenantId: string, domain: string, count: number): Promise<string[]> {
  const tag = randomUUID().slice(0, 8);
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    INSERT INTO "User" (id, "tenantId", email, "displayName", "usageLocation", "updatedAt")
    SELECT gen_random_uuid(), ${tenantId}::uuid, 'fault-' || ${tag} || '-' || g || '@' || ${domain},
           'Fault ' || ${tag} || ' ' || g, 'NL', now()
      FROM generate_series(1, ${count}::int) AS g
    RETURNING id::text AS id`;
  return rows.map((row) => row.id);
}

// ───────────────────────── A. PostgreSQL restarts under load ─────────────────────────

/** A billing change sent with an Idempotency-Key: every attempt, and the key's body and path. */
interface KeyedChange {
  key: string;
  path: string;
  body: unknown;
  attempts: Exchange[];
}

describe("PostgreSQL restarts in the middle of a mixed load", () => {
  let app: FastifyInstance;
  let db: Db;

  afterAll(async () => {
    // A pool that leaked connections never closes: do not let that hold up the rest of the file.
    await Promise.race([app?.close(), sleep(10_000)]);
    await Promise.race([db?.$disconnect(), sleep(10_000)]);
  });

  it("answers 503 + Retry-After while it is down, never 500 nor hangs, recovers, loses and doubles nothing", async () => {
    const url = cluster.url("allot_load");
    db = createDb({ connectionString: url, maxConnections: 2 });
    const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", DATABASE_URL: url });
    // The API as server.ts builds it, on a real socket; only its pool is smaller.
    const apiDb = createDb({
      connectionString: url,
      maxConnections: API_POOL_SIZE,
      connectTimeoutMs: config.databaseConnectTimeoutMs,
    });
    app = await buildApp({ config, db: apiDb, logger: false });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

    const contoso = await productOf(db, "contoso.test", "POWER_BI_PRO");
    const fabrikam = await productOf(db, "fabrikam.test", "EXCHANGESTANDARD");
    const visio = await productOf(db, "contoso.test", "VISIOCLIENT");
    const exchange = await productOf(db, "contoso.test", "EXCHANGESTANDARD");
    // Fewer users than free seats (45 and 10), so assignments never run out of seats.
    const contosoUsers = await insertUsers(db, contoso.tenantId, "contoso.test", 30);
    const fabrikamUsers = await insertUsers(db, fabrikam.tenantId, "fabrikam.test", 8);
    // A background license job big enough to be running when the database goes away, with seats for everyone.
    const jobProduct = await productOf(db, "contoso.test", "EXCHANGEENTERPRISE");
    await db.subscription.update({ where: { id: jobProduct.subscriptionId }, data: { seats: 10_000 } });
    const jobUsers = await insertUsers(db, jobProduct.tenantId, "contoso.test", JOB_USERS);
    const [contosoAdmin, contosoBilling, fabrikamAdmin] = await Promise.all([
      HttpSession.signIn(origin, "admin@contoso.test"),
      HttpSession.signIn(origin, "billing@contoso.test"),
      HttpSession.signIn(origin, "admin@fabrikam.test"),
    ]);
    const loadStartedAt = new Date();

    const exchanges: Exchange[] = [];
    const purchases: KeyedChange[] = [];
    const seatChanges: KeyedChange[] = [];
    let stopping = false;
    let seatChangeCount = 0;

    const keyed = async (list: KeyedChange[], path: string, body: unknown) => {
      const change: KeyedChange = { key: `fault-${randomUUID()}`, path, body, attempts: [] };
      list.push(change);
      const reply = await contosoBilling.post(path, body, { "idempotency-key": change.key });
      change.attempts.push(reply);
      return reply;
    };

    /** One load worker: its own users to assign and unassign, and a random mix of everything else. */
    const worker = async (index: number) => {
      const own = <T>(list: T[]) => list.filter((_, i) => i % LOAD_WORKERS === index);
      const holds = new Map<string, boolean>();
      const users = [
        ...own(contosoUsers).map((id) => ({ id, session: contosoAdmin, tenant: contoso })),
        ...own(fabrikamUsers).map((id) => ({ id, session: fabrikamAdmin, tenant: fabrikam })),
      ];
      const toggle = async () => {
        const user = users[Math.floor(Math.random() * users.length)];
        if (!user) return contosoAdmin.get(`/api/tenants/${contoso.tenantId}/subscribedSkus`);
        const held = holds.get(user.id) ?? false;
        const body = held
          ? { addLicenses: [], removeLicenses: [user.tenant.skuId] }
          : { addLicenses: [{ skuId: user.tenant.skuId, disabledPlans: [] }], removeLicenses: [] };
        const reply = await user.session.post(
          `/api/tenants/${user.tenant.tenantId}/users/${user.id}/assignLicense`,
          body,
        );
        // An answer lost to the outage may still have committed: the rule answers tell where the user stands.
        if (reply.status === 200) holds.set(user.id, !held);
        if (reply.body?.code === "AlreadyAssigned") holds.set(user.id, true);
        if (reply.body?.code === "NotAssigned") holds.set(user.id, false);
        return reply;
      };
      const operations: Array<() => Promise<Exchange>> = [
        () => contosoAdmin.get(`/api/tenants/${contoso.tenantId}/users?limit=50`),
        () => fabrikamAdmin.get(`/api/tenants/${fabrikam.tenantId}/subscribedSkus`),
        () => contosoAdmin.get(`/api/tenants/${contoso.tenantId}/subscribedSkus`),
        toggle,
        toggle,
        () =>
          contosoAdmin.post(`/api/tenants/${contoso.tenantId}/licenses/bulk`, {
            userIds: contosoUsers.slice(0, 20),
            add: [{ skuId: contoso.skuId }],
            atomic: false,
            dryRun: true,
          }),
        () =>
          keyed(purchases, `/api/tenants/${visio.tenantId}/subscriptions`, {
            skuId: visio.skuId,
            seats: 1,
            billingTerm: "monthly",
            autoRenew: true,
          }),
        () =>
          keyed(seatChanges, `/api/tenants/${exchange.tenantId}/subscriptions/${exchange.subscriptionId}/changeSeats`, {
            // A new number each time: asking for the current one is refused (ValidationFailed), by design.
            seats: 30 + ++seatChangeCount,
          }),
      ];
      while (!stopping) {
        const operation = operations[Math.floor(Math.random() * operations.length)] as () => Promise<Exchange>;
        const reply = await operation();
        exchanges.push(reply);
        // A client that honours Retry-After would wait longer; a short pause keeps the samples coming.
        await sleep(reply.status === 503 ? 50 : 10);
      }
    };

    const readiness: Exchange[] = [];
    const pollReadiness = async () => {
      while (!stopping) {
        readiness.push(await send(origin, "GET", "/readyz"));
        await sleep(100);
      }
    };

    const load = [...Array.from({ length: LOAD_WORKERS }, (_, i) => worker(i)), pollReadiness()];
    let restart: { stopAt: number; upAt: number; recoveredAt: number; cutOff: number; jobAtStop: string } | undefined;
    let jobId = "";
    try {
      await sleep(2_000);
      // The job starts first (its request needs a connection of the pool, which the held purchases below fill).
      const job = await contosoAdmin.post(`/api/tenants/${jobProduct.tenantId}/licenses/bulkJobs`, {
        userIds: jobUsers,
        add: [{ skuId: jobProduct.skuId, disabledPlans: [] }],
      });
      expect(job.status, JSON.stringify(job.body)).toBe(202);
      jobId = job.body.id;
      // Purchases and the job's chunks lock their product's seat row inside their transaction: holding both rows
      // for a moment makes the stop cut several transactions off midway, each holding a pooled connection, and the
      // job surely unfinished.
      const holder = new pg.Client({ connectionString: url });
      holder.on("error", () => {}); // the stop ends this session too
      await holder.connect();
      await holder.query("BEGIN");
      await holder.query(
        `SELECT 1 FROM "TenantProduct" WHERE "tenantId" = $1 AND "productId" = ANY($2::uuid[]) ORDER BY "productId"
            FOR UPDATE`,
        [visio.tenantId, [visio.productId, jobProduct.productId]],
      );
      await sleep(1_000);
      const waiting = await holder.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      const progress = await holder.query<{ status: string; processed: number }>(
        `SELECT status::text, processed FROM "LicenseJob" WHERE id = $1`,
        [jobId],
      );
      const stopAt = Date.now();
      await cluster.stop("fast");
      await sleep(3_000);
      await cluster.start();
      const upAt = Date.now();
      // The API must find the database again by itself: wait for a request started after the restart to succeed.
      const recovered = await until(
        "a successful request after the restart",
        async () => exchanges.find((e) => e.startedAt >= upAt && e.status !== null && e.status < 300),
        30_000,
      ).catch(() => undefined);
      restart = {
        stopAt,
        upAt,
        recoveredAt: recovered?.endedAt ?? Number.NaN,
        cutOff: waiting.rows[0]?.n ?? 0,
        jobAtStop: `${progress.rows[0]?.status} ${progress.rows[0]?.processed}/${JOB_USERS}`,
      };
      // And keep working: the load goes on with every worker for a while.
      await sleep(3_000);
    } finally {
      stopping = true;
      await Promise.all(load);
    }
    const { stopAt, upAt, recoveredAt, cutOff, jobAtStop } = restart;

    const whileDown = exchanges.filter((e) => e.startedAt < upAt && e.endedAt > stopAt);
    const unavailable = exchanges.filter((e) => e.status === 503);
    const failed = (changes: KeyedChange[], expected: number) =>
      changes.filter((c) => c.attempts.at(-1)?.status !== expected).length;
    const figures = {
      downMs: upAt - stopAt,
      transactionsCutOff: cutOff,
      totalRequests: exchanges.length,
      requestsWhileDown: whileDown.length,
      longestWhileDownMs: Math.max(0, ...whileDown.map(durationOf)),
      longestOverallMs: Math.max(0, ...exchanges.map(durationOf)),
      answered503: unavailable.length,
      firstSuccessAfterRestartMs: recoveredAt - upAt,
      statuses: tally(exchanges),
      readyz: tally(readiness),
      purchases: purchases.length,
      purchasesToRetry: failed(purchases, 201),
      seatChanges: seatChanges.length,
      seatChangesToRetry: failed(seatChanges, 200),
      jobAtStop,
    };
    console.log(`faults restart: ${JSON.stringify(figures)}`);

    // No 500, no request without an answer, nothing slower than the bound, and otherwise only the answers each
    // request has when the database is fine.
    const describe = (list: Exchange[]) =>
      list.slice(0, 5).map((e) => `${e.method} ${e.path} ${durationOf(e)} ms: ${e.status ?? e.error} ${e.body?.code}`);
    const failures = exchanges.filter((e) => e.status === null || (e.status >= 500 && e.status !== 503));
    expect(tally(failures), describe(failures).join("\n")).toEqual({});
    const slow = exchanges.filter((e) => durationOf(e) > MAX_REQUEST_MS);
    expect(slow.length, describe(slow).join("\n")).toBe(0);
    const unexpected = exchanges.filter((e) => e.status !== 503 && !expectedAnswer(e));
    expect(tally(unexpected), describe(unexpected).join("\n")).toEqual({});
    // The outage was seen, and every 503 says what it is and when to come back.
    expect(whileDown.some((e) => e.status === 503)).toBe(true);
    for (const reply of unavailable) {
      expect(reply.contentType).toMatch(/^application\/problem\+json/);
      expect(reply.body.code).toBe("ServiceUnavailable");
      expect(reply.retryAfter).toMatch(/^[1-9][0-9]*$/);
    }
    // /readyz followed the database: 503 while down, 200 again after.
    expect(readiness.some((r) => r.startedAt > stopAt && r.endedAt < upAt && r.status === 503)).toBe(true);
    expect(readiness.filter((r) => r.status !== 200 && r.status !== 503)).toEqual([]);
    expect(readiness.at(-1)?.status).toBe(200);
    // Recovered by itself, quickly.
    expect(figures.firstSuccessAfterRestartMs).toBeLessThan(10_000);

    // Every purchase and seat change that did not succeed is retried with its own key until it does.
    const retryUntilDone = async (change: KeyedChange, expected: number) => {
      for (let attempt = 0; attempt < 20; attempt++) {
        const last = change.attempts.at(-1);
        if (last?.status === expected) return;
        if (attempt > 0) await sleep(Number(last?.retryAfter ?? 1) * 100);
        change.attempts.push(await contosoBilling.post(change.path, change.body, { "idempotency-key": change.key }));
      }
    };
    for (const change of purchases) await retryUntilDone(change, 201);
    for (const change of seatChanges) await retryUntilDone(change, 200);

    // The background job was running when the database went away, waited for it, and finished every user.
    expect(jobAtStop).toMatch(/^(queued|running) /);
    const finished = await until(
      "the license job to finish",
      async () => {
        const reply = await contosoAdmin.get(
          `/api/tenants/${jobProduct.tenantId}/licenses/bulkJobs/${jobId}?results=false`,
        );
        return reply.status === 200 && reply.body.status !== "queued" && reply.body.status !== "running" && reply;
      },
      60_000,
      200,
    );
    expect(finished.body).toMatchObject({ status: "succeeded", total: JOB_USERS, processed: JOB_USERS, failed: 0 });
    expect(
      await db.licenseAssignment.count({ where: { productId: jobProduct.productId, userId: { in: jobUsers } } }),
    ).toBe(JOB_USERS);

    // Nothing lost, nothing doubled.
    for (const change of purchases) expect(change.attempts.at(-1)?.status, change.key).toBe(201);
    for (const change of seatChanges) expect(change.attempts.at(-1)?.status, change.key).toBe(200);
    await assertEveryKeyMadeOneOrder(db, purchases, {
      kind: "purchase",
      tenantId: visio.tenantId,
      since: loadStartedAt,
    });
    await assertEveryKeyMadeOneOrder(db, seatChanges, {
      kind: "seatChange",
      tenantId: exchange.tenantId,
      since: loadStartedAt,
    });
    const bought = await db.subscription.findMany({
      where: { tenantId: visio.tenantId, productId: visio.productId, createdAt: { gte: loadStartedAt } },
      select: { id: true },
    });
    // One subscription per purchase key: none lost (a 201 that vanished), none doubled (a retry that bought again).
    expect(bought.map((s) => s.id).sort()).toEqual(purchases.map(subscriptionOf).sort());
    await assertSeatCountersMatchHolders(db);
  }, 120_000);
});

function tally(exchanges: readonly Exchange[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of exchanges) {
    const key = e.status === null ? "no answer" : e.status >= 400 ? `${e.status} ${e.body?.code}` : String(e.status);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** What each request of the load answers while the database is up. */
function expectedAnswer(e: Exchange): boolean {
  if (e.method === "GET") return e.status === 200;
  if (e.path.endsWith("/assignLicense")) {
    return e.status === 200 || ["AlreadyAssigned", "NotAssigned"].includes(e.body?.code);
  }
  if (e.path.endsWith("/licenses/bulk")) return e.status === 200;
  if (e.path.endsWith("/changeSeats")) return e.status === 200;
  if (e.path.endsWith("/subscriptions")) return e.status === 201;
  return false;
}

const subscriptionOf = (change: KeyedChange): string => change.attempts.at(-1)?.body?.subscription?.id;

/**
 * Every key's successes (the first answer, then only replays) name one order, the one its database row remembers,
 * and the keys' orders are all the orders of this kind made since the load started: none lost, none doubled.
 */
async function assertEveryKeyMadeOneOrder(
  db: Db,
  changes: KeyedChange[],
  where: { kind: "purchase" | "seatChange"; tenantId: string; since: Date },
) {
  const answered: string[] = [];
  for (const change of changes) {
    const successes = change.attempts.filter((a) => a.status !== null && a.status < 300);
    const orderIds = [...new Set(successes.map((a) => a.body?.order?.id as string))];
    expect(orderIds, `${change.key}: ${JSON.stringify(successes.map((s) => s.body))}`).toHaveLength(1);
    expect(successes.slice(1).every((a) => a.replayed)).toBe(true);
    const row = await db.idempotencyKey.findFirstOrThrow({ where: { key: change.key } });
    expect((row.responseBody as { order: { id: string } }).order.id).toBe(orderIds[0]);
    answered.push(orderIds[0] as string);
  }
  const orders = await db.order.findMany({
    where: { kind: where.kind, tenantId: where.tenantId, createdAt: { gte: where.since } },
    select: { id: true },
  });
  expect(orders.map((o) => o.id).sort()).toEqual(answered.sort());
}

// ───────────────────────── B. kill -9 of the API during a purchase ─────────────────────────

describe("the API process is SIGKILLed during a purchase with an Idempotency-Key", () => {
  let url: string;
  let db: Db;
  /** Looks at the database from outside the API: sessions, locks and rows as committed. */
  let raw: pg.Client;
  let visio: Awaited<ReturnType<typeof productOf>>;
  let billing: HttpSession;
  /** The API process the next test kills. */
  let next: ApiProcess;
  const figures: Record<string, unknown> = { startMs: [] as number[] };

  const purchasePath = () => `/api/tenants/${visio.tenantId}/subscriptions`;
  const purchaseCount = () =>
    db.subscription.count({ where: { tenantId: visio.tenantId, productId: visio.productId } });
  const sessionsOf = async (api: ApiProcess) =>
    (
      await raw.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1", [
        api.applicationName,
      ])
    ).rows[0]?.n;

  /** The portal's start command on this database; copied from the seeded template, it only checks and listens. */
  async function spawnApi(): Promise<ApiProcess> {
    const api = await startApiProcess(url, `allot-faults-${randomUUID().slice(0, 8)}`);
    processes.push(api);
    (figures.startMs as number[]).push(api.startMs);
    return api;
  }

  beforeAll(async () => {
    url = cluster.url("allot_kill");
    db = createDb({ connectionString: url, maxConnections: 2 });
    raw = new pg.Client({ connectionString: url });
    await raw.connect();
    visio = await productOf(db, "contoso.test", "VISIOCLIENT");
    next = await spawnApi();
    billing = await HttpSession.signIn(next.origin, "billing@contoso.test");
  }, 120_000);

  afterAll(async () => {
    console.log(`faults kill: ${JSON.stringify(figures)}`);
    await raw?.end();
    await db?.$disconnect();
  });

  it("killed mid-transaction, waiting for the seat row: nothing committed, the retry on a new process makes one order", async () => {
    const victim = next;
    const key = `kill-before-commit-${randomUUID()}`;
    const body = { skuId: visio.skuId, seats: 2, billingTerm: "monthly", autoRenew: true };
    const before = await purchaseCount();

    // The purchase locks the product's seat row after inserting its subscription: with that row held here, the
    // request is known to stand inside its transaction (the key's lock taken, the subscription written, uncommitted).
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      await holder.query("BEGIN");
      await holder.query(`SELECT 1 FROM "TenantProduct" WHERE "tenantId" = $1 AND "productId" = $2 FOR UPDATE`, [
        visio.tenantId,
        visio.productId,
      ]);
      const inFlight = billing.at(victim.origin).post(purchasePath(), body, { "idempotency-key": key }, 60_000);
      await until("the purchase to wait for the seat row", async () => {
        const { rows } = await raw.query(
          `SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'
              AND query LIKE '%TenantProduct%FOR UPDATE%'`,
          [victim.applicationName],
        );
        return rows.length > 0;
      });
      await victim.kill();
      const lost = await inFlight;
      expect(lost.status, "the client got no answer").toBeNull();
    } finally {
      await holder.query("ROLLBACK");
      await holder.end();
    }
    // The killed process's session finds its client gone once it has the lock, rolls back and ends.
    const killedAt = Date.now();
    await until("the killed process's sessions to end", async () => (await sessionsOf(victim)) === 0);
    figures.sessionsGoneAfterKillMs = Date.now() - killedAt;
    expect(await purchaseCount()).toBe(before);
    expect(await db.idempotencyKey.count({ where: { key } })).toBe(0);

    next = await spawnApi();
    const retry = await billing.at(next.origin).post(purchasePath(), body, { "idempotency-key": key });
    expect(retry.status, JSON.stringify(retry.body)).toBe(201);
    expect(retry.replayed).toBe(false);
    figures.retryAfterKillMs = durationOf(retry);
    const subscriptionId = retry.body.subscription.id;
    expect(await db.order.findMany({ where: { subscriptionId }, select: { id: true, kind: true } })).toEqual([
      { id: retry.body.order.id, kind: "purchase" },
    ]);
    expect(await purchaseCount()).toBe(before + 1);
    expect(await db.idempotencyKey.count({ where: { key } })).toBe(1);
    await assertSeatCountersMatchHolders(db);
  }, 120_000);

  it("killed after the commit, before its answer was read: the retry is a replay, with no second order", async () => {
    const victim = next;
    const key = `kill-after-commit-${randomUUID()}`;
    const body = { skuId: visio.skuId, seats: 3, billingTerm: "annual", autoRenew: false };
    const before = await purchaseCount();

    // Nobody reads this answer: the process dies as soon as the purchase is committed.
    const unread = billing.at(victim.origin).post(purchasePath(), body, { "idempotency-key": key }, 60_000);
    const committed = await until(
      "the purchase to commit",
      async () =>
        (
          await raw.query<{ responseBody: unknown }>(`SELECT "responseBody" FROM "IdempotencyKey" WHERE key = $1`, [
            key,
          ])
        ).rows[0],
      30_000,
      1,
    );
    await victim.kill();
    await unread;

    next = await spawnApi();
    const retry = await billing.at(next.origin).post(purchasePath(), body, { "idempotency-key": key });
    expect(retry.status, JSON.stringify(retry.body)).toBe(201);
    expect(retry.replayed).toBe(true);
    expect(retry.body).toEqual(committed.responseBody);
    expect(await db.order.count({ where: { subscriptionId: retry.body.subscription.id } })).toBe(1);
    expect(await purchaseCount()).toBe(before + 1);
    await assertSeatCountersMatchHolders(db);
  }, 120_000);
});
