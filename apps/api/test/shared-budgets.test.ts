import { createDb, type Db } from "@allot/db";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.js";
import { loadConfig, type RateBudgets } from "../src/config.js";
import { MovableClock } from "../src/lib/clock.js";
import { RateBudget } from "../src/lib/rate-budget.js";
import { as, createTestApp, login, problem, type TestApp } from "./helpers.js";

/**
 * Rate budgets and limits live in PostgreSQL (table RateWindow), so two API processes on one database spend from
 * one budget: the limit is met across both, not per process. Here two apps built on one database stand for two
 * processes (the real-process version with HAProxy in front is scale-out.test.ts).
 */

const BUDGETS: RateBudgets = {
  exports: { perSession: 2, perTenant: 3 },
  bulkRuns: { perSession: 2, perTenant: 3 },
  bulkJobs: { perSession: 1, perTenant: 2 },
  passwordResets: { perSession: 1, perTenant: 2 },
};
const T0 = new Date("2030-01-01T00:00:00Z");

let t: TestApp;
let other: FastifyInstance;
let otherDb: Db;

beforeAll(async () => {
  t = await createTestApp({ rateBudgets: BUDGETS, loginRateLimitPerMinute: 3 });
  otherDb = createDb({ connectionString: t.databaseUrl, maxConnections: 5 });
  const config = { ...loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent" }), ...t.app.config };
  // The same clock: two servers share the wall clock.
  other = await buildApp({ config, db: otherDb, logger: false, clock: t.clock });
  await other.ready();
});
afterAll(async () => {
  await other?.close();
  await t?.close();
});

describe("two API instances on one database", () => {
  it("share a session's export budget: two exports in all, whichever instance serves them", async () => {
    const session = await login(t.app, "admin@contoso.test");
    const url = `/api/tenants/${t.tenants.contoso}/orders/export`;
    expect((await as(t.app, session).get(url)).statusCode).toBe(200);
    expect((await as(other, session).get(url)).statusCode).toBe(200);
    for (const app of [t.app, other]) {
      const refused = await as(app, session).get(url);
      expect(refused.statusCode, refused.body).toBe(429);
      expect(problem(refused).code).toBe("TooManyRequests");
      expect(Number(refused.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    }
  });

  it("share the sign-in limit per client address: three attempts in all, then 429 RateLimited on both", async () => {
    const sign = (app: FastifyInstance) =>
      app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { email: "maker@contoso.test", password: "wrong-password" },
        remoteAddress: "198.51.100.23",
      });
    expect((await sign(t.app)).statusCode).toBe(401);
    expect((await sign(other)).statusCode).toBe(401);
    expect((await sign(t.app)).statusCode).toBe(401);
    for (const app of [other, t.app]) {
      const limited = await sign(app);
      expect(limited.statusCode).toBe(429);
      expect(problem(limited).code).toBe("RateLimited");
      expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    }
  });
});

describe("RateBudget on PostgreSQL", () => {
  const key = () => `test:${crypto.randomUUID()}`;

  it("lets a key through `limit` times per window, then says how long to wait", async () => {
    const clock = new MovableClock(T0);
    const budget = new RateBudget(t.db, clock, 60_000);
    const one = [{ key: key(), limit: 2 }];
    expect(await budget.spend(one)).toEqual({ allowed: true });
    expect(await budget.spend(one)).toEqual({ allowed: true });
    expect(await budget.spend(one)).toEqual({ allowed: false, retryAfterSeconds: 60 });
    clock.set(new Date(T0.getTime() + 59_500));
    expect(await budget.spend(one)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    clock.set(new Date(T0.getTime() + 60_000));
    expect(await budget.spend(one)).toEqual({ allowed: true });
  });

  it("spends every budget or none: a refusal by one leaves the others untouched", async () => {
    const budget = new RateBudget(t.db, new MovableClock(T0));
    const [session, tenant, another] = [key(), key(), key()];
    expect(await budget.spend([{ key: session, limit: 1 }])).toEqual({ allowed: true });
    const refused = await budget.spend([
      { key: session, limit: 1 },
      { key: tenant, limit: 1 },
    ]);
    expect(refused.allowed).toBe(false);
    // The tenant's one request is still there for another session.
    expect(
      await budget.spend([
        { key: another, limit: 1 },
        { key: tenant, limit: 1 },
      ]),
    ).toEqual({ allowed: true });
  });

  it("the longest wait wins when several budgets are spent", async () => {
    const clock = new MovableClock(T0);
    const budget = new RateBudget(t.db, clock);
    const [session, tenant] = [key(), key()];
    await budget.spend([{ key: tenant, limit: 1 }]);
    clock.set(new Date(T0.getTime() + 30_000));
    await budget.spend([{ key: session, limit: 1 }]);
    const refused = await budget.spend([
      { key: session, limit: 1 },
      { key: tenant, limit: 1 },
    ]);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 60 });
  });

  it("a clock set back starts a fresh window instead of waiting for a far future one to end", async () => {
    const clock = new MovableClock(T0);
    const budget = new RateBudget(t.db, clock);
    const a = key();
    await budget.spend([{ key: a, limit: 1 }]);
    clock.set(new Date(T0.getTime() - 86_400_000));
    expect(await budget.spend([{ key: a, limit: 1 }])).toEqual({ allowed: true });
  });

  it("concurrent spends from two connection pools let exactly the limit through, per key and together", async () => {
    const clock = new MovableClock(T0);
    const budgets = [new RateBudget(t.db, clock), new RateBudget(otherDb, clock)];
    const [tenant, sessionA, sessionB] = [key(), key(), key()];
    const attempts = Array.from({ length: 40 }, (_, i) =>
      (budgets[i % 2] as RateBudget).spend([
        { key: i % 2 ? sessionA : sessionB, limit: 4 },
        { key: tenant, limit: 7 },
      ]),
    );
    const allowed = (await Promise.all(attempts)).filter((spend) => spend.allowed).length;
    expect(allowed).toBe(7);
    const rows = await t.db.$queryRaw<Array<{ key: string; used: number }>>`
      SELECT key, used FROM "RateWindow" WHERE key IN (${tenant}, ${sessionA}, ${sessionB}) ORDER BY key`;
    const used = Object.fromEntries(rows.map((row) => [row.key, row.used]));
    expect(used[tenant]).toBe(7);
    // Every allowed spend counted once against its session too, and refused ones against nothing.
    expect((used[sessionA] ?? 0) + (used[sessionB] ?? 0)).toBe(7);
  });
});
