// Reports on a real streaming replica: a throwaway primary cluster and a hot standby made from it with
// `pg_basebackup -R`, the standby's replay paused to make its lag as long as the test needs. Proves that an admin
// sees their own change at once though the replica is behind, that a session that changed nothing really reads the
// replica (stale while it is paused, current once it replays), and that reports answer from the primary when the
// replica is gone.

import type { SubscribedSku, User } from "@allot/contracts";
import { createDb, type Db } from "@allot/db";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { MovableClock } from "../src/lib/clock.js";
import { READ_FROM_HEADER, WAL_POSITION_COOKIE } from "../src/plugins/read-replica.js";
import { databaseUrl, templateName } from "./database.js";
import { makeUser } from "./fixtures.js";
import { as, login, type Session } from "./helpers.js";
import { copyDatabase, startThrowawayCluster, type ThrowawayCluster } from "./throwaway-cluster.js";

let primary: ThrowawayCluster | undefined;
let standby: ThrowawayCluster | undefined;
let db: Db;
let app: FastifyInstance;
let replicaSql: pg.Client;
let tenantId: string;
let powerBi: string;
let admin: Session;
let otherAdmin: Session;

beforeAll(async () => {
  primary = await startThrowawayCluster();
  const setup = new pg.Client({ connectionString: primary.url("postgres") });
  await setup.connect();
  try {
    await setup.query("CREATE DATABASE allot");
  } finally {
    await setup.end();
  }
  // The migrated, seeded template the API tests' global setup built, loaded into the primary before the base backup.
  await copyDatabase(databaseUrl(templateName()), primary.url("allot"));
  standby = await startThrowawayCluster({ standbyOf: primary });
  replicaSql = new pg.Client({ connectionString: standby.url("allot") });
  // Stopping the standby (the last test) ends this connection: not an error of the test.
  replicaSql.on("error", () => {});
  await replicaSql.connect();

  db = createDb({ connectionString: primary.url("allot"), maxConnections: 5 });
  const config = {
    ...loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent" }),
    databaseUrl: primary.url("allot"),
    databaseReplicaUrl: standby.url("allot"),
  };
  app = await buildApp({ config, db, logger: false, clock: new MovableClock() });
  await app.ready();
  tenantId = (await db.tenant.findUniqueOrThrow({ where: { domain: "contoso.test" } })).id;
  powerBi = (await db.product.findFirstOrThrow({ where: { skuPartNumber: "POWER_BI_PRO" } })).skuId;
  admin = await login(app, "admin@contoso.test");
  otherAdmin = await login(app, "licenses@contoso.test");
  await caughtUp();
}, 180_000);

afterAll(async () => {
  await app?.close().catch(() => {});
  await replicaSql?.end().catch(() => {});
  await standby?.destroy();
  await primary?.destroy();
}, 60_000);

const base = () => `/api/tenants/${tenantId}`;

/** Waits until the standby has replayed everything the primary has written so far. */
async function caughtUp(): Promise<void> {
  const target = (await db.$queryRaw<{ lsn: string }[]>`SELECT pg_current_wal_lsn()::text AS lsn`)[0]?.lsn;
  for (let tries = 0; tries < 500; tries++) {
    const { rows } = await replicaSql.query<{ done: boolean }>(
      "SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done",
      [target],
    );
    if (rows[0]?.done) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("the standby did not catch up within 10 s");
}

function consumed(response: LightMyRequestResponse): number | undefined {
  expect(response.statusCode).toBe(200);
  return (response.json() as { value: SubscribedSku[] }).value.find((s) => s.skuId === powerBi)?.consumedUnits;
}

/** The session's browser keeps the cookie the change answered with, as a browser does. */
function withWalCookie(session: Session, response: LightMyRequestResponse): Session {
  const position = response.cookies.find((c) => c.name === WAL_POSITION_COOKIE);
  expect(position?.value).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
  return { ...session, cookie: `${session.cookie}; ${WAL_POSITION_COOKIE}=${position?.value}` };
}

describe("reports on a streaming replica", () => {
  it("reads the replica when it has caught up: it is a hot standby, in recovery", async () => {
    const { rows } = await replicaSql.query<{ recovery: boolean }>("SELECT pg_is_in_recovery() AS recovery");
    expect(rows[0]?.recovery).toBe(true);
    const skus = await as(app, otherAdmin).get(`${base()}/subscribedSkus`);
    expect(skus.headers[READ_FROM_HEADER]).toBe("replica");
    expect(consumed(skus)).toBe(55);
  });

  it("shows an admin their own assignment at once while the replica lags; others read the replica until it replays", async () => {
    const user = await makeUser(db, tenantId, { displayName: "Replica Reader Target" });
    await caughtUp();
    const before = consumed(await as(app, otherAdmin).get(`${base()}/subscribedSkus`));
    await replicaSql.query("SELECT pg_wal_replay_pause()");
    try {
      const assigned = await as(app, admin).post(`${base()}/users/${user.id}/assignLicense`, {
        addLicenses: [{ skuId: powerBi, disabledPlans: [] }],
        removeLicenses: [],
      });
      expect(assigned.statusCode).toBe(200);
      const self = as(app, withWalCookie(admin, assigned));

      // (a) The admin who assigned sees it in every view, the reports included: they read the primary.
      const licenses = await self.get(`${base()}/users/${user.id}/licenses`);
      expect(licenses.json()).toMatchObject({ assignedLicenses: [{ skuId: powerBi }] });
      const list = await self.get(`${base()}/users?search=${encodeURIComponent("Replica Reader Target")}`);
      expect(list.statusCode).toBe(200);
      expect(list.headers[READ_FROM_HEADER]).toBe("primary");
      expect((list.json() as { items: User[] }).items.map((u) => u.licenseCount)).toEqual([1]);
      const ownSkus = await self.get(`${base()}/subscribedSkus`);
      expect(ownSkus.headers[READ_FROM_HEADER]).toBe("primary");
      expect(consumed(ownSkus)).toBe((before ?? 0) + 1);

      // (b) Another session that changed nothing reads the replica: still the count before the assignment.
      await new Promise((resolve) => setTimeout(resolve, 20));
      const stale = await as(app, otherAdmin).get(`${base()}/subscribedSkus`);
      expect(stale.headers[READ_FROM_HEADER]).toBe("replica");
      expect(consumed(stale)).toBe(before);
      const staleList = await as(app, otherAdmin).get(
        `${base()}/users?search=${encodeURIComponent("Replica Reader Target")}`,
      );
      expect((staleList.json() as { items: User[] }).items.map((u) => u.licenseCount)).toEqual([0]);
    } finally {
      await replicaSql.query("SELECT pg_wal_replay_resume()");
    }
    await caughtUp();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const current = await as(app, otherAdmin).get(`${base()}/subscribedSkus`);
    expect(current.headers[READ_FROM_HEADER]).toBe("replica");
    expect(consumed(current)).toBe((before ?? 0) + 1);
  });

  it("keeps a script's reports on the primary unless it sends back the position its change answered with", async () => {
    const token = await as(app, admin).post("/api/me/tokens", { name: "replica test", scopes: ["directory.read"] });
    expect(token.statusCode).toBe(201);
    const bearer = { authorization: `Bearer ${(token.json() as { token: string }).token}` };
    await caughtUp();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const unknown = await app.inject({ method: "GET", url: `${base()}/subscribedSkus`, headers: bearer });
    expect(unknown.headers[READ_FROM_HEADER]).toBe("primary");
    const position = (await db.$queryRaw<{ lsn: string }[]>`SELECT pg_current_wal_lsn()::text AS lsn`)[0]?.lsn;
    const known = await app.inject({
      method: "GET",
      url: `${base()}/subscribedSkus`,
      headers: { ...bearer, "x-allot-wal-position": position as string },
    });
    expect(known.headers[READ_FROM_HEADER]).toBe("replica");
  });

  it("answers reports from the primary when the replica is down", async () => {
    await standby?.stop("fast");
    for (const url of ["/subscribedSkus", "/users", "/licenseConflicts", "/licenses/reclaimCandidates", "/auditLog"]) {
      const response = await as(app, admin).get(`${base()}${url}`);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers[READ_FROM_HEADER], url).toBe("primary");
    }
  });
});
