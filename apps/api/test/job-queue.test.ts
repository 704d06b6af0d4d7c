import { createDb, type Db, type Prisma } from "@allot/db";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { QUEUE_SCHEMA, QUEUES } from "../src/lib/job-queue.js";
import { createTestDatabase } from "./database.js";
import { assertSeatCountersMatchHolders, DAY_MS, makeUser } from "./fixtures.js";
import { as, login } from "./helpers.js";

/**
 * The background work with two API processes on one database (two apps, each with its own pool and pg-boss
 * workers): a bulk job posted to one runs exactly once across both, a job whose process died mid-slice is taken
 * over by the other (pg-boss's expiry and retry), and the billing lifecycle started on both at once, by hand or by
 * the schedule, runs once.
 */

/** Short timings, so a dead process's slice is found out in seconds (production: a minute). */
const FAST = {
  sliceExpireSeconds: 4,
  maintenanceIntervalSeconds: 1,
  pollingIntervalSeconds: 0.5,
  retryDelaySeconds: 1,
};
const HEAVY = { timeout: 180_000 };

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
let apps: FastifyInstance[] = [];
let contoso: string;
let visio: { id: string; skuId: string };

async function appOn(env: Record<string, string> = {}, timings = FAST): Promise<FastifyInstance> {
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", ...env });
  const app = await buildApp({
    config,
    db: createDb({ connectionString: database.url, maxConnections: 5 }),
    logger: false,
    jobQueue: timings,
  });
  await app.ready();
  apps.push(app);
  return app;
}

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb({ connectionString: database.url, maxConnections: 3 });
  contoso = (await db.tenant.findUniqueOrThrow({ where: { domain: "contoso.test" } })).id;
  visio = await db.product.findFirstOrThrow({
    where: { skuPartNumber: "VISIOCLIENT" },
    select: { id: true, skuId: true },
  });
  await db.subscription.create({
    data: {
      tenantId: contoso,
      productId: visio.id,
      seats: 10_000,
      source: "admin",
      billingTerm: "annual",
      termStartsAt: new Date(Date.now() - 10 * DAY_MS),
      termEndsAt: new Date(Date.now() + 300 * DAY_MS),
    },
  });
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await db?.$disconnect();
  await database?.drop();
});

async function closeAll() {
  for (const app of apps) await app.close();
  apps = [];
}

async function makeUsers(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < count; start += 100) {
    const batch = Array.from({ length: Math.min(100, count - start) }, () => makeUser(db, contoso));
    ids.push(...(await Promise.all(batch)).map((user) => user.id));
  }
  return ids;
}

const consumed = async () =>
  (await db.tenantProduct.findUnique({ where: { tenantId_productId: { tenantId: contoso, productId: visio.id } } }))
    ?.consumedUnits ?? 0;

/** What a job must have done, once: a result and an assignment per user, its seats counted, one finish event. */
async function expectRunOnce(jobId: string, userIds: string[], consumedBefore: number) {
  const job = await db.licenseJob.findUniqueOrThrow({ where: { id: jobId } });
  expect(job).toMatchObject({ status: "succeeded", processed: userIds.length, succeeded: userIds.length });
  expect(await db.licenseJobResult.count({ where: { jobId } })).toBe(userIds.length);
  const rows = await db.licenseAssignment.count({ where: { productId: visio.id, userId: { in: userIds } } });
  expect(rows).toBe(userIds.length);
  expect(await consumed()).toBe(consumedBefore + rows);
  expect(await db.auditEvent.count({ where: { targetId: jobId, action: "licenses.bulkJobFinished" } })).toBe(1);
  await assertSeatCountersMatchHolders(db, contoso);
}

describe("bulk license jobs across two processes", HEAVY, () => {
  it("a job posted to one process runs exactly once across both, at once", async () => {
    // Idle workers poll once a minute here: a job that starts sooner was started by the posting process at once.
    const slow = { ...FAST, pollingIntervalSeconds: 60 };
    const [one, two] = [await appOn({}, slow), await appOn({}, slow)] as [FastifyInstance, FastifyInstance];
    const userIds = await makeUsers(1_200);
    const before = await consumed();
    const admin = await login(one, "admin@contoso.test");
    const t0 = performance.now();
    const posted = await as(one, admin).post(`/api/tenants/${contoso}/licenses/bulkJobs`, {
      userIds,
      add: [{ skuId: visio.skuId }],
    });
    expect(posted.statusCode, posted.body).toBe(202);
    const jobId = (posted.json() as { id: string }).id;
    // It starts now, not at a poll: the first chunk commits well inside the workers' polling interval.
    for (;;) {
      const job = await db.licenseJob.findUniqueOrThrow({ where: { id: jobId } });
      if (job.processed > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const firstChunkMs = performance.now() - t0;
    expect(firstChunkMs).toBeLessThan(30_000);
    await Promise.all([one.licenseJobs.settled(jobId), two.licenseJobs.settled(jobId)]);
    await expectRunOnce(jobId, userIds, before);
    // Its slices were claimed once each: none failed, none is left.
    const slices = await db.$queryRawUnsafe<Array<{ state: string }>>(
      `SELECT state::text AS state FROM ${QUEUE_SCHEMA}.job WHERE name = $1 AND data->>'id' = $2`,
      QUEUES.licenseJob,
      jobId,
    );
    expect(slices.length).toBeGreaterThan(0);
    expect(slices.every((slice) => slice.state === "completed")).toBe(true);
    await closeAll();
  });

  it("a job whose process died mid-slice is taken over by the other process", async () => {
    const userIds = await makeUsers(700);
    const before = await consumed();
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@contoso.test" } });
    const job = await db.licenseJob.create({
      data: {
        tenantId: contoso,
        createdByUserId: admin.id,
        actorRoles: ["globalAdmin"],
        request: {
          userIds,
          add: [{ skuId: visio.skuId, disabledPlans: [] }],
          remove: [],
          mode: "add",
        } as Prisma.InputJsonValue,
        total: userIds.length,
        status: "running",
      },
    });
    // The dead process: it queued the job's slice and claimed it (pg-boss: active), then vanished without a word.
    const dead = new PgBoss({ connectionString: database.url, schema: QUEUE_SCHEMA, supervise: false, max: 1 });
    await dead.start();
    if (!(await dead.getQueue(QUEUES.licenseJob))) {
      await dead.createQueue(QUEUES.licenseJob, {
        name: QUEUES.licenseJob,
        expireInSeconds: FAST.sliceExpireSeconds,
        retryLimit: 10,
        retryDelay: FAST.retryDelaySeconds,
      });
    }
    await dead.send(QUEUES.licenseJob, { id: job.id });
    const claimed = await dead.fetch<{ id: string }>(QUEUES.licenseJob);
    expect(claimed?.[0]?.data.id).toBe(job.id);
    await dead.stop({ graceful: false, close: true });
    expect(await db.licenseJob.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ processed: 0 });

    // The live process starts after it (its resume at start leaves the job alone: a slice of it is active).
    const live = await appOn();
    await live.licenseJobs.settled(job.id);
    await expectRunOnce(job.id, userIds, before);
    const [dead1] = await db.$queryRawUnsafe<Array<{ state: string; retries: number }>>(
      `SELECT state::text AS state, retry_count AS retries FROM ${QUEUE_SCHEMA}.job WHERE id = $1::uuid`,
      claimed?.[0]?.id,
    );
    // The dead process's claim expired and was retried by the live one.
    expect(dead1).toMatchObject({ state: "completed", retries: 1 });
    await closeAll();
  });
});

describe("the billing lifecycle across two processes", HEAVY, () => {
  async function dueSubscription(): Promise<string> {
    const sub = await db.subscription.create({
      data: {
        tenantId: contoso,
        productId: visio.id,
        seats: 1,
        source: "admin",
        billingTerm: "annual",
        autoRenew: false,
        termStartsAt: new Date(Date.now() - 400 * DAY_MS),
        termEndsAt: new Date(Date.now() - DAY_MS),
      },
    });
    return sub.id;
  }
  const expiredEvents = (id: string) =>
    db.auditEvent.count({ where: { targetId: id, action: "billing.subscriptionExpired" } });

  it("run by hand on both at once, it runs once; while another holds the lock, neither runs", async () => {
    const [one, two] = [await appOn(), await appOn()] as [FastifyInstance, FastifyInstance];
    const held = await dueSubscription();
    const holder = new pg.Client({ connectionString: database.url });
    await holder.connect();
    try {
      await holder.query("BEGIN");
      await holder.query("SELECT pg_advisory_xact_lock(hashtext('allot'), hashtext('billing-lifecycle'))");
      expect(await Promise.all([one.billingJob.runOnce(), two.billingJob.runOnce()])).toEqual([null, null]);
      expect(await db.subscription.findUniqueOrThrow({ where: { id: held } })).toMatchObject({ state: "active" });
    } finally {
      await holder.query("COMMIT");
      await holder.end();
    }
    const reports = await Promise.all([one.billingJob.runOnce(), two.billingJob.runOnce()]);
    expect(reports.some((report) => report !== null)).toBe(true);
    expect(await expiredEvents(held)).toBe(1);
    expect(await db.subscription.findUniqueOrThrow({ where: { id: held } })).toMatchObject({ state: "expired" });
    await closeAll();
  });

  it("scheduled (BILLING_JOB_INTERVAL_MINUTES) on two processes started together: one run at start", async () => {
    const due = await dueSubscription();
    await Promise.all([appOn({ BILLING_JOB_INTERVAL_MINUTES: "60" }), appOn({ BILLING_JOB_INTERVAL_MINUTES: "60" })]);
    const runs = () =>
      db.$queryRawUnsafe<Array<{ state: string }>>(
        `SELECT state::text AS state FROM ${QUEUE_SCHEMA}.job WHERE name = $1`,
        QUEUES.billingLifecycle,
      );
    for (let i = 0; i < 400 && !(await runs()).every((run) => run.state === "completed"); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await runs()).toEqual([{ state: "completed" }]);
    expect(await expiredEvents(due)).toBe(1);
    const [schedule] = await db.$queryRawUnsafe<Array<{ cron: string }>>(
      `SELECT cron FROM ${QUEUE_SCHEMA}.schedule WHERE name = $1`,
      QUEUES.billingLifecycle,
    );
    expect(schedule?.cron).toBe("0 */1 * * *");
    await closeAll();
  });
});
