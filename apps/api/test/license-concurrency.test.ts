// Seat integrity under real concurrency: several API instances, each a real HTTP server with its own connection
// pool on one database, race for the last seats of a product; and a separate API process is SIGKILLed in the middle
// of a bulk run and of a group assignment. Whatever happens, consumedUnits must equal the number of users holding
// the product, nobody may hold a seat the tenant did not buy, and nothing may be half-applied.

import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BulkLicenseReport, GroupLicenses, SubscribedSku } from "@allot/contracts";
import { createDb, type Db, DEMO_PASSWORD } from "@allot/db";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { createTestDatabase } from "./database.js";
import { assertSeatCountersMatchHolders, makeGroup } from "./fixtures.js";

const here = dirname(fileURLToPath(import.meta.url));
const INSTANCES = 3;
const ADMIN = "admin@contoso.test";

// ───────────────────────── API over HTTP ─────────────────────────

interface Reply {
  status: number;
  contentType: string;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field below
  body: any;
}

/** A signed-in admin talking to one API server over real HTTP (Node's fetch), cookie and CSRF header included. */
class Client {
  private constructor(
    readonly origin: string,
    private readonly cookie: string,
    private readonly csrfToken: string,
  ) {}

  static async signIn(origin: string, email = ADMIN): Promise<Client> {
    const response = await fetch(`${origin}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    if (response.status !== 200) throw new Error(`login at ${origin}: ${response.status} ${await response.text()}`);
    const session = response.headers
      .getSetCookie()
      .map((cookie) => cookie.split(";")[0] ?? "")
      .find((pair) => pair.startsWith("allot_session="));
    if (!session) throw new Error("no allot_session cookie");
    const me = (await response.json()) as { csrfToken: string };
    return new Client(origin, session, me.csrfToken);
  }

  async get(path: string): Promise<Reply> {
    return this.send("GET", path);
  }

  async post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    return this.send("POST", path, body, headers);
  }

  private async send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${this.origin}${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        ...(method === "GET" ? {} : { "x-csrf-token": this.csrfToken, "content-type": "application/json" }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const contentType = response.headers.get("content-type") ?? "";
    const text = await response.text();
    return {
      status: response.status,
      contentType,
      body: text && contentType.includes("json") ? JSON.parse(text) : text,
    };
  }
}

/** One "API process" inside this worker: the real app, its own Prisma client and pool, listening on a free port. */
interface Instance {
  app: FastifyInstance;
  client: Client;
  /** How PostgreSQL names this instance's sessions (pg_stat_activity.application_name). */
  applicationName: string;
}

async function startInstance(databaseUrl: string, index: number): Promise<Instance> {
  const applicationName = `allot-instance-${index}`;
  const url = withApplicationName(databaseUrl, applicationName);
  // 200 requests at once queue for these 3 x 8 connections. On a busy 2-core machine the last ones wait longer than
  // the 5 s a server waits by default before answering 503 (back-pressure, README § Faults); these tests are about
  // the seats, so here every request waits its turn.
  const db = createDb({ connectionString: url, maxConnections: 8, connectTimeoutMs: 60_000 });
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", DATABASE_URL: url });
  const app = await buildApp({ config, db, logger: false });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = app.server.address() as AddressInfo;
  return { app, applicationName, client: await Client.signIn(`http://127.0.0.1:${port}`) };
}

function withApplicationName(databaseUrl: string, applicationName: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set("application_name", applicationName);
  return url.toString();
}

/** The API as a separate Node process (license-concurrency.child.ts), known to PostgreSQL by its application_name. */
interface ChildApi {
  process: ChildProcess;
  applicationName: string;
  exited: Promise<unknown>;
  client: Client;
}

async function spawnChild(databaseUrl: string): Promise<ChildApi> {
  const applicationName = `allot-child-${randomUUID().slice(0, 8)}`;
  const child = spawn(process.execPath, ["--import", "tsx", join(here, "license-concurrency.child.ts")], {
    cwd: join(here, ".."),
    env: { ...process.env, DATABASE_URL: withApplicationName(databaseUrl, applicationName) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const port = await new Promise<number>((resolve, reject) => {
    let stdout = "";
    const timer = setTimeout(() => reject(new Error(`child did not start: ${stderr}`)), 30_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split("\n").find((l) => l.startsWith("{"));
      if (line) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { port: number }).port);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`child exited with ${code}: ${stderr}`));
    });
  });
  return { process: child, applicationName, exited, client: await Client.signIn(`http://127.0.0.1:${port}`) };
}

// ───────────────────────── database checks ─────────────────────────

let databaseUrl: string;
let dropDatabase: () => Promise<void>;
let db: Db;
/** Raw connection for checks that must not go through Prisma (pg_stat_activity, pg_locks, table locks). */
let raw: pg.Client;
let tenantId: string;
let products: Map<string, { id: string; skuId: string }>;
const instances: Instance[] = [];
const children: ChildApi[] = [];

const tenantPath = () => `/api/tenants/${tenantId}`;
const product = (skuPartNumber: string) => {
  const found = products.get(skuPartNumber);
  if (!found) throw new Error(`no product ${skuPartNumber}`);
  return found;
};
const instance = (index: number) => instances[index % instances.length] as Instance;
const client = (index: number) => instance(index).client;

async function subscribedSku(skuPartNumber: string, via = client(0)): Promise<SubscribedSku> {
  const response = await via.get(`${tenantPath()}/subscribedSkus`);
  expect(response.status).toBe(200);
  const sku = (response.body as { value: SubscribedSku[] }).value.find((s) => s.skuPartNumber === skuPartNumber);
  if (!sku) throw new Error(`tenant has no ${skuPartNumber}`);
  return sku;
}

/** Sets the product's (single, active, admin-bought) subscription so that exactly `free` seats are available. */
async function setFreeSeats(skuPartNumber: string, free: number): Promise<SubscribedSku> {
  const { id: productId } = product(skuPartNumber);
  const { consumedUnits } = await db.tenantProduct.findUniqueOrThrow({
    where: { tenantId_productId: { tenantId, productId } },
  });
  const updated = await db.subscription.updateMany({
    where: { tenantId, productId, state: "active" },
    data: { seats: consumedUnits + free },
  });
  expect(updated.count).toBe(1);
  const sku = await subscribedSku(skuPartNumber);
  expect(sku.available).toBe(free);
  return sku;
}

const assertCountersMatchRows = () => assertSeatCountersMatchHolders(db, tenantId);

/** Users (of those given) holding the product through a non-error assignment. */
async function holdersAmong(productId: string, userIds: readonly string[]): Promise<Set<string>> {
  const rows = await db.$queryRaw<Array<{ userId: string }>>`
    SELECT DISTINCT "userId"::text AS "userId" FROM "LicenseAssignment"
     WHERE "productId" = ${productId}::uuid AND state <> 'error' AND "userId" = ANY(${[...userIds]}::uuid[])`;
  return new Set(rows.map((row) => row.userId));
}

/** Fresh live users with a usage location, inserted in one statement (thousands in well under a second). */
async function insertUsers(count: number): Promise<string[]> {
  const tag = randomUUID().slice(0, 8);
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    INSERT INTO "User" (id, "tenantId", email, "displayName", "usageLocation", "updatedAt")
    SELECT gen_random_uuid(), ${tenantId}::uuid, 'load-' || ${tag} || '-' || g || '@contoso.test',
           'Load ' || ${tag} || ' ' || g, 'NL', now()
      FROM generate_series(1, ${count}::int) AS g
    RETURNING id::text AS id`;
  return rows.map((row) => row.id);
}

function tally(replies: readonly Reply[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const reply of replies) {
    const key = reply.status >= 400 ? `${reply.status} ${reply.body?.code}` : String(reply.status);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

const assignBody = (skuId: string) => ({ addLicenses: [{ skuId, disabledPlans: [] }], removeLicenses: [] });

beforeAll(async () => {
  const database = await createTestDatabase("allot_race");
  databaseUrl = database.url;
  dropDatabase = database.drop;
  db = createDb({ connectionString: databaseUrl, maxConnections: 5 });
  raw = new pg.Client({ connectionString: databaseUrl });
  await raw.connect();
  tenantId = (await db.tenant.findUniqueOrThrow({ where: { domain: "contoso.test" } })).id;
  const catalog = await db.product.findMany({ select: { id: true, skuId: true, skuPartNumber: true } });
  products = new Map(catalog.map((p) => [p.skuPartNumber, { id: p.id, skuId: p.skuId }]));
  for (let i = 0; i < INSTANCES; i++) instances.push(await startInstance(databaseUrl, i));
});

afterAll(async () => {
  for (const child of children) {
    if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill("SIGKILL");
    await child.exited;
  }
  await Promise.allSettled(instances.map((instance) => instance.app.close()));
  await raw?.end().catch(() => {});
  await db?.$disconnect();
  // WITH (FORCE) also ends any backend a killed child left behind.
  await dropDatabase?.();
});

// ───────────────────────── races ─────────────────────────

describe("concurrent assignments over several API instances", () => {
  it("200 users race for 50 free seats: exactly 50 win, 150 get CountViolation, counters match rows", async () => {
    const power = product("POWER_BI_PRO");
    const before = await setFreeSeats("POWER_BI_PRO", 50);
    // 200 fresh users with a usage location, inserted in one statement.
    const users = (await insertUsers(200)).map((id) => ({ id }));

    // All 200 in flight at once, round-robin over the instances (so over separate pools and HTTP connections).
    const replies = await Promise.all(
      users.map((user, i) => client(i).post(`${tenantPath()}/users/${user.id}/assignLicense`, assignBody(power.skuId))),
    );

    expect(tally(replies)).toEqual({ "200": 50, "409 CountViolation": 150 });
    for (const reply of replies.filter((r) => r.status === 409)) {
      expect(reply.contentType).toMatch(/^application\/problem\+json/);
    }
    const winners = users.filter((_, i) => replies[i]?.status === 200).map((user) => user.id);
    for (const reply of replies.filter((r) => r.status === 200)) {
      expect(reply.body.assignedLicenses).toEqual([{ skuId: power.skuId, disabledPlans: [] }]);
    }

    const after = await subscribedSku("POWER_BI_PRO", client(1));
    expect(after.consumedUnits).toBe(before.consumedUnits + 50);
    expect(after.available).toBe(0);
    // The winners, and only they, hold a seat: one direct row each.
    expect(
      await holdersAmong(
        power.id,
        users.map((user) => user.id),
      ),
    ).toEqual(new Set(winners));
    const rows = await db.licenseAssignment.count({ where: { tenantId, productId: power.id } });
    const holders = await db.licenseAssignment.findMany({
      where: { tenantId, productId: power.id, state: { not: "error" }, user: { deletedAt: null } },
      distinct: ["userId"],
      select: { userId: true },
    });
    expect(holders.length).toBe(after.consumedUnits);
    expect(rows).toBe(before.consumedUnits + 50);
    await assertCountersMatchRows();
  }, 60_000);

  it("singles, non-atomic bulk runs and group assignments race for 20 seats: 20 holders, one seat each", async () => {
    const visio = product("VISIOCLIENT");
    const before = await setFreeSeats("VISIOCLIENT", 20);
    const u = await insertUsers(180);
    const range = (from: number, to: number) => u.slice(from, to);

    // Overlaps on purpose: the same user asked for twice directly, in a single and a bulk call, in two bulk calls,
    // directly and through a group, and through two groups. Each must end with at most one seat.
    const singles = [...range(0, 50), ...range(0, 10)]; // 60 calls, 10 users twice
    const bulks = [
      [...range(50, 70), ...range(10, 15)], // + 5 single users
      [...range(70, 90), ...range(15, 20)], // + 5 single users
      [...range(90, 110), ...range(50, 55)], // + 5 users of bulk 1
      [...range(110, 130), ...range(55, 60)], // + 5 users of bulk 1
    ];
    const group1Members = [...range(130, 155), ...range(20, 25)]; // + 5 single users
    const group2Members = [...range(155, 175), ...range(150, 155), ...range(60, 65)]; // + 5 of group 1, 5 of bulk 1
    const group1 = await makeGroup(db, tenantId, group1Members);
    const group2 = await makeGroup(db, tenantId, group2Members);
    const everyone = [...new Set([...singles, ...bulks.flat(), ...group1Members, ...group2Members])];
    expect(everyone.length).toBeGreaterThan(20 * 5);

    // Every call is a thunk first, so they can be started interleaved (groups, bulks and singles side by side) and
    // all within the same tick, round-robin over the instances.
    const bulkBody = (userIds: string[]) => ({
      userIds,
      add: [{ skuId: visio.skuId }],
      remove: [],
      mode: "add",
      atomic: false,
      dryRun: false,
    });
    const thunks = {
      singles: singles.map(
        (userId) => (via: Client) => via.post(`${tenantPath()}/users/${userId}/assignLicense`, assignBody(visio.skuId)),
      ),
      bulks: bulks.map((userIds) => (via: Client) => via.post(`${tenantPath()}/licenses/bulk`, bulkBody(userIds))),
      groups: [group1, group2].map(
        (group) => (via: Client) =>
          via.post(`${tenantPath()}/groups/${group.id}/assignLicense`, assignBody(visio.skuId)),
      ),
    };
    const started = new Map<(via: Client) => Promise<Reply>, Promise<Reply>>();
    const order = [
      thunks.groups[0],
      ...thunks.singles.slice(0, 20),
      thunks.bulks[0],
      thunks.bulks[1],
      ...thunks.singles.slice(20, 40),
      thunks.groups[1],
      thunks.bulks[2],
      ...thunks.singles.slice(40),
      thunks.bulks[3],
    ] as Array<(via: Client) => Promise<Reply>>;
    expect(order.length).toBe(66);
    order.forEach((thunk, i) => {
      started.set(thunk, thunk(client(i)));
    });
    const settle = (list: Array<(via: Client) => Promise<Reply>>) =>
      Promise.all(list.map((thunk) => started.get(thunk) as Promise<Reply>));
    const [singleReplies, bulkReplies, groupReplies] = await Promise.all([
      settle(thunks.singles),
      settle(thunks.bulks),
      settle(thunks.groups),
    ]);

    // No 5xx anywhere; refusals are the expected ones.
    const twice = new Set([...range(0, 20), ...range(50, 60)]);
    singleReplies.forEach((reply, i) => {
      const userId = singles[i] as string;
      if (reply.status === 200) return;
      expect(reply.status, JSON.stringify(reply.body)).toBe(409);
      expect(reply.body.code === "CountViolation" || (twice.has(userId) && reply.body.code === "AlreadyAssigned")).toBe(
        true,
      );
    });
    for (const reply of [...bulkReplies, ...groupReplies]) expect(reply.status, JSON.stringify(reply.body)).toBe(200);

    // Who the API said got the license.
    const winners = new Set<string>();
    singles.forEach((userId, i) => {
      if (singleReplies[i]?.status === 200) winners.add(userId);
    });
    for (const reply of bulkReplies) {
      const report = reply.body as BulkLicenseReport;
      expect(report.applied).toBe(true);
      for (const result of report.results) {
        if (result.ok) winners.add(result.userId);
        else {
          const codes = (result.violations ?? []).map((v) => v.code);
          const allowed = twice.has(result.userId) ? ["CountViolation", "AlreadyAssigned"] : ["CountViolation"];
          expect(codes.length).toBeGreaterThan(0);
          for (const code of codes) expect(allowed).toContain(code);
        }
      }
    }
    const groupMembers = [group1Members, group2Members];
    groupReplies.forEach((reply, g) => {
      const view = reply.body as GroupLicenses;
      const members = groupMembers[g] as string[];
      const failed = new Set(view.membersWithLicenseErrors.map((e) => e.userId));
      expect(view.membersWithLicenseErrorsCount).toBe(failed.size);
      for (const error of view.membersWithLicenseErrors) expect(error.error).toBe("CountViolation");
      for (const userId of members) if (!failed.has(userId)) winners.add(userId);
    });

    // Supply was the limit: exactly the 20 free seats are gone, to exactly the users the API reported.
    const after = await subscribedSku("VISIOCLIENT", client(2));
    expect(after.consumedUnits).toBe(before.consumedUnits + 20);
    expect(after.available).toBe(0);
    const holders = await holdersAmong(visio.id, everyone);
    expect(holders.size).toBe(20);
    expect(holders).toEqual(winners);

    // One seat per user: at most one direct row per user, at most one inherited row per user and group.
    const rows = await db.licenseAssignment.findMany({
      where: { productId: visio.id, userId: { in: everyone } },
      select: { userId: true, assignedByGroupId: true, state: true, errorCode: true },
    });
    const perSource = new Map<string, number>();
    for (const row of rows) {
      const k = `${row.userId}|${row.assignedByGroupId ?? "direct"}`;
      perSource.set(k, (perSource.get(k) ?? 0) + 1);
    }
    expect([...perSource.values()].every((count) => count === 1)).toBe(true);
    // Direct rows only for holders (refused direct changes write nothing).
    for (const row of rows.filter((r) => r.assignedByGroupId === null)) {
      expect(row.state).toBe("active");
      expect(holders.has(row.userId)).toBe(true);
    }
    // Every group member has the group's row: in effect for holders, in error (CountViolation, no seat) for the rest.
    [group1, group2].forEach((group, g) => {
      for (const userId of groupMembers[g] as string[]) {
        const inherited = rows.filter((r) => r.userId === userId && r.assignedByGroupId === group.id);
        expect(inherited).toHaveLength(1);
        const [row] = inherited;
        if (holders.has(userId)) expect(row?.state).toBe("active");
        else expect(row).toMatchObject({ state: "error", errorCode: "CountViolation" });
      }
    });
    await assertCountersMatchRows();
  }, 60_000);
});

// ───────────────────────── killed processes ─────────────────────────

/** An API's sessions in this database (pid, what it runs, whether and on what it waits). */
async function backendsOf(api: { applicationName: string }) {
  const { rows } = await raw.query<{
    pid: number;
    state: string;
    wait_event_type: string | null;
    wait_event: string | null;
    query: string;
  }>(
    `SELECT pid, state, wait_event_type, wait_event, query FROM pg_stat_activity
      WHERE application_name = $1 AND datname = current_database()`,
    [api.applicationName],
  );
  return rows;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Table-level locks a backend holds, e.g. RowExclusiveLock on a table it has written in its open transaction. */
async function tableLocksOf(pid: number): Promise<Set<string>> {
  const { rows } = await raw.query<{ lock: string }>(
    `SELECT c.relname || ':' || l.mode AS lock FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
      WHERE l.pid = $1 AND l.granted`,
    [pid],
  );
  return new Set(rows.map((row) => row.lock));
}

const GATE_KEY = 7_270_001;
let gateInstalled = false;

/**
 * Stops every transaction right after it writes a seat counter, until released. Seat counters are written once per
 * change, after its assignment rows (seat-ledger.ts commitSeatChanges), so a stopped change has written everything
 * but has not committed. Works through a test-only trigger on TenantProduct (this file's own database) that waits
 * for a shared advisory lock while the gate holds it exclusively; with the gate open it costs nothing.
 */
async function closeSeatGate(): Promise<{ release(): Promise<void> }> {
  if (!gateInstalled) {
    await raw.query(`CREATE OR REPLACE FUNCTION allot_test_seat_gate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_advisory_xact_lock_shared(${GATE_KEY}); RETURN NULL; END $$`);
    await raw.query(`CREATE TRIGGER allot_test_seat_gate AFTER UPDATE ON "TenantProduct"
      FOR EACH ROW EXECUTE FUNCTION allot_test_seat_gate()`);
    gateInstalled = true;
  }
  const gate = new pg.Client({ connectionString: databaseUrl });
  await gate.connect();
  await gate.query("SELECT pg_advisory_lock($1)", [GATE_KEY]);
  return {
    async release() {
      await gate.query("SELECT pg_advisory_unlock($1)", [GATE_KEY]);
      await gate.end();
    },
  };
}

/** The API's session stopped at the seat gate, once there is one. */
async function atSeatGate(api: { applicationName: string }) {
  return (await backendsOf(api)).find((b) => b.wait_event_type === "Lock" && b.wait_event === "advisory");
}

/** SIGKILLs the child and waits until PostgreSQL has ended (and so rolled back) every session it had. */
async function killChild(child: ChildApi) {
  child.process.kill("SIGKILL");
  await child.exited;
}
async function untilBackendsGone(child: ChildApi) {
  await until("the killed child's sessions to end", async () =>
    (await backendsOf(child)).length === 0 ? true : undefined,
  );
}

/**
 * Sends a request to the child API, waits until its transaction stands at the seat gate (after its writes, before
 * COMMIT) holding these table locks, kills the child there, and checks the request died with it.
 */
async function killAtSeatGate(child: ChildApi, what: string, send: () => Promise<unknown>, locks: string[]) {
  const gate = await closeSeatGate();
  let released = false;
  try {
    const request = send().then(
      (reply) => ({ reply }),
      (error: unknown) => ({ error }),
    );
    const backend = await until(what, () => atSeatGate(child));
    const held = await tableLocksOf(backend.pid);
    for (const lock of locks) expect(held).toContain(lock);
    await killChild(child);
    expect(await request).toHaveProperty("error");
    await gate.release();
    released = true;
    await untilBackendsGone(child);
  } finally {
    if (!released) await gate.release();
  }
}

describe("a killed API process", () => {
  const [bulkChild, groupChild, randomChild] = [0, 1, 2];

  beforeAll(async () => {
    children.push(...(await Promise.all([spawnChild(databaseUrl), spawnChild(databaseUrl), spawnChild(databaseUrl)])));
  }, 60_000);

  it("killed after writing a 5,000-user bulk run, before commit: nobody holds the product, counters match", async () => {
    const child = children[bulkChild] as ChildApi;
    const exchange = product("EXCHANGESTANDARD");
    const before = await setFreeSeats("EXCHANGESTANDARD", 6_000);
    const userIds = await insertUsers(5_000);
    const requestId = `kill-bulk-${randomUUID()}`;

    // Stopped at the gate, the run has locked the users and the seat row, inserted the assignments and raised
    // consumedUnits, all uncommitted.
    await killAtSeatGate(
      child,
      "the bulk run to write its seat counter",
      () =>
        child.client.post(
          `${tenantPath()}/licenses/bulk`,
          { userIds, add: [{ skuId: exchange.skuId }], atomic: true },
          { "x-request-id": requestId },
        ),
      ["LicenseAssignment:RowExclusiveLock", "TenantProduct:RowExclusiveLock"],
    );

    // The kill came before COMMIT, so the run is gone as a whole: no assignment, no seat, no audit event.
    const holders = await holdersAmong(exchange.id, userIds);
    expect([0, userIds.length]).toContain(holders.size); // all or nothing in any case…
    expect(holders.size).toBe(0); // …and nothing here, since it never committed
    expect(await db.licenseAssignment.count({ where: { userId: { in: userIds } } })).toBe(0);
    expect(await db.auditEvent.count({ where: { requestId } })).toBe(0);
    const after = await subscribedSku("EXCHANGESTANDARD");
    expect(after.consumedUnits).toBe(before.consumedUnits);
    await assertCountersMatchRows();
  }, 60_000);

  it("killed during a 3,000-member group assignment: no group license, no inherited rows, counters match", async () => {
    const child = children[groupChild] as ChildApi;
    const e3 = product("SPE_E3");
    // Fewer seats than members, so the run writes both active rows and error rows before it is killed.
    const before = await setFreeSeats("SPE_E3", 1_000);
    const memberIds = await insertUsers(3_000);
    const group = await makeGroup(db, tenantId);
    await db.groupMember.createMany({ data: memberIds.map((userId) => ({ tenantId, groupId: group.id, userId })) });
    const requestId = `kill-group-${randomUUID()}`;

    await killAtSeatGate(
      child,
      "the group assignment to write its seat counter",
      () =>
        child.client.post(`${tenantPath()}/groups/${group.id}/assignLicense`, assignBody(e3.skuId), {
          "x-request-id": requestId,
        }),
      ["GroupLicense:RowExclusiveLock", "LicenseAssignment:RowExclusiveLock", "TenantProduct:RowExclusiveLock"],
    );

    expect(await db.groupLicense.count({ where: { groupId: group.id } })).toBe(0);
    expect(await db.licenseAssignment.count({ where: { userId: { in: memberIds } } })).toBe(0);
    expect(await db.auditEvent.count({ where: { requestId } })).toBe(0);
    expect((await subscribedSku("SPE_E3")).consumedUnits).toBe(before.consumedUnits);
    await assertCountersMatchRows();
  }, 60_000);

  it("a bulk run is never seen half-applied, and a kill at a random moment leaves all or nothing", async () => {
    const child = children[randomChild] as ChildApi;
    const ems = product("EXCHANGEENTERPRISE");
    const before = await setFreeSeats("EXCHANGEENTERPRISE", 5_000);
    const userIds = await insertUsers(5_000);
    const body = { userIds, add: [{ skuId: ems.skuId }], atomic: true };
    const committed = async () =>
      (
        await raw.query<{ n: number }>(
          `SELECT COUNT(*)::int AS n FROM "LicenseAssignment" WHERE "productId" = $1 AND "userId" = ANY($2::uuid[])`,
          [ems.id, userIds],
        )
      ).rows[0]?.n;

    // A dry run takes the same locks and rules and rolls back: it tells how long the real run will take here.
    const dryStart = Date.now();
    const dry = await child.client.post(`${tenantPath()}/licenses/bulk`, { ...body, dryRun: true });
    const duration = Date.now() - dryStart;
    expect(dry.status).toBe(200);
    expect((dry.body as BulkLicenseReport).summary).toEqual({ users: 5_000, succeeded: 5_000, failed: 0 });
    expect(await committed()).toBe(0);

    // Kill somewhere in the run; until then, watch from outside: nobody else may ever see a part of it.
    const killAt = Date.now() + Math.floor(duration * (0.2 + Math.random() * 0.8));
    const request = child.client.post(`${tenantPath()}/licenses/bulk`, body).then(
      (reply) => ({ reply }),
      (error: unknown) => ({ error }),
    );
    const seen = new Set<number | undefined>();
    while (Date.now() < killAt) {
      seen.add(await committed());
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await killChild(child);
    const outcome = await request;
    await untilBackendsGone(child);

    for (const count of seen) expect([0, userIds.length]).toContain(count);
    const holders = await holdersAmong(ems.id, userIds);
    expect([0, userIds.length]).toContain(holders.size);
    expect(await committed()).toBe(holders.size);
    const after = await subscribedSku("EXCHANGEENTERPRISE");
    expect(after.consumedUnits).toBe(before.consumedUnits + holders.size);
    // An answer that made it out before the kill must match what was committed.
    if ("reply" in outcome) expect(holders.size).toBe(outcome.reply.status === 200 ? userIds.length : 0);
    await assertCountersMatchRows();
  }, 60_000);
});

// ───────────────────────── lock order ─────────────────────────

// Inserting a row that references a user (GroupMember, AuditEvent.actorUserId, …) takes FOR KEY SHARE on the user
// row in whatever order. License changes lock users FOR NO KEY UPDATE, which does not conflict with it; with FOR
// UPDATE both scenarios below deadlock (PostgreSQL aborts one, the API answers 500).
describe("lock order: license changes and other writes that touch user rows", () => {
  const rpa = () => product("POWERAUTOMATE_ATTENDED_RPA");
  const waitingForLock = (api: Instance, what: string, query?: RegExp) =>
    until(what, async () =>
      (await backendsOf(api)).find((b) => b.wait_event_type === "Lock" && (!query || query.test(b.query))),
    );

  it("adding members while a bulk run holds some of them: no deadlock, both succeed", async () => {
    await setFreeSeats("POWERAUTOMATE_ATTENDED_RPA", 10);
    const [low, high] = (await insertUsers(2)).sort() as [string, string];
    const group = await makeGroup(db, tenantId);
    // Stands in for any transaction briefly holding `high`: the bulk run locks `low`, then waits for `high`.
    const holder = new pg.Client({ connectionString: databaseUrl });
    await holder.connect();
    try {
      await holder.query("BEGIN");
      await holder.query(`SELECT 1 FROM "User" WHERE id = $1 FOR SHARE`, [high]);
      const bulk = instance(0).client.post(`${tenantPath()}/licenses/bulk`, {
        userIds: [low, high],
        add: [{ skuId: rpa().skuId }],
      });
      await waitingForLock(instance(0), "the bulk run to wait for its second user");
      // The new memberships reference both users (foreign keys lock them FOR KEY SHARE), `high` first.
      const members = instance(1).client.post(`${tenantPath()}/groups/${group.id}/members`, { userIds: [high, low] });
      await waitingForLock(instance(1), "adding members to wait for the bulk run");
      await holder.query("ROLLBACK");
      const [bulkReply, membersReply] = await Promise.all([bulk, members]);
      expect(bulkReply.status, JSON.stringify(bulkReply.body)).toBe(200);
      expect(membersReply.status, JSON.stringify(membersReply.body)).toBe(204);
    } finally {
      await holder.end();
    }
    expect(await holdersAmong(rpa().id, [low, high])).toEqual(new Set([low, high]));
    expect(await db.groupMember.count({ where: { groupId: group.id } })).toBe(2);
    await assertCountersMatchRows();
  }, 60_000);

  it("a bulk run that includes the acting admin, racing another admin change: no deadlock", async () => {
    await setFreeSeats("POWERAUTOMATE_ATTENDED_RPA", 10);
    const adminId = (await db.user.findUniqueOrThrow({ where: { email: ADMIN } })).id;
    // A user whose id sorts after the admin's, so the bulk run locks the admin's row first, then waits for theirs.
    // Random ids: when the seeded admin's id sorts near the top, none of 40 may follow it; then one with the highest id.
    const other =
      (await insertUsers(40)).sort().find((id) => id > adminId) ??
      (
        await db.$queryRaw<Array<{ id: string }>>`
          INSERT INTO "User" (id, "tenantId", email, "displayName", "usageLocation", "updatedAt")
          VALUES ('ffffffff-ffff-4fff-bfff-ffffffffffff'::uuid, ${tenantId}::uuid, 'load-last@contoso.test', 'Load last',
                  'NL', now())
          RETURNING id::text AS id`
      )[0]?.id;
    if (!other || other <= adminId) throw new Error("no user id sorts after the admin's");
    const gate = await closeSeatGate();
    let released = false;
    try {
      // Stopped at the gate: holds `other` and the seat row; its audit event (referencing the admin's row, so
      // locking it FOR KEY SHARE) comes after.
      const single = instance(0).client.post(`${tenantPath()}/users/${other}/assignLicense`, assignBody(rpa().skuId));
      await until("the single assignment to write its seat counter", () => atSeatGate(instance(0)));
      const bulk = instance(1).client.post(`${tenantPath()}/licenses/bulk`, {
        userIds: [adminId, other],
        add: [{ skuId: rpa().skuId }],
        atomic: false,
      });
      await waitingForLock(instance(1), "the bulk run to wait for the other user");
      await gate.release();
      released = true;
      const [singleReply, bulkReply] = await Promise.all([single, bulk]);
      expect(singleReply.status, JSON.stringify(singleReply.body)).toBe(200);
      expect(bulkReply.status, JSON.stringify(bulkReply.body)).toBe(200);
    } finally {
      if (!released) await gate.release();
    }
    await assertCountersMatchRows();
  }, 60_000);
});
