import { randomUUID } from "node:crypto";
import type { BulkJob, BulkJobDetails, SubscribedSku } from "@allot/contracts";
import { createDb, type Prisma } from "@allot/db";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { JOB_CHUNK_USERS, LicenseJobRunner } from "../src/services/licenses/job-runner.js";
import { databaseUrl } from "./database.js";
import { assertSeatCountersMatchHolders, auditOf, DAY_MS, type MadeUser, makeUser, UUID } from "./fixtures.js";
import { as, createTestApp, login, problem, type Session, type TestApp, walkPages } from "./helpers.js";

/**
 * Background license jobs (POST licenses/bulkJobs): a job for more users than there are free seats, what it
 * records (results failures first, seats, progress, audit), bad input that must store nothing, who may start and
 * read jobs, and the runner's promises: a job left behind by a stopped server is resumed by the next one, two
 * servers running the same job apply every user once, and a job refused half-way keeps what earlier chunks did.
 */

let t: TestApp;
/** The test database's URL, for second app instances (another "server") on the same data. */
let url: string;
let admin: Session;
let sku: Record<string, string>;
let productIdOf: Record<string, string>;
let planIds: Record<string, string[]>;

const base = () => `/api/tenants/${t.tenants.contoso}`;
const jobsUrl = () => `${base()}/licenses/bulkJobs`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Tests that make and license a thousand users or more: seconds alone, much longer on a busy 2-core machine. */
const HEAVY = { timeout: 180_000 };

/** The real app on an existing database (createTestApp makes a fresh database each time). */
async function appOn(connectionString: string): Promise<FastifyInstance> {
  const db = createDb({ connectionString, maxConnections: 5 });
  const app = await buildApp({ config: loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent" }), db, logger: false });
  await app.ready();
  return app;
}

beforeAll(async () => {
  t = await createTestApp();
  const [row] = await t.db.$queryRaw<Array<{ name: string }>>`SELECT current_database()::text AS name`;
  url = databaseUrl(row?.name as string);
  admin = await login(t.app, "admin@contoso.test");
  const products = await t.db.product.findMany({
    select: { id: true, skuId: true, skuPartNumber: true, servicePlans: { select: { servicePlanId: true } } },
  });
  sku = Object.fromEntries(products.map((p) => [p.skuPartNumber, p.skuId]));
  productIdOf = Object.fromEntries(products.map((p) => [p.skuPartNumber, p.id]));
  planIds = Object.fromEntries(products.map((p) => [p.skuPartNumber, p.servicePlans.map((s) => s.servicePlanId)]));
  // Visio gets enough seats for every user of the runner tests below (Power BI Pro keeps its 45 free seats for the
  // first test, which asks for more).
  await t.db.subscription.create({
    data: {
      tenantId: t.tenants.contoso,
      productId: productIdOf.VISIOCLIENT as string,
      seats: 10_000,
      source: "admin",
      billingTerm: "annual",
      termStartsAt: new Date(Date.now() - 10 * DAY_MS),
      termEndsAt: new Date(Date.now() + 300 * DAY_MS),
    },
  });
});
afterAll(() => t?.close());

async function makeUsers(count: number, options: Parameters<typeof makeUser>[2] = {}): Promise<MadeUser[]> {
  const users: MadeUser[] = [];
  for (let start = 0; start < count; start += 100) {
    const batch = Math.min(100, count - start);
    users.push(...(await Promise.all(Array.from({ length: batch }, () => makeUser(t.db, t.tenants.contoso, options)))));
  }
  return users;
}

async function skus(): Promise<Map<string, SubscribedSku>> {
  const response = await as(t.app, admin).get(`${base()}/subscribedSkus`);
  expect(response.statusCode).toBe(200);
  return new Map((response.json() as { value: SubscribedSku[] }).value.map((s) => [s.skuPartNumber, s]));
}

async function details(jobId: string, session = admin): Promise<BulkJobDetails> {
  const response = await as(t.app, session).get(`${jobsUrl()}/${jobId}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as BulkJobDetails;
}

const jobCount = () => t.db.licenseJob.count();

/** A job row as createBulkJob stores it (the validated body as `request`), for a runner to pick up. */
async function insertJob(
  userIds: string[],
  skuPartNumber: string,
  options: { status?: "queued" | "running"; tenantId?: string; createdByUserId?: string } = {},
): Promise<string> {
  const request = {
    userIds,
    add: [{ skuId: sku[skuPartNumber] as string, disabledPlans: [] }],
    remove: [],
    mode: "add",
  };
  const job = await t.db.licenseJob.create({
    data: {
      tenantId: options.tenantId ?? t.tenants.contoso,
      createdByUserId: options.createdByUserId ?? admin.me.user.id,
      actorRoles: ["globalAdmin"],
      request: request as Prisma.InputJsonValue,
      total: userIds.length,
      status: options.status ?? "queued",
    },
    select: { id: true },
  });
  return job.id;
}

/** How many assignment rows of the product each user has (direct ones; these tests assign nothing else). */
async function holdings(userIds: string[], skuPartNumber: string): Promise<Map<string, number>> {
  const rows = await t.db.licenseAssignment.groupBy({
    by: ["userId"],
    where: { userId: { in: userIds }, productId: productIdOf[skuPartNumber] as string },
    _count: { _all: true },
  });
  return new Map(rows.map((row) => [row.userId, row._count._all]));
}

/** The events a job's chunks wrote (the runner acts with request id `job:<id>`). */
function jobAudit(jobId: string) {
  return t.db.auditEvent.findMany({ where: { requestId: `job:${jobId}` }, orderBy: { createdAt: "asc" } });
}

/** Checks that a finished job applied each of `userIds` once: one result row each, one assignment, one event. */
async function expectAppliedOnce(jobId: string, userIds: string[], skuPartNumber: string) {
  const job = await details(jobId);
  expect(job).toMatchObject({
    status: "succeeded",
    total: userIds.length,
    processed: userIds.length,
    succeeded: userIds.length,
    failed: 0,
    error: null,
    errorCode: null,
  });
  expect(job.results.map((r) => r.userId).sort()).toEqual([...userIds].sort());
  expect(await t.db.licenseJobResult.count({ where: { jobId } })).toBe(userIds.length);
  const held = await holdings(userIds, skuPartNumber);
  expect(userIds.filter((id) => held.get(id) !== 1)).toEqual([]);
  const events = await jobAudit(jobId);
  const changed = events.filter((e) => e.action === "user.licensesChanged").map((e) => e.targetId);
  expect(changed.length).toBe(userIds.length);
  expect(new Set(changed)).toEqual(new Set(userIds));
  expect(events.filter((e) => e.action === "licenses.bulkJobFinished")).toHaveLength(1);
  await assertSeatCountersMatchHolders(t.db, t.tenants.contoso);
}

describe("a job for more users than free seats", HEAVY, () => {
  it("answers 202 with the queued job, runs chunk by chunk and reports every user, failures first", async () => {
    const users = await makeUsers(1_200);
    const unknown = randomUUID();
    const userIds = [...users.map((u) => u.id), unknown];
    const before = (await skus()).get("POWER_BI_PRO") as SubscribedSku;
    const free = before.available;
    expect(free).toBeGreaterThan(0);
    expect(free).toBeLessThan(JOB_CHUNK_USERS);
    const jobsBefore = await jobCount();

    const response = await as(t.app, admin).post(jobsUrl(), { userIds, add: [{ skuId: sku.POWER_BI_PRO }] });
    expect(response.statusCode, response.body).toBe(202);
    const job = response.json() as BulkJob;
    expect(job).toEqual({
      id: expect.stringMatching(UUID),
      status: "queued",
      mode: "add",
      add: [{ skuId: sku.POWER_BI_PRO, disabledPlans: [] }],
      remove: [],
      createdBy: { id: admin.me.user.id, displayName: admin.me.user.displayName },
      createdAt: expect.any(String),
      finishedAt: null,
      total: userIds.length,
      processed: 0,
      succeeded: 0,
      failed: 0,
      error: null,
      errorCode: null,
    });
    expect(await jobCount()).toBe(jobsBefore + 1);

    // While it runs, progress moves a whole chunk at a time (it commits with the chunk's changes).
    let ended = false;
    const settled = t.app.licenseJobs.settled(job.id).then(() => {
      ended = true;
    });
    const seen = new Set<number>();
    while (!ended) {
      const progress = await as(t.app, admin).get(`${jobsUrl()}/${job.id}`);
      expect(progress.statusCode).toBe(200);
      seen.add((progress.json() as BulkJob).processed);
      await sleep(10);
    }
    await settled;
    const chunkEnds = [0, JOB_CHUNK_USERS, 2 * JOB_CHUNK_USERS, userIds.length];
    for (const processed of seen) expect(chunkEnds).toContain(processed);

    const done = await details(job.id);
    const failed = userIds.length - free;
    expect(done).toMatchObject({
      id: job.id,
      status: "succeeded",
      total: userIds.length,
      processed: userIds.length,
      succeeded: free,
      failed,
      error: null,
    });
    expect(Date.parse(done.finishedAt as string)).toBeGreaterThanOrEqual(Date.parse(done.createdAt));

    // Every user once; failures first (the unknown id, with no name, leads), then the users who got a seat.
    expect(done.results).toHaveLength(userIds.length);
    expect(new Set(done.results.map((r) => r.userId))).toEqual(new Set(userIds));
    expect(done.results.slice(0, failed).every((r) => !r.ok)).toBe(true);
    expect(done.results.slice(failed).every((r) => r.ok)).toBe(true);
    expect(done.results[0]).toMatchObject({
      userId: unknown,
      displayName: null,
      ok: false,
      violations: [{ code: "NotFound" }],
    });
    const names = new Map(users.map((u) => [u.id, u.displayName]));
    for (const result of done.results.slice(1, failed)) {
      expect(result).toMatchObject({
        displayName: names.get(result.userId),
        added: [sku.POWER_BI_PRO],
        removed: [],
        changed: [],
      });
      expect(result.violations?.map((v) => v.code)).toEqual(["CountViolation"]);
    }
    for (const result of done.results.slice(failed)) {
      expect(result).toEqual({
        userId: result.userId,
        displayName: names.get(result.userId),
        ok: true,
        added: [sku.POWER_BI_PRO],
        removed: [],
        changed: [],
      });
    }

    // Seats: before from the first chunk, after from the last.
    expect(done.seats).toEqual([
      {
        skuId: sku.POWER_BI_PRO,
        skuPartNumber: "POWER_BI_PRO",
        before: { consumedUnits: before.consumedUnits, available: free },
        after: { consumedUnits: before.consumedUnits + free, available: 0 },
      },
    ]);
    const after = (await skus()).get("POWER_BI_PRO") as SubscribedSku;
    expect({ consumed: after.consumedUnits, available: after.available }).toEqual({
      consumed: before.consumedUnits + free,
      available: 0,
    });
    const held = await holdings(userIds, "POWER_BI_PRO");
    const holders = done.results.filter((r) => r.ok).map((r) => r.userId);
    expect([...held.keys()].sort()).toEqual([...holders].sort());
    expect([...held.values()].every((count) => count === 1)).toBe(true);
    await assertSeatCountersMatchHolders(t.db, t.tenants.contoso);

    // Audit: the creation with the request; one event per changed user and the end with the job.
    expect(await auditOf(t.db, response)).toMatchObject([
      {
        action: "licenses.bulkJobCreated",
        tenantId: t.tenants.contoso,
        actorUserId: admin.me.user.id,
        targetType: "licenseJob",
        targetId: job.id,
        productIds: [productIdOf.POWER_BI_PRO],
        after: { mode: "add", users: userIds.length, remove: [] },
      },
    ]);
    const events = await jobAudit(job.id);
    expect(events.every((e) => e.tenantId === t.tenants.contoso && e.actorUserId === admin.me.user.id)).toBe(true);
    const changed = events.filter((e) => e.action === "user.licensesChanged");
    expect(changed.map((e) => e.targetId).sort()).toEqual([...holders].sort());
    expect(events.filter((e) => e.action === "licenses.bulkJobFinished")).toMatchObject([
      { targetType: "licenseJob", targetId: job.id, after: { users: userIds.length } },
    ]);
    expect(events.filter((e) => e.action === "licenses.bulkApplied")).toEqual([]);
    expect(events).toHaveLength(changed.length + 1);

    // Listed, newest first, without the results.
    const list = await as(t.app, admin).get(jobsUrl());
    expect(list.statusCode).toBe(200);
    const { results: _results, seats: _seats, ...summary } = done;
    expect((list.json() as { items: BulkJob[] }).items[0]).toEqual(summary);
  });

  it("replace mode and removals run as jobs too", async () => {
    const users = await makeUsers(3);
    const userIds = users.map((u) => u.id);
    const add = await as(t.app, admin).post(jobsUrl(), { userIds, add: [{ skuId: sku.EXCHANGESTANDARD }] });
    expect(add.statusCode, add.body).toBe(202);
    await t.app.licenseJobs.settled((add.json() as BulkJob).id);
    const plan = planIds.VISIOCLIENT?.[0] as string;
    const replace = await as(t.app, admin).post(jobsUrl(), {
      userIds,
      add: [{ skuId: sku.VISIOCLIENT, disabledPlans: [plan] }],
      mode: "replace",
    });
    expect(replace.statusCode, replace.body).toBe(202);
    const job = replace.json() as BulkJob;
    expect(job).toMatchObject({ mode: "replace", add: [{ skuId: sku.VISIOCLIENT, disabledPlans: [plan] }] });
    await t.app.licenseJobs.settled(job.id);
    const done = await details(job.id);
    expect(done).toMatchObject({ status: "succeeded", succeeded: 3, failed: 0 });
    for (const result of done.results) {
      expect(result).toMatchObject({ ok: true, added: [sku.VISIOCLIENT], removed: [sku.EXCHANGESTANDARD] });
    }
    expect(await holdings(userIds, "EXCHANGESTANDARD")).toEqual(new Map());
    expect([...(await holdings(userIds, "VISIOCLIENT")).values()]).toEqual([1, 1, 1]);

    const remove = await as(t.app, admin).post(jobsUrl(), { userIds, remove: [sku.VISIOCLIENT] });
    expect(remove.statusCode, remove.body).toBe(202);
    await t.app.licenseJobs.settled((remove.json() as BulkJob).id);
    expect(await details((remove.json() as BulkJob).id)).toMatchObject({ status: "succeeded", succeeded: 3 });
    expect(await holdings(userIds, "VISIOCLIENT")).toEqual(new Map());
    await assertSeatCountersMatchHolders(t.db, t.tenants.contoso);
  });
});

describe("bad input stores nothing", () => {
  let user: MadeUser;
  beforeAll(async () => {
    user = await makeUser(t.db, t.tenants.contoso);
  });

  async function refused(send: () => Promise<LightMyRequestResponse>, status: number, code: string) {
    const jobs = await jobCount();
    const response = await send();
    expect(response.statusCode, response.body).toBe(status);
    expect(problem(response).code, response.body).toBe(code);
    expect(await jobCount()).toBe(jobs);
    expect(await auditOf(t.db, response)).toEqual([]);
    return problem(response);
  }
  const post = (body: unknown, query = "") => as(t.app, admin).post(`${jobsUrl()}${query}`, body);
  const valid = () => ({ userIds: [user.id], add: [{ skuId: sku.POWER_BI_PRO }] });

  it("a bulk run's atomic and dryRun fields are not a job's (strict body: 400)", async () => {
    await refused(() => post({ ...valid(), atomic: false }), 400, "ValidationFailed");
    await refused(() => post({ ...valid(), atomic: true }), 400, "ValidationFailed");
    await refused(() => post({ ...valid(), dryRun: true }), 400, "ValidationFailed");
    await refused(() => post({ ...valid(), dryRun: false }), 400, "ValidationFailed");
    await refused(() => post(valid(), "?dryRun=true"), 400, "ValidationFailed");
    await refused(() => post(valid(), "?anything=1"), 400, "ValidationFailed");
  });

  it("products: unknown 404, capacity 400, a plan of another product 422", async () => {
    const unknown = await refused(() => post({ userIds: [user.id], add: [{ skuId: randomUUID() }] }), 404, "NotFound");
    expect(unknown.errors?.[0]?.path).toBe("body.add");
    await refused(() => post({ userIds: [user.id], remove: [randomUUID()] }), 404, "NotFound");
    await refused(
      () => post({ userIds: [user.id], add: [{ skuId: sku.POWERAUTOMATE_PROCESS }] }),
      400,
      "ValidationFailed",
    );
    await refused(
      () =>
        post({
          userIds: [user.id],
          add: [{ skuId: sku.POWER_BI_PRO, disabledPlans: [planIds.VISIOCLIENT?.[0]] }],
        }),
      422,
      "InvalidServicePlan",
    );
  });

  it("users: 10,001, repeated (in any letter case) or none is 400", async () => {
    const many = Array.from({ length: 10_001 }, () => randomUUID());
    await refused(() => post({ userIds: many, add: [{ skuId: sku.POWER_BI_PRO }] }), 400, "ValidationFailed");
    await refused(
      () => post({ userIds: [user.id, user.id], add: [{ skuId: sku.POWER_BI_PRO }] }),
      400,
      "ValidationFailed",
    );
    await refused(
      () => post({ userIds: [user.id, user.id.toUpperCase()], add: [{ skuId: sku.POWER_BI_PRO }] }),
      400,
      "ValidationFailed",
    );
    await refused(() => post({ userIds: [], add: [{ skuId: sku.POWER_BI_PRO }] }), 400, "ValidationFailed");
    await refused(() => post({ userIds: ["not-a-uuid"], add: [{ skuId: sku.POWER_BI_PRO }] }), 400, "ValidationFailed");
  });

  it("a change that changes nothing, or contradicts itself, is 400", async () => {
    await refused(() => post({ userIds: [user.id] }), 400, "ValidationFailed");
    await refused(() => post({ userIds: [user.id], add: [], remove: [] }), 400, "ValidationFailed");
    await refused(
      () => post({ userIds: [user.id], add: [{ skuId: sku.POWER_BI_PRO }], remove: [sku.POWER_BI_PRO] }),
      400,
      "ValidationFailed",
    );
    await refused(
      () => post({ userIds: [user.id], add: [], remove: [sku.POWER_BI_PRO], mode: "replace" }),
      400,
      "ValidationFailed",
    );
    await refused(() => post({ ...valid(), mode: "merge" }), 400, "ValidationFailed");
    await refused(() => post(null), 400, "ValidationFailed");
  });

  it("reading: a malformed job id is 400 InvalidId, an unknown or another tenant's job 404", async () => {
    const api = as(t.app, admin);
    for (const bad of ["not-a-uuid", "123", `${randomUUID()}x`]) {
      const response = await api.get(`${jobsUrl()}/${bad}`);
      expect(response.statusCode, bad).toBe(400);
      expect(problem(response).code).toBe("InvalidId");
    }
    const unknown = await api.get(`${jobsUrl()}/${randomUUID()}`);
    expect(unknown.statusCode).toBe(404);
    expect(problem(unknown).code).toBe("NotFound");

    const fabrikamUser = await makeUser(t.db, t.tenants.fabrikam);
    const foreign = await insertJob([fabrikamUser.id], "POWER_BI_PRO", { tenantId: t.tenants.fabrikam });
    await t.db.licenseJob.update({ where: { id: foreign }, data: { status: "succeeded" } });
    const other = await api.get(`${jobsUrl()}/${foreign}`);
    expect(other.statusCode).toBe(404);
    expect({ ...problem(other), requestId: undefined, instance: undefined }).toEqual({
      ...problem(unknown),
      requestId: undefined,
      instance: undefined,
    });
    const list = await api.get(`${jobsUrl()}?limit=200`);
    expect((list.json() as { items: BulkJob[] }).items.map((j) => j.id)).not.toContain(foreign);
    // The Fabrikam admin sees it; Contoso's job ids are unknown there.
    const fabrikamAdmin = await login(t.app, "admin@fabrikam.test");
    const own = await as(t.app, fabrikamAdmin).get(`/api/tenants/${t.tenants.fabrikam}/licenses/bulkJobs/${foreign}`);
    expect(own.statusCode).toBe(200);

    const listQuery = await api.get(`${jobsUrl()}?status=running`);
    expect(listQuery.statusCode).toBe(400);
    const detailQuery = await api.get(`${jobsUrl()}/${foreign}?verbose=true`);
    expect(detailQuery.statusCode).toBe(400);
  });
});

describe("who may start and read jobs", () => {
  it("license and user admins start jobs; billing, helpdesk and service admins and makers get 403", async () => {
    for (const email of ["licenses@contoso.test", "users@contoso.test"]) {
      const session = await login(t.app, email);
      const user = await makeUser(t.db, t.tenants.contoso);
      const response = await as(t.app, session).post(jobsUrl(), {
        userIds: [user.id],
        add: [{ skuId: sku.VISIOCLIENT }],
      });
      expect(response.statusCode, `${email}: ${response.body}`).toBe(202);
      const job = response.json() as BulkJob;
      expect(job.createdBy.id).toBe(session.me.user.id);
      await t.app.licenseJobs.settled(job.id);
      expect(await details(job.id)).toMatchObject({ status: "succeeded", succeeded: 1 });
      // The job acts as its creator: its events name the license admin, not the global admin.
      expect((await jobAudit(job.id)).every((e) => e.actorUserId === session.me.user.id)).toBe(true);
    }
    for (const email of [
      "billing@contoso.test",
      "helpdesk@contoso.test",
      "service@contoso.test",
      "maker@contoso.test",
    ]) {
      const session = await login(t.app, email);
      const user = await makeUser(t.db, t.tenants.contoso);
      const jobs = await jobCount();
      const response = await as(t.app, session).post(jobsUrl(), {
        userIds: [user.id],
        add: [{ skuId: sku.VISIOCLIENT }],
      });
      expect(response.statusCode, email).toBe(403);
      expect(problem(response).code).toBe("Forbidden");
      expect(await jobCount()).toBe(jobs);
      expect(await t.db.licenseAssignment.count({ where: { userId: user.id } })).toBe(0);
    }
  });

  it("every admin role that reads the directory reads jobs; a maker does not", async () => {
    const [job] = await t.db.licenseJob.findMany({ where: { tenantId: t.tenants.contoso }, take: 1 });
    expect(job).toBeDefined();
    for (const email of [
      "billing@contoso.test",
      "helpdesk@contoso.test",
      "service@contoso.test",
      "licenses@contoso.test",
      "users@contoso.test",
      "agent@partner.test",
    ]) {
      const api = as(t.app, await login(t.app, email));
      expect((await api.get(jobsUrl())).statusCode, email).toBe(200);
      expect((await api.get(`${jobsUrl()}/${job?.id}`)).statusCode, email).toBe(200);
    }
    const maker = as(t.app, await login(t.app, "maker@contoso.test"));
    for (const path of [jobsUrl(), `${jobsUrl()}/${job?.id}`]) {
      const response = await maker.get(path);
      expect(response.statusCode).toBe(403);
      expect(problem(response).code).toBe("Forbidden");
    }
  });
});

describe("the runner", HEAVY, () => {
  it("a job a stopped server left running is finished by the next server (resumeAll on ready)", async () => {
    const users = await makeUsers(JOB_CHUNK_USERS + 150);
    const userIds = users.map((u) => u.id);
    const jobId = await insertJob(userIds, "VISIOCLIENT", { status: "running" });
    const next = await appOn(url);
    try {
      await next.licenseJobs.settled(jobId);
    } finally {
      await next.close();
    }
    await expectAppliedOnce(jobId, userIds, "VISIOCLIENT");
  });

  it("a job stopped after its first chunk resumes where that chunk's commit ended", async () => {
    const users = await makeUsers(JOB_CHUNK_USERS + 150);
    const userIds = users.map((u) => u.id);
    const jobId = await insertJob(userIds, "VISIOCLIENT");
    // A runner stopped while its first chunk runs: the chunk finishes, no other starts (a server shutting down).
    const stopped = new LicenseJobRunner(t.db, t.clock, t.app.log);
    stopped.schedule(jobId);
    await stopped.stop();
    const half = await details(jobId);
    expect(half).toMatchObject({ status: "running", processed: JOB_CHUNK_USERS, succeeded: JOB_CHUNK_USERS });
    expect(half.finishedAt).toBeNull();
    expect(half.results).toHaveLength(JOB_CHUNK_USERS);
    expect((await holdings(userIds, "VISIOCLIENT")).size).toBe(JOB_CHUNK_USERS);
    // The seats the chunk took are counted already.
    await assertSeatCountersMatchHolders(t.db, t.tenants.contoso);

    const next = await appOn(url);
    try {
      await next.licenseJobs.settled(jobId);
    } finally {
      await next.close();
    }
    await expectAppliedOnce(jobId, userIds, "VISIOCLIENT");
    const done = await details(jobId);
    const visio = done.seats.find((line) => line.skuId === sku.VISIOCLIENT);
    expect(visio && visio.after.consumedUnits - visio.before.consumedUnits).toBe(userIds.length);
  });

  it("two servers running the same job at once apply every user exactly once", async () => {
    const users = await makeUsers(2 * JOB_CHUNK_USERS + 100);
    const userIds = users.map((u) => u.id);
    const consumedBefore = (await skus()).get("VISIOCLIENT")?.consumedUnits as number;
    const jobId = await insertJob(userIds, "VISIOCLIENT");
    const other = await appOn(url);
    try {
      t.app.licenseJobs.schedule(jobId);
      other.licenseJobs.schedule(jobId);
      await Promise.all([t.app.licenseJobs.settled(jobId), other.licenseJobs.settled(jobId)]);
    } finally {
      await other.close();
    }
    await expectAppliedOnce(jobId, userIds, "VISIOCLIENT");
    expect((await skus()).get("VISIOCLIENT")?.consumedUnits).toBe(consumedBefore + userIds.length);
    const done = await details(jobId);
    const visio = done.seats.find((line) => line.skuId === sku.VISIOCLIENT);
    expect(visio?.before.consumedUnits).toBe(consumedBefore);
    expect(visio?.after.consumedUnits).toBe(consumedBefore + userIds.length);
  });

  it("a job refused half-way (its product gone) ends failed with a message; earlier chunks stay applied", async () => {
    const users = await makeUsers(JOB_CHUNK_USERS + 150);
    const userIds = users.map((u) => u.id);
    const jobId = await insertJob(userIds, "VISIOCLIENT");
    const stopped = new LicenseJobRunner(t.db, t.clock, t.app.log);
    stopped.schedule(jobId);
    await stopped.stop();
    expect(await details(jobId)).toMatchObject({ status: "running", processed: JOB_CHUNK_USERS });

    // The catalog no longer has the product the job names.
    const gone = randomUUID();
    const row = await t.db.licenseJob.findUniqueOrThrow({ where: { id: jobId } });
    const request = row.request as { add: Array<{ skuId: string; disabledPlans: string[] }> };
    await t.db.licenseJob.update({
      where: { id: jobId },
      data: { request: { ...(row.request as object), add: [{ ...request.add[0], skuId: gone }] } },
    });
    t.app.licenseJobs.schedule(jobId);
    await t.app.licenseJobs.settled(jobId);

    const failed = await details(jobId);
    expect(failed).toMatchObject({
      status: "failed",
      total: userIds.length,
      processed: JOB_CHUNK_USERS,
      succeeded: JOB_CHUNK_USERS,
      failed: 0,
    });
    expect(failed.error).toContain(gone);
    expect(failed.finishedAt).not.toBeNull();
    expect(failed.results).toHaveLength(JOB_CHUNK_USERS);
    const held = await holdings(userIds, "VISIOCLIENT");
    expect(userIds.slice(0, JOB_CHUNK_USERS).every((id) => held.get(id) === 1)).toBe(true);
    expect(userIds.slice(JOB_CHUNK_USERS).some((id) => held.has(id))).toBe(false);
    await assertSeatCountersMatchHolders(t.db, t.tenants.contoso);
    // An ended job is not picked up again.
    const next = await appOn(url);
    try {
      await next.licenseJobs.settled(jobId);
    } finally {
      await next.close();
    }
    expect(await details(jobId)).toMatchObject({ status: "failed", processed: JOB_CHUNK_USERS });
  });
});

describe("a job acts with its creator's rights as they are now", HEAVY, () => {
  it("its creator loses the role after the first chunk: the job ends failed with Forbidden, that chunk stays applied", async () => {
    const creator = await makeUser(t.db, t.tenants.contoso, { role: "licenseAdmin" });
    const users = await makeUsers(JOB_CHUNK_USERS + 100);
    const userIds = users.map((u) => u.id);
    const jobId = await insertJob(userIds, "VISIOCLIENT", { createdByUserId: creator.id });
    const stopped = new LicenseJobRunner(t.db, t.clock, t.app.log);
    stopped.schedule(jobId);
    await stopped.stop();
    expect(await details(jobId)).toMatchObject({ status: "running", processed: JOB_CHUNK_USERS, errorCode: null });

    await t.db.roleAssignment.deleteMany({ where: { userId: creator.id } });
    t.app.licenseJobs.schedule(jobId);
    await t.app.licenseJobs.settled(jobId);

    const failed = await details(jobId);
    expect(failed).toMatchObject({
      status: "failed",
      errorCode: "Forbidden",
      processed: JOB_CHUNK_USERS,
      succeeded: JOB_CHUNK_USERS,
    });
    expect(failed.error).toMatch(/may no longer change licenses/);
    const held = await holdings(userIds, "VISIOCLIENT");
    expect(userIds.slice(0, JOB_CHUNK_USERS).every((id) => held.get(id) === 1)).toBe(true);
    expect(userIds.slice(JOB_CHUNK_USERS).some((id) => held.has(id))).toBe(false);
    await assertSeatCountersMatchHolders(t.db, t.tenants.contoso);
    const audited = await t.db.auditEvent.findMany({ where: { targetId: jobId, action: "licenses.bulkJobFailed" } });
    expect(audited[0]?.after).toMatchObject({
      code: "Forbidden",
      processed: JOB_CHUNK_USERS,
    });
    // The chunk that ran is audited per user, as any bulk change is.
    expect(
      await t.db.auditEvent.count({ where: { requestId: `job:${jobId}`, targetId: { in: userIds.slice(0, 5) } } }),
    ).toBe(5);
  });

  it.each([
    ["sign-in blocked", { accountEnabled: false }],
    ["deleted", { deletedAt: new Date() }],
  ] as const)("a creator whose account is %s: the job stops before its first chunk", async (_case, change) => {
    const creator = await makeUser(t.db, t.tenants.contoso, { role: "userAdmin" });
    const users = await makeUsers(10);
    const jobId = await insertJob(
      users.map((u) => u.id),
      "VISIOCLIENT",
      { createdByUserId: creator.id },
    );
    await t.db.user.update({ where: { id: creator.id }, data: change });
    t.app.licenseJobs.schedule(jobId);
    await t.app.licenseJobs.settled(jobId);
    expect(await details(jobId)).toMatchObject({ status: "failed", errorCode: "Forbidden", processed: 0 });
    expect(
      (
        await holdings(
          users.map((u) => u.id),
          "VISIOCLIENT",
        )
      ).size,
    ).toBe(0);
  });

  it("a creator removed for good (the job's creator set to null), or a partner agent whose relationship ended", async () => {
    const gone = await makeUser(t.db, t.tenants.contoso, { role: "licenseAdmin" });
    const users = await makeUsers(4);
    const first = await insertJob([users[0]?.id as string, users[1]?.id as string], "VISIOCLIENT", {
      createdByUserId: gone.id,
    });
    await t.db.user.delete({ where: { id: gone.id } });

    const agent = await t.db.user.findUniqueOrThrow({ where: { email: "agent@partner.test" } });
    const second = await insertJob([users[2]?.id as string, users[3]?.id as string], "VISIOCLIENT", {
      createdByUserId: agent.id,
    });
    const relationship = await t.db.partnerRelationship.findFirstOrThrow({
      where: { partnerTenantId: t.tenants.partner, customerTenantId: t.tenants.contoso },
    });
    await t.db.partnerRelationship.update({ where: { id: relationship.id }, data: { status: "terminated" } });
    try {
      for (const jobId of [first, second]) {
        t.app.licenseJobs.schedule(jobId);
        await t.app.licenseJobs.settled(jobId);
        expect(await details(jobId)).toMatchObject({ status: "failed", errorCode: "Forbidden", processed: 0 });
      }
      expect(
        (
          await holdings(
            users.map((u) => u.id),
            "VISIOCLIENT",
          )
        ).size,
      ).toBe(0);
    } finally {
      await t.db.partnerRelationship.update({ where: { id: relationship.id }, data: { status: "active" } });
    }
  });
});

describe("the list", () => {
  it("pages through the tenant's jobs newest first, and nothing is left running", async () => {
    const api = as(t.app, admin);
    const all = await walkPages(
      async (query) => {
        const response = await api.get(`${jobsUrl()}?${query}`);
        expect(response.statusCode, response.body).toBe(200);
        return response.json() as { items: BulkJob[]; nextCursor: string | null };
      },
      "",
      2,
      100,
    );
    const rows = await t.db.licenseJob.findMany({
      where: { tenantId: t.tenants.contoso },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    expect(all.map((job) => job.id)).toEqual(rows.map((row) => row.id));
    expect(all.length).toBeGreaterThanOrEqual(8);
    expect(all.filter((job) => job.status === "queued" || job.status === "running")).toEqual([]);
    const bad = await api.get(`${jobsUrl()}?cursor=nonsense`);
    expect(bad.statusCode).toBe(400);
    expect((await api.get(`${jobsUrl()}?limit=0`)).statusCode).toBe(400);
  });
});
