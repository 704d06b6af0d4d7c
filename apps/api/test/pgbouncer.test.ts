// The API through PgBouncer in transaction pooling mode: three app instances, each with a pool of 10 connections,
// share 5 server connections. Each statement of a transaction runs on whichever server connection PgBouncer lends
// for that transaction, so anything tied to a session (SET without LOCAL, session advisory locks, LISTEN, named
// prepared statements, temporary tables) would break here: sign-in, assigning and removing a license, a bulk job,
// an Idempotency-Key replay, a billing change and the users list all go through it and must come out right.

import { randomUUID } from "node:crypto";
import type { BillingResult, BulkJob, BulkJobDetails, SubscribedSku } from "@allot/contracts";
import { createDb, type Db } from "@allot/db";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { createTestDatabase, admin as onServer, serverUrl } from "./database.js";
import { assertSeatCountersMatchHolders, makeUser } from "./fixtures.js";
import { as, login, type Session, withKey } from "./helpers.js";
import { hasPgBouncer, startPgBouncer, type ThrowawayPgBouncer } from "./throwaway-pgbouncer.js";

const SERVER_CONNECTIONS = 5;
const APPS = 3;
const CLIENT_POOL = 10;

let bouncer: ThrowawayPgBouncer | undefined;
let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
const apps: FastifyInstance[] = [];
let db: Db;
let tenantId: string;
let sku: Record<string, string>;
let admin: Session;

describe.skipIf(!hasPgBouncer())("the API through PgBouncer (pool_mode = transaction)", () => {
  beforeAll(async () => {
    database = await createTestDatabase("allot_bouncer");
    bouncer = await startPgBouncer(serverUrl, { poolSize: SERVER_CONNECTIONS });
    const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent" });
    for (let i = 0; i < APPS; i++) {
      const appDb = createDb({ connectionString: bouncer.url(database.name), maxConnections: CLIENT_POOL });
      const app = await buildApp({ config, db: appDb, logger: false });
      await app.ready();
      apps.push(app);
    }
    db = apps[0]?.db as Db;
    tenantId = (await db.tenant.findUniqueOrThrow({ where: { domain: "contoso.test" } })).id;
    const products = await db.product.findMany({ select: { skuId: true, skuPartNumber: true } });
    sku = Object.fromEntries(products.map((p) => [p.skuPartNumber, p.skuId]));
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled(apps.map((app) => app.close()));
    await bouncer?.stop();
    await database?.drop();
  }, 60_000);

  const base = () => `/api/tenants/${tenantId}`;
  /** The n-th app instance, round robin, as a load balancer would pick them. */
  const app = (n: number) => apps[n % APPS] as FastifyInstance;

  async function consumed(n: number, part: string): Promise<number | undefined> {
    const response = await as(app(n), admin).get(`${base()}/subscribedSkus`);
    expect(response.statusCode).toBe(200);
    return (response.json() as { value: SubscribedSku[] }).value.find((s) => s.skuPartNumber === part)?.consumedUnits;
  }

  it("runs in transaction pooling mode", async () => {
    const pools = (await bouncer?.show("POOLS")) ?? [];
    expect(pools.find((p) => p.database === database?.name)).toMatchObject({ pool_mode: "transaction" });
  });

  it("signs in on one instance and is known on the others", async () => {
    admin = await login(app(0), "admin@contoso.test");
    for (let n = 0; n < APPS; n++) expect((await as(app(n), admin).get("/api/me")).statusCode).toBe(200);
  });

  it("assigns and removes a license, the seat taken and freed", async () => {
    const user = await makeUser(db, tenantId);
    const before = await consumed(0, "POWER_BI_PRO");
    const url = `${base()}/users/${user.id}/assignLicense`;
    const added = await as(app(1), admin).post(url, { addLicenses: [{ skuId: sku.POWER_BI_PRO }], removeLicenses: [] });
    expect(added.statusCode, added.body).toBe(200);
    expect(await consumed(2, "POWER_BI_PRO")).toBe((before ?? 0) + 1);
    const removed = await as(app(2), admin).post(url, { addLicenses: [], removeLicenses: [sku.POWER_BI_PRO] });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(await consumed(0, "POWER_BI_PRO")).toBe(before);
  });

  it("runs a bulk job to completion", async () => {
    const users = await Promise.all(Array.from({ length: 25 }, () => makeUser(db, tenantId)));
    const created = await as(app(1), admin).post(`${base()}/licenses/bulkJobs`, {
      userIds: users.map((u) => u.id),
      add: [{ skuId: sku.POWER_BI_PRO }],
    });
    expect(created.statusCode, created.body).toBe(202);
    const job = created.json() as BulkJob;
    await app(1).licenseJobs.settled(job.id);
    const done = await as(app(2), admin).get(`${base()}/licenses/bulkJobs/${job.id}`);
    expect(done.json() as BulkJobDetails).toMatchObject({
      status: "succeeded",
      processed: 25,
      succeeded: 25,
      failed: 0,
    });
    await assertSeatCountersMatchHolders(db, tenantId);
  });

  it("replays an Idempotency-Key's answer on another instance, and changes seats (advisory transaction locks)", async () => {
    const key = randomUUID();
    const purchase = { skuId: sku.POWER_BI_PRO, seats: 3, billingTerm: "monthly" };
    const first = await as(app(0), admin).post(`${base()}/subscriptions`, purchase, withKey(key));
    expect(first.statusCode, first.body).toBe(201);
    const retry = await as(app(1), admin).post(`${base()}/subscriptions`, purchase, withKey(key));
    expect(retry.headers["idempotent-replayed"]).toBe("true");
    expect(retry.json()).toEqual(first.json());
    const subscriptionId = (first.json() as BillingResult).subscription.id;
    expect(await db.subscription.count({ where: { id: subscriptionId } })).toBe(1);

    // Concurrent changes of one subscription queue on its locks: all of them land, none is lost.
    const changes = await Promise.all(
      [4, 5, 6, 7, 8, 9].map((seats, n) =>
        as(app(n), admin).post(`${base()}/subscriptions/${subscriptionId}/changeSeats`, { seats }),
      ),
    );
    expect(changes.map((c) => c.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    const audited = await db.auditEvent.count({ where: { targetId: subscriptionId, action: { contains: "eats" } } });
    expect(audited).toBeGreaterThanOrEqual(6);
  });

  it("serves 3 instances × 10 connections with 5 server connections, the users list right under load", async () => {
    const expected = await as(app(0), admin).get(`${base()}/users?search=Fixture`);
    expect(expected.statusCode).toBe(200);
    let maxServer = 0;
    let maxClients = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const servers = await onServer((client) =>
          client.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend'",
            [database?.name],
          ),
        );
        maxServer = Math.max(maxServer, servers.rows[0]?.n ?? 0);
        const clients = (await bouncer?.show("CLIENTS")) ?? [];
        maxClients = Math.max(maxClients, clients.filter((c) => c.database === database?.name).length);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    const answers = await Promise.all(
      Array.from({ length: 120 }, (_, n) => as(app(n), admin).get(`${base()}/users?search=Fixture`)),
    );
    sampling = false;
    await sampler;
    expect(answers.map((a) => a.statusCode).filter((s) => s !== 200)).toEqual([]);
    for (const answer of answers) expect(answer.json()).toEqual(expected.json());
    expect(maxServer).toBeLessThanOrEqual(SERVER_CONNECTIONS);
    // The instances really opened more connections than the server holds: PgBouncer multiplexed them.
    expect(maxClients).toBeGreaterThan(SERVER_CONNECTIONS);
    console.log(`pgbouncer: ${JSON.stringify({ maxClientConnections: maxClients, maxServerConnections: maxServer })}`);
  });
});
