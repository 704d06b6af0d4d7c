import { ERROR_CODES } from "@allot/contracts";
import fc from "fast-check";
import type { FastifyReply, FastifyRequest, LightMyRequestResponse, RouteOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertSeatCountersMatchHolders } from "./fixtures.js";
import { Actors } from "./fuzz/actors.js";
import {
  ChangeDetector,
  changedEntries,
  type Fingerprint,
  SIGN_IN_ENTRIES,
  writtenTables,
} from "./fuzz/fingerprint.js";
import { fromJsonSchema } from "./fuzz/json-schema.js";
import { checkAnswer } from "./fuzz/oracle.js";
import { Pools } from "./fuzz/pools.js";
import { describe as describePlan, type Plan, type PlannerContext, plansFor } from "./fuzz/requests.js";
import { EXCLUDED_ROUTES, type FuzzRoute, fuzzableRoutes } from "./fuzz/routes.js";
import { FuzzStats } from "./fuzz/stats.js";
import { generatorsFor } from "./fuzz/values.js";
import { createTestApp, type TestApp } from "./helpers.js";

/**
 * The whole API under a contract-driven fuzz. The routes are not listed here: the app's own route table is read as
 * it registers (every route but the static and documentation ones, see EXCLUDED_ROUTES), and each route's params,
 * query string, headers and body are generated from its zod contract (as JSON Schema), with real ids of several
 * tenants picked by parameter name (pools.ts), sent as every demo account (with, without or with a wrong CSRF token)
 * or with no session, valid or spoiled (requests.ts). A route added tomorrow is fuzzed tomorrow, and the run fails if
 * any route is answered fewer than MIN_ANSWERED times, or its handler reached fewer than MIN_REACHED times.
 *
 * Every answer (oracle.ts): never 5xx; every error is problem+json with a known code and that code's status; every
 * success is a status the route declares, with a body that fits the declared schema. Every refused request and every
 * read changes no data (fingerprint.ts: write counters on every table, the written tables fingerprinted after each
 * request, the whole database every SAMPLE_EVERY requests). The one refusal allowed to write is a failed sign-in,
 * which counts the failure, may lock the account and audits that (SIGN_IN_ENTRIES): the sign-in route is fuzzed with
 * every demo account and wrong passwords, after the fuzz's own sessions are signed in (actors.ts).
 *
 * Replay: the run is seeded. A failure prints the request that failed (method, url, headers, body: enough to send it
 * alone) and FUZZ_SEED; `FUZZ_SEED=<seed> pnpm test:api apps/api/test/fuzz.test.ts` replays the same sequence of
 * requests (fast-check's own "seed/path" line replays one request out of its sequence, which the data need not fit).
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20_250_301);
const MIN_REQUESTS = 10_000;
/** With more routes than MIN_REQUESTS / PER_ROUTE, the run grows so each route keeps its share. */
const PER_ROUTE = 100;
/** The fewest answers any route may get in a run; fewer fails the run (nothing silently escapes). */
const MIN_ANSWERED = 30;
/** The fewest of those that must have reached the route's handler (past sign-in, CSRF, permission, validation). */
const MIN_REACHED = 10;
/** A refused sign-in may count the failure and lock the account: the only refusal allowed to write. */
const SIGN_IN_ROUTE = "POST /api/auth/login";
/** Every SAMPLE_EVERY requests the whole database is fingerprinted, to check the write counters missed nothing. */
const SAMPLE_EVERY = 50;
const REFRESH_POOLS_EVERY = 200;

let t: TestApp;
let routes: FuzzRoute[];
let actors: Actors;
let pools: Pools;
let detector: ChangeDetector;
const stats = new FuzzStats();
const planner: PlannerContext = {
  pools: undefined as unknown as Pools,
  actors: undefined as unknown as Actors,
  deadCookies: [],
};

/** What the app saw of the request in flight: the route that answered, whether its handler ran, any error. */
const seen: { route: string | null; reached: boolean; error: Error | null } = {
  route: null,
  reached: false,
  error: null,
};

const addHook = (route: RouteOptions, name: "onSend" | "preHandler" | "onError", hook: unknown) => {
  const existing = route[name] as unknown;
  const list = existing === undefined ? [] : Array.isArray(existing) ? existing : [existing];
  (route as unknown as Record<string, unknown>)[name] = [...list, hook];
};

/** Route hooks that tell the fuzz which route answered, whether the handler ran (past auth and validation), and why a request failed. */
function observe(route: RouteOptions): void {
  addHook(route, "onSend", async (request: FastifyRequest) => {
    seen.route = `${request.method} ${request.routeOptions.url}`;
  });
  addHook(route, "preHandler", async () => {
    seen.reached = true;
  });
  addHook(route, "onError", async (_request: FastifyRequest, _reply: FastifyReply, error: Error) => {
    seen.error = error;
  });
}

beforeAll(async () => {
  t = await createTestApp(
    // The sign-in rate limit would turn most sign-ins into 429s; three failures lock a name (from the fuzz's one
    // address), so locks happen.
    { loginRateLimitPerMinute: 1_000_000, lockoutThreshold: 3 },
    { onRoute: observe },
  );
  routes = fuzzableRoutes(t.routes);
  actors = await Actors.signIn(t.app, t.db);
  pools = await Pools.load(t.db);
  // Every pool the routes' parameters need, loaded before the first request.
  for (const route of routes) {
    for (const name of route.params) pools.of(name);
    const related = route.params.filter((name) => name !== "tenantId");
    if (related.length >= 2) pools.relatedRows(related);
  }
  await pools.refresh();
  detector = await ChangeDetector.install(t.databaseUrl);
  planner.pools = pools;
  planner.actors = actors;
}, 120_000);
afterAll(async () => {
  await detector?.close();
  await t?.close();
});

function fakeResponse(status: number, type: string, body: string): LightMyRequestResponse {
  return {
    statusCode: status,
    headers: { "content-type": type },
    body,
    json: () => JSON.parse(body),
  } as unknown as LightMyRequestResponse;
}

describe("the fuzz's own checks can fail", () => {
  it("the answer oracle refuses 5xx, non-problem errors, unknown codes, wrong statuses and undeclared successes", () => {
    const route = routes.find((r) => r.key === "GET /api/me") as FuzzRoute;
    const problem = (status: number, code: string) =>
      JSON.stringify({ type: "x", title: "x", status, code, detail: "x" });
    expect(() =>
      checkAnswer(fakeResponse(500, "application/problem+json", problem(500, "InternalError")), route, "GET"),
    ).toThrow(/500/);
    expect(() => checkAnswer(fakeResponse(404, "application/json", problem(404, "NotFound")), route, "GET")).toThrow(
      /problem\+json/,
    );
    expect(() =>
      checkAnswer(fakeResponse(418, "application/problem+json", problem(418, "Teapot")), route, "GET"),
    ).toThrow(/contract/);
    expect(() =>
      checkAnswer(fakeResponse(400, "application/problem+json", problem(400, "NotFound")), route, "GET"),
    ).toThrow(/404/);
    expect(() => checkAnswer(fakeResponse(201, "application/json", "{}"), route, "GET")).toThrow(/does not declare/);
    expect(() => checkAnswer(fakeResponse(200, "application/json", "{}"), route, "GET")).toThrow(/schema/);
    expect(checkAnswer(fakeResponse(404, "application/problem+json", problem(404, "NotFound")), route, "GET")).toBe(
      "NotFound",
    );
  });

  it("the change detector sees a committed change, and not a rolled-back one or a session's sliding expiry", async () => {
    const counters = await detector.counters();
    const before = await detector.fingerprint();
    // A rolled-back write moves the table's counter, and changes nothing.
    await t.db
      .$transaction(async (tx) => {
        await tx.group.updateMany({ data: { description: "rolled back" } });
        throw new Error("roll back");
      })
      .catch(() => undefined);
    expect(writtenTables(counters, await detector.counters())).toEqual(["Group"]);
    expect(changedEntries(before, await detector.fingerprint())).toEqual([]);
    // Sessions slide their expiry on use: not a change.
    await t.db.session.updateMany({ data: { lastSeenAt: new Date(), expiresAt: new Date(Date.now() + 3_600_000) } });
    expect(changedEntries(before, { ...before, ...(await detector.fingerprint(["Session"])) })).toEqual([]);
    // A failed sign-in's bookkeeping is its own entry, allowed only to the sign-in route.
    await t.db.signInThrottle.create({ data: { subject: "fuzz", address: "", failures: 1, updatedAt: new Date() } });
    const counted = await detector.fingerprint();
    expect(changedEntries(before, counted)).toEqual(["SignInThrottle"]);
    expect(changedEntries(before, counted, SIGN_IN_ENTRIES)).toEqual([]);
    // One deleted row of one table is seen, and its table alone was written.
    const written = await detector.counters();
    const member = await t.db.groupMember.findFirstOrThrow();
    await t.db.groupMember.delete({ where: { groupId_userId: { groupId: member.groupId, userId: member.userId } } });
    expect(writtenTables(written, await detector.counters())).toEqual(["GroupMember"]);
    expect(changedEntries(before, await detector.fingerprint(), SIGN_IN_ENTRIES)).toEqual(["GroupMember"]);
    await t.db.groupMember.create({ data: member });
    await t.db.signInThrottle.deleteMany({ where: { subject: "fuzz" } });
    expect(changedEntries(before, await detector.fingerprint())).toEqual([]);
  });

  it("the converter understands every route's contract, and what it generates unspoiled the contract accepts", () => {
    for (const route of routes) {
      for (const part of ["querystring", "body", "headers"] as const) {
        const schema = route[part];
        const zod = route.zod[part];
        if (!schema || !zod) continue;
        for (const profile of ["likely", "any"] as const) {
          const generators = generatorsFor(profile, {
            pools,
            tenantId: actors.list[0]?.access[0]?.tenantId,
            avoid: () => actors.userIds,
            routeUrl: route.url,
          });
          for (const value of fc.sample(fromJsonSchema(schema, generators), { numRuns: 40, seed: SEED })) {
            // Refinements (distinct ids, "name something to change", at least one license) are not JSON Schema:
            // only those may refuse what the schema allows.
            const result = (
              zod as { safeParse(v: unknown): { success: boolean; error?: { issues: Array<{ code: string }> } } }
            ).safeParse(value);
            for (const issue of result.error?.issues ?? []) {
              expect(
                issue.code,
                `${route.key} ${part} ${profile}: ${JSON.stringify(value).slice(0, 300)} ${JSON.stringify(issue)}`,
              ).toBe("custom");
            }
          }
        }
      }
    }
    expect(() =>
      fromJsonSchema(
        { type: "object", allOf: [] } as never,
        generatorsFor("any", { pools, tenantId: undefined, avoid: () => new Set(), routeUrl: "" }),
      ),
    ).toThrow(/allOf/);
  });
});

describe("fuzz: every registered route, requests generated from the contracts", () => {
  /** The fingerprint of the data now, and the write counters it goes with (null: to be taken afresh). */
  let last: { fp: Fingerprint; writes: string; counters: Map<string, string> } | null = null;

  async function send(plan: Plan): Promise<void> {
    if (last === null) {
      last = { fp: await detector.fingerprint(), writes: await detector.writes(), counters: await detector.counters() };
    }
    seen.route = null;
    seen.reached = false;
    seen.error = null;
    const sentLive = plan.actor !== null && plan.headers.cookie === plan.actor.session.cookie;
    const response = await t.app.inject({
      method: plan.method as "GET",
      url: plan.url,
      headers: plan.headers,
      ...(plan.payload === undefined ? {} : { payload: plan.payload }),
    });
    // A 202 starts a background job: its writes belong to the request that started it.
    await t.app.licenseJobs.idle();
    const route = seen.route === null ? undefined : routes.find((r) => r.key === seen.route);
    const failure = (why: string) =>
      new Error(
        `${why}\nrequest: ${describePlan(plan)}\nanswer: ${response.statusCode} ${response.body.slice(0, 600)}` +
          (seen.error ? `\nerror: ${seen.error.stack ?? seen.error.message}` : "") +
          `\nreplay: FUZZ_SEED=${SEED} (request ${stats.requests + 1})`,
      );

    let code: string | null;
    try {
      code = checkAnswer(response, route, plan.method);
    } catch (error) {
      throw failure((error as Error).message);
    }
    if (code === "Unauthenticated" && sentLive) throw failure("a live session was refused as Unauthenticated");
    const success = response.statusCode < 300;
    stats.record(seen.route, response.statusCode, code, seen.reached);

    // Refused requests and reads change nothing (the sign-in route's failure bookkeeping aside): the tables whose
    // write counter moved are fingerprinted again; now and then all of them, to check the counters missed nothing.
    const mustNotChange = !success || plan.method === "GET" || plan.method === "HEAD";
    const writes = await detector.writes();
    const counters = writes === last.writes ? last.counters : await detector.counters();
    const written = writtenTables(last.counters, counters);
    const sample = stats.requests % SAMPLE_EVERY === 0;
    if (written.length > 0 || sample) {
      const after = { ...last.fp, ...(await detector.fingerprint(written)) };
      if (written.length > 0) stats.fingerprints += 1;
      if (mustNotChange) {
        const allowed = seen.route === SIGN_IN_ROUTE && !success ? SIGN_IN_ENTRIES : new Set<string>();
        const changed = changedEntries(last.fp, after, allowed);
        if (changed.length > 0)
          throw failure(`a ${success ? "read" : "refused request"} changed ${changed.join(", ")}`);
      }
      if (sample) {
        stats.sampled += 1;
        const missed = changedEntries(after, await detector.fingerprint());
        if (missed.length > 0) throw failure(`the write counters missed a change of ${missed.join(", ")}`);
      }
      last = { fp: after, writes, counters };
    }

    const json = response.headers["content-type"]?.toString().startsWith("application/json");
    if (success && json && plan.method !== "HEAD" && response.body !== "" && seen.route) {
      const cursor = (response.json() as { nextCursor?: unknown }).nextCursor;
      if (typeof cursor === "string" && route) pools.harvestCursor(route.url, cursor);
    }
    // Sessions end by sign-out, password resets, disabled or deleted accounts: sign those actors in again.
    if (success && plan.method !== "GET" && plan.method !== "HEAD") {
      for (const actor of await actors.ended()) {
        planner.deadCookies.push(actor.session.cookie);
        await actors.revive(actor);
        stats.revived += 1;
        last = null;
      }
    }
    if (stats.requests % REFRESH_POOLS_EVERY === 0) await pools.refresh();
  }

  it(`answers at least ${MIN_REQUESTS} requests over every route: no 5xx, problems with known codes, refusals change nothing`, async () => {
    const runs = Math.max(MIN_REQUESTS, routes.length * PER_ROUTE);
    const requests = fc
      .noBias(fc.nat({ max: routes.length - 1 }))
      .chain((i) => plansFor(routes[i] as FuzzRoute, planner));
    const started = performance.now();
    try {
      await fc.assert(fc.asyncProperty(requests, send), { numRuns: runs, seed: SEED, endOnFailure: true });
    } finally {
      const keys = routes.map((r) => r.key);
      console.log(
        stats.summary(`fuzz (seed ${SEED})`, keys, (performance.now() - started) / 1000) +
          `\nexcluded (static/docs): ${EXCLUDED_ROUTES.map((e) => `${e.pattern} ${e.why}`).join("; ")}`,
      );
    }

    expect(stats.requests).toBeGreaterThanOrEqual(MIN_REQUESTS);
    const starved = routes
      .filter((r) => stats.route(r.key).matched < MIN_ANSWERED)
      .map((r) => `${r.key}: ${stats.route(r.key).matched}`);
    expect(starved, `routes answered fewer than ${MIN_ANSWERED} times`).toEqual([]);
    const shallow = routes
      .filter((r) => stats.route(r.key).reached < MIN_REACHED)
      .map((r) => `${r.key}: ${stats.route(r.key).reached}`);
    expect(shallow, `routes whose handler ran fewer than ${MIN_REACHED} times`).toEqual([]);
    expect([...stats.codes.keys()].filter((code) => !ERROR_CODES.includes(code as never))).toEqual([]);
  }, 900_000);

  it("after the fuzz: seat counters match holders, no license in a foreign tenant, on a capacity product or a deleted user", async () => {
    await assertSeatCountersMatchHolders(t.db);
    const [strays] = await t.db.$queryRaw<
      Array<{ capacity: number; crossTenant: number; deleted: number; jobs: number }>
    >`
      SELECT (SELECT count(*)::int FROM "LicenseAssignment" la JOIN "Product" p ON p.id = la."productId"
               WHERE p.kind <> 'user') AS capacity,
             (SELECT count(*)::int FROM "LicenseAssignment" la JOIN "User" u ON u.id = la."userId"
               WHERE u."tenantId" <> la."tenantId") AS "crossTenant",
             (SELECT count(*)::int FROM "LicenseAssignment" la JOIN "User" u ON u.id = la."userId"
               WHERE u."deletedAt" IS NOT NULL) AS deleted,
             (SELECT count(*)::int FROM "LicenseJob" WHERE error = 'The job stopped on an unexpected error.') AS jobs`;
    expect(strays).toEqual({ capacity: 0, crossTenant: 0, deleted: 0, jobs: 0 });
  });
});
