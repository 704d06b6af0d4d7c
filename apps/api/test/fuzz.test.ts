import { ERROR_CODES, OAUTH_ERRORS } from "@allot/contracts";
import fc from "fast-check";
import type { FastifyReply, FastifyRequest, LightMyRequestResponse, RouteOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertSeatCountersMatchHolders } from "./fixtures.js";
import { Actors } from "./fuzz/actors.js";
import { FuzzApps } from "./fuzz/apps.js";
import {
  ChangeDetector,
  changedEntries,
  type Fingerprint,
  SIGN_IN_ENTRIES,
  TOKEN_ENDPOINT_ENTRIES,
  TOKEN_USE_ENTRIES,
  writtenTables,
} from "./fuzz/fingerprint.js";
import { generatorsForRoute } from "./fuzz/graph.js";
import { fromJsonSchema } from "./fuzz/json-schema.js";
import { BATCH_ROUTE, checkAnswer, type Verdict } from "./fuzz/oracle.js";
import { Pools } from "./fuzz/pools.js";
import { describe as describePlan, type Plan, type PlannerContext, plansFor } from "./fuzz/requests.js";
import { EXCLUDED_ROUTES, type FuzzRoute, fuzzableRoutes, TOKEN_ROUTE } from "./fuzz/routes.js";
import { FuzzStats } from "./fuzz/stats.js";
import { generatorsFor } from "./fuzz/values.js";
import { createTestApp, type TestApp } from "./helpers.js";

/**
 * The whole API under a contract-driven fuzz. The routes are not listed here: the app's own route table is read as
 * it registers (every route but the static and documentation ones, see EXCLUDED_ROUTES), and each route's params,
 * query string, headers and body are generated from its zod contract (as JSON Schema), with real ids of several
 * tenants picked by parameter name (pools.ts), sent by whoever the route's family has (callers.ts): every demo
 * account by session (with, without or with a wrong CSRF token) or by personal access token, the fuzz's own app in
 * each tenant by its access token (apps.ts), or nobody, valid or spoiled (requests.ts); the token endpoint gets
 * form-encoded client credentials, right and wrong (oauth.ts), and the Graph-compatible API OData queries and batches
 * (graph.ts). A route added tomorrow is fuzzed tomorrow, and the run fails if any route is answered fewer than
 * MIN_ANSWERED times, or its handler reached fewer than MIN_REACHED times.
 *
 * Every answer (oracle.ts): never 5xx; every error in its family's format (problem+json with a known code and that
 * code's status; Graph's envelope with a known code in its details and the status Graph's mapping gives it; OAuth's
 * error with one of RFC 6749's codes and its status), leaking no internals; every success is a status the route
 * declares, with a body that fits the declared schema, and each of a batch's answers is a Graph answer. A live
 * session is never refused as unauthenticated, a live token never as invalid; a Graph request without a working
 * bearer token is always 401; the fuzz's own app's right credentials always get a token (or 429 while locked).
 * Every refused request and every read changes no data (fingerprint.ts: write counters on every table, the written
 * tables fingerprinted after each request, the whole database every SAMPLE_EVERY requests); nor does a batch whose
 * requests were all refused or reads. The refusals allowed to write are a failed sign-in, which counts the failure,
 * may lock the account and audits that (SIGN_IN_ENTRIES), and a failed token request, which counts it and may lock
 * the client id (TOKEN_ENDPOINT_ENTRIES): the sign-in route is fuzzed with every demo account and wrong passwords,
 * after the fuzz's own sessions are signed in (actors.ts), and the token endpoint with wrong secrets of the fuzz's
 * own apps, after their tokens are issued. A request with a bearer token may stamp its lastUsedAt (TOKEN_USE_ENTRIES).
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
let apps: FuzzApps;
let pools: Pools;
let detector: ChangeDetector;
const stats = new FuzzStats();
const planner: PlannerContext = {
  pools: undefined as unknown as Pools,
  actors: undefined as unknown as Actors,
  apps: undefined as unknown as FuzzApps,
  routes: [],
  deadCookies: [],
  deadTokens: [],
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
    // The sign-in rate limit would turn most sign-ins into 429s; three failures lock a name or a client id (from the
    // fuzz's one address), so locks happen (the fuzz's own apps' wrong secrets are few: oauth.ts).
    { loginRateLimitPerMinute: 1_000_000, lockoutThreshold: 3 },
    { onRoute: observe },
  );
  routes = fuzzableRoutes(t.routes);
  actors = await Actors.signIn(t.app, t.db);
  apps = await FuzzApps.register(
    t.app,
    t.db,
    (await t.db.tenant.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((tenant) => tenant.id),
  );
  planner.deadTokens.push(...(await apps.deadTokens()));
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
  planner.apps = apps;
  planner.routes = routes;
}, 120_000);
afterAll(async () => {
  await detector?.close();
  await t?.close();
});

function fakeResponse(
  status: number,
  type: string,
  body: string,
  headers: Record<string, string> = {},
): LightMyRequestResponse {
  return {
    statusCode: status,
    headers: { "content-type": type, ...headers },
    body,
    json: () => JSON.parse(body),
  } as unknown as LightMyRequestResponse;
}

describe("the fuzz's own checks can fail", () => {
  it("the answer oracle refuses 5xx, non-problem errors, unknown codes, wrong statuses and undeclared successes", () => {
    const route = routes.find((r) => r.key === "GET /api/me") as FuzzRoute;
    const check = (response: LightMyRequestResponse) => checkAnswer(response, route, "GET", "/api/me");
    const problem = (status: number, code: string) =>
      JSON.stringify({ type: "x", title: "x", status, code, detail: "x" });
    expect(() => check(fakeResponse(500, "application/problem+json", problem(500, "InternalError")))).toThrow(/500/);
    expect(() => check(fakeResponse(404, "application/json", problem(404, "NotFound")))).toThrow(/problem\+json/);
    expect(() => check(fakeResponse(418, "application/problem+json", problem(418, "Teapot")))).toThrow(/contract/);
    expect(() => check(fakeResponse(400, "application/problem+json", problem(400, "NotFound")))).toThrow(/404/);
    expect(() => check(fakeResponse(201, "application/json", "{}"))).toThrow(/does not declare/);
    expect(() => check(fakeResponse(200, "application/json", "{}"))).toThrow(/schema/);
    expect(check(fakeResponse(404, "application/problem+json", problem(404, "NotFound")))).toEqual({
      family: "api",
      code: "NotFound",
    });
  });

  it("the answer oracle holds Graph's answers to Graph's envelope, by path, and a batch's answers too", () => {
    const users = routes.find((r) => r.key === "GET /graph/v1.0/users") as FuzzRoute;
    const batch = routes.find((r) => r.key === BATCH_ROUTE) as FuzzRoute;
    const envelope = (graphCode: string, detail: string, extra: Record<string, unknown> = {}) => ({
      error: {
        code: graphCode,
        message: "x",
        innerError: { date: "2025-03-01T10:00:00", "request-id": "r", "client-request-id": "r" },
        details: [{ code: detail, message: "x" }],
        ...extra,
      },
    });
    const graphError = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      fakeResponse(status, "application/json; charset=utf-8", JSON.stringify(body), headers);
    const check = (response: LightMyRequestResponse, route: FuzzRoute | undefined = users) =>
      checkAnswer(response, route, route?.method ?? "GET", "/graph/v1.0/users?$top=1");
    expect(check(graphError(400, envelope("Request_BadRequest", "CountViolation")))).toEqual({
      family: "graph",
      code: "CountViolation",
    });
    // No route matched: still Graph's envelope, by the path.
    expect(check(graphError(404, envelope("Request_ResourceNotFound", "NotFound")), undefined).code).toBe("NotFound");
    expect(() => check(graphError(409, envelope("Request_BadRequest", "CountViolation")))).toThrow(/400, answered 409/);
    expect(() => check(graphError(400, envelope("BadRequest", "CountViolation")))).toThrow(/Request_BadRequest/);
    expect(() => check(graphError(400, envelope("Request_BadRequest", "Teapot")))).toThrow(/envelope/);
    expect(() => check(graphError(400, envelope("Request_BadRequest", "ValidationFailed", { query: "x" })))).toThrow(
      /envelope/,
    );
    expect(() => check(graphError(400, envelope("Request_BadRequest", "ValidationFailed", { stack: "x" })))).toThrow(
      /internals/,
    );
    expect(() => check(graphError(400, { error: { code: "Request_BadRequest", message: "x" } }))).toThrow(/envelope/);
    expect(() => check(graphError(401, envelope("InvalidAuthenticationToken", "InvalidAuthenticationToken")))).toThrow(
      /WWW-Authenticate/,
    );
    const problem = JSON.stringify({ type: "x", title: "x", status: 404, code: "NotFound" });
    expect(() => check(fakeResponse(404, "application/problem+json", problem))).toThrow(/not application\/json/);
    const answers = (inner: unknown) => fakeResponse(200, "application/json", JSON.stringify({ responses: [inner] }));
    const innerError = { "content-type": "application/json" };
    expect(check(answers({ id: "1", status: 204 }), batch).code).toBeNull();
    expect(() => check(answers({ id: "1", status: 200, headers: innerError, body: { responses: [] } }), batch)).toThrow(
      /batch inside the batch/,
    );
    expect(() => check(answers({ id: "1", status: 500, headers: innerError, body: {} }), batch)).toThrow(/500/);
    expect(() =>
      check(
        answers({ id: "1", status: 409, headers: innerError, body: envelope("Request_BadRequest", "AlreadyMember") }),
        batch,
      ),
    ).toThrow(/batched request 1/);
    const failed = { error: { code: "FailedDependency", message: "The request it depends on (1) failed." } };
    expect(check(answers({ id: "2", status: 424, headers: innerError, body: failed }), batch).code).toBeNull();
    expect(() => check(answers({ id: "2", status: 424, headers: innerError, body: {} }), batch)).toThrow(/424/);
  });

  it("the answer oracle holds the token endpoint to OAuth's errors, never cached", () => {
    const token = routes.find((r) => r.key === TOKEN_ROUTE) as FuzzRoute;
    const noStore = { "cache-control": "no-store" };
    const oauth = (status: number, error: string, headers: Record<string, string> = noStore) =>
      fakeResponse(status, "application/json", JSON.stringify({ error, error_description: "x" }), headers);
    const check = (response: LightMyRequestResponse) => checkAnswer(response, token, "POST", "/oauth2/v2.0/token");
    const challenge = { ...noStore, "www-authenticate": 'Basic realm="allot"' };
    expect(check(oauth(401, "invalid_client", challenge))).toEqual({ family: "oauth", code: "invalid_client" });
    expect(check(oauth(400, "invalid_scope")).code).toBe("invalid_scope");
    expect(() => check(oauth(400, "invalid_client", challenge))).toThrow(/401, answered 400/);
    expect(() => check(oauth(401, "invalid_client", noStore))).toThrow(/WWW-Authenticate/);
    expect(() => check(oauth(429, "temporarily_unavailable"))).toThrow(/Retry-After/);
    expect(() => check(oauth(400, "server_error"))).toThrow(/RFC 6749/);
    expect(() => check(oauth(400, "invalid_request", {}))).toThrow(/no-store/);
    const problem = JSON.stringify({ type: "x", title: "x", status: 400, code: "ValidationFailed" });
    expect(() => check(fakeResponse(400, "application/problem+json", problem, noStore))).toThrow(
      /not application\/json/,
    );
    expect(() =>
      check(
        fakeResponse(
          400,
          "application/json",
          JSON.stringify({ error: "invalid_request", error_description: "x", stack: "at x.ts:1" }),
          noStore,
        ),
      ),
    ).toThrow(/internals/);
  });

  it("the change detector sees a committed change, and not a rolled-back one, a session's sliding expiry or a token's use", async () => {
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
    expect(changedEntries(before, counted, TOKEN_ENDPOINT_ENTRIES)).toEqual([]);
    // A bearer token's use stamps its lastUsedAt: an entry of its own, allowed to requests that carry a token.
    const stamps = await t.db.personalAccessToken.findMany({ select: { id: true, lastUsedAt: true } });
    await t.db.personalAccessToken.updateMany({ data: { lastUsedAt: new Date() } });
    const used = await detector.fingerprint();
    expect(changedEntries(counted, used)).toEqual(["PersonalAccessToken (last used)"]);
    expect(changedEntries(counted, used, TOKEN_USE_ENTRIES)).toEqual([]);
    for (const { id, lastUsedAt } of stamps)
      await t.db.personalAccessToken.update({ where: { id }, data: { lastUsedAt } });
    // One deleted row of one table is seen, and its table alone was written.
    const written = await detector.counters();
    const member = await t.db.groupMember.findFirstOrThrow();
    await t.db.groupMember.delete({
      where: { groupId_userId_tenantId: { groupId: member.groupId, userId: member.userId, tenantId: member.tenantId } },
    });
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
          const generators = generatorsForRoute(route, profile, {
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

/** The entries a request may change even when refused or a read (see fingerprint.ts). */
function allowedChanges(plan: Plan, success: boolean): Set<string> {
  const allowed = new Set<string>();
  if (!success && seen.route === SIGN_IN_ROUTE) for (const entry of SIGN_IN_ENTRIES) allowed.add(entry);
  if (!success && seen.route === TOKEN_ROUTE) for (const entry of TOKEN_ENDPOINT_ENTRIES) allowed.add(entry);
  if (/^bearer /i.test(plan.headers.authorization ?? "")) for (const entry of TOKEN_USE_ENTRIES) allowed.add(entry);
  return allowed;
}

/** A batch whose requests were all refused or reads: it must have changed nothing, as they would have alone. */
function batchOfNoChange(plan: Plan, response: LightMyRequestResponse): boolean {
  let sent: { requests?: Array<{ id: string; method: string }> };
  try {
    sent = JSON.parse(plan.payload ?? "{}");
  } catch {
    return false;
  }
  const methods = new Map((sent.requests ?? []).map((request) => [request.id, request.method]));
  const { responses } = response.json() as { responses: Array<{ id: string; status: number }> };
  return responses.every((answer) => answer.status >= 400 || methods.get(answer.id) === "GET");
}

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

    let verdict: Verdict;
    try {
      verdict = checkAnswer(response, route, plan.method, plan.url);
    } catch (error) {
      throw failure((error as Error).message);
    }
    const { code, family } = verdict;
    const status = response.statusCode;
    if (code === "Unauthenticated" && plan.live === "session") {
      throw failure("a live session was refused as Unauthenticated");
    }
    if (code === "InvalidAuthenticationToken" && plan.live === "token") throw failure("a live token was refused");
    // Before anything else, but a URL too broken to route (400, and no route answered: no route's hooks ran).
    if (plan.mustBe401 && status !== 401 && !(status === 400 && seen.route === null)) {
      throw failure("a Graph request without a working bearer token was not refused with 401");
    }
    if (plan.mustIssue && status !== 200 && !(status === 429 && code === "temporarily_unavailable")) {
      throw failure("the fuzz's own app's right credentials got no token");
    }
    const success = status < 300;
    stats.record(seen.route, status, family, code, seen.reached);

    // Refused requests and reads change nothing (the sign-in route's and the token endpoint's failure bookkeeping,
    // and a bearer token's lastUsedAt, aside), nor does a batch of refused requests and reads: the tables whose write
    // counter moved are fingerprinted again; now and then all of them, to check the counters missed nothing.
    const mustNotChange =
      !success ||
      plan.method === "GET" ||
      plan.method === "HEAD" ||
      (seen.route === BATCH_ROUTE && batchOfNoChange(plan, response));
    const writes = await detector.writes();
    const counters = writes === last.writes ? last.counters : await detector.counters();
    const written = writtenTables(last.counters, counters);
    const sample = stats.requests % SAMPLE_EVERY === 0;
    if (written.length > 0 || sample) {
      const after = { ...last.fp, ...(await detector.fingerprint(written)) };
      if (written.length > 0) stats.fingerprints += 1;
      if (mustNotChange) {
        const changed = changedEntries(last.fp, after, allowedChanges(plan, success));
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
      const answer = response.json() as { nextCursor?: unknown; "@odata.nextLink"?: unknown };
      if (typeof answer.nextCursor === "string" && route) pools.harvestCursor(route.url, answer.nextCursor);
      const next = answer["@odata.nextLink"];
      if (typeof next === "string" && route) pools.harvestNextLink(route.url, next);
    }
    // Sessions and tokens end by sign-out, password resets, disabled or deleted accounts, revoked tokens, disabled or
    // deleted apps and secrets: put those back (the ended credentials are kept, to be sent now and then).
    if (success && plan.method !== "GET" && plan.method !== "HEAD") {
      const people = await actors.restore();
      const ownApps = await apps.restore();
      planner.deadCookies.push(...people.cookies);
      planner.deadTokens.push(...people.tokens, ...ownApps.tokens);
      stats.revived += people.cookies.length + people.tokens.length + ownApps.tokens.length;
      if (people.changed || ownApps.changed) last = null;
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
    for (const family of ["api", "graph"] as const) {
      const codes = [...stats.family(family).codes.keys()];
      expect(codes.filter((code) => !ERROR_CODES.includes(code as never))).toEqual([]);
    }
    const oauthCodes = [...stats.family("oauth").codes.keys()];
    expect(oauthCodes.filter((code) => !OAUTH_ERRORS.includes(code as never))).toEqual([]);
    // Every family was sent, and answered both ways.
    for (const family of ["api", "graph", "oauth"] as const) {
      const statuses = [...stats.family(family).statuses.keys()];
      expect(
        statuses.some((status) => status < 300),
        family,
      ).toBe(true);
      expect(
        statuses.some((status) => status >= 400),
        family,
      ).toBe(true);
    }
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
