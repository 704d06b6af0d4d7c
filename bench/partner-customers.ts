// Shows how fast the partner center answers for a partner with 500 customers and 200,000 users in all: the customers
// list (first page, a search, deep keyset pages) and the cross-customer overview, as the partner's global admin and
// as an admin agent, next to the very statements the services send, run on raw pg.
import pg from "pg";
import { decodeCursor } from "../apps/api/src/lib/cursor.js";
import {
  customerCountersQuery,
  customerPageQuery,
  customerSeatsQuery,
  customerSubscriptionsQuery,
  productsByIdQuery,
  type VisibleCustomersCriteria,
  visibleRelationshipsQuery,
} from "../apps/api/src/services/partners/partner-queries.js";
import { relationshipGrantsAccess } from "../packages/domain/src/partners/relationship.js";
import { ApiClient, startApi } from "./lib/api.js";
import { withBenchDatabase } from "./lib/database.js";
import { explainSummary } from "./lib/explain.js";
import { environmentLine, mark, oneLine } from "./lib/licensing.js";
import { customerNames, loadPartnerFixture, type PartnerFixture } from "./lib/partner-fixture.js";
import { type CapturedStatement, captureSql } from "./lib/sql-capture.js";
import { ms, pick, rng, summarize, table } from "./lib/stats.js";

export const description =
  "Partner center on 500 customers / 200k users: customers list (first page, search, deep keyset pages) and the cross-customer overview, as the partner's global admin and an admin agent: API (HTTP) vs the same SQL on raw pg";

const CUSTOMERS = 500;
const USERS = 200_000;
const N = 200;
const WARMUP = 20;
const LIMIT = 50;
/** Deep paging walks pages DEEP_FROM… to the last one, then starts again at DEEP_FROM. */
const DEEP_FROM = 6;
const TARGET_P95_MS = 50;
// A time budget per case keeps the whole bench near 4 minutes even when requests are slow: a case stops early
// (and reports its real N) once its budget is spent.
const CASE_BUDGET_MS = 16_000;
/** Warm-up stops after WARMUP requests or this long, whichever comes first. */
const WARMUP_BUDGET_MS = 3_000;

type Request = { kind: "customers"; search?: string; cursor?: string } | { kind: "overview" };

interface CustomerPage {
  items: Array<{ tenantId: string; licensing: unknown }>;
  nextCursor: string | null;
}
interface Overview {
  value: Array<{
    skuPartNumber: string;
    customers: number;
    bought: number;
    assigned: number;
    free: number;
    conflicts: number;
  }>;
}
type Body = CustomerPage | Overview;

interface Sql {
  text: string;
  values: unknown[];
}

interface RawRun {
  ms: number;
  /** The statements run, in order; those in one inner array ran concurrently (as the service sends them). */
  waves: Sql[][];
  /** Customers of the page (list) or products (overview), to compare with the API's answer. */
  keys: string[];
}

function path(partnerTenantId: string, request: Request): string {
  if (request.kind === "overview") return `/api/partners/${partnerTenantId}/overview`;
  const query = new URLSearchParams({ limit: String(LIMIT) });
  if (request.search !== undefined) query.set("search", request.search);
  if (request.cursor !== undefined) query.set("cursor", request.cursor);
  return `/api/partners/${partnerTenantId}/customers?${query}`;
}

/** The API's answer reduced to what the raw run can tell too: the customers of the page, or the products. */
function keysOf(body: Body): string[] {
  return "items" in body ? body.items.map((item) => item.tenantId) : body.value.map((row) => row.skuPartNumber);
}

const sql = (query: { text: string; values: unknown[] }): Sql => ({ text: query.text, values: query.values });

/**
 * The baseline: the statements the service builds (apps/api/src/services/partners/partner-queries.ts), with the
 * same inputs, through raw pg; the licensing statements of the customers whose relationship grants access run
 * concurrently, as customerProducts sends them. The ratio is what HTTP, the session and the partner check, Prisma
 * and the seat and conflict rules add.
 */
async function runRaw(pool: pg.Pool, viewer: VisibleCustomersCriteria, request: Request): Promise<RawRun> {
  const waves: Sql[][] = [];
  const run = async <T extends pg.QueryResultRow>(statement: Sql) => (await pool.query<T>(statement)).rows;
  const start = performance.now();
  const now = new Date();
  type Terms = { tenantId: string; status: "active" | "terminated"; endsAt: Date | null };
  const first =
    request.kind === "overview"
      ? sql(visibleRelationshipsQuery(viewer))
      : sql(
          customerPageQuery({
            ...viewer,
            search: request.search,
            after: request.cursor ? (decodeCursor(request.cursor, ["text", "uuid"]) as [string, string]) : null,
            take: LIMIT + 1,
          }),
        );
  waves.push([first]);
  const customers = (await run<Terms>(first)).slice(0, request.kind === "overview" ? undefined : LIMIT);
  const granting = customers.filter((c) => relationshipGrantsAccess(c, now)).map((c) => c.tenantId);
  let keys = customers.map((c) => c.tenantId);
  if (granting.length > 0) {
    // The list reads each subscription's lifecycle and every seat counter (in two statements sent at once); the
    // overview the seats of each subscription with its product's counter (one statement).
    const licensing =
      request.kind === "overview"
        ? [sql(customerSeatsQuery(granting))]
        : [sql(customerSubscriptionsQuery(granting)), sql(customerCountersQuery(granting))];
    waves.push(licensing);
    const [subscriptions] = await Promise.all(licensing.map((s) => run<{ tenantId: string; productId: string }>(s)));
    if (request.kind === "overview") {
      // The products with subscriptions, in the order the service meets them (customer by customer).
      const byTenant = new Map<string, string[]>(granting.map((id) => [id, []]));
      for (const row of subscriptions ?? []) byTenant.get(row.tenantId)?.push(row.productId);
      const productIds = [...new Set([...byTenant.values()].flat())];
      if (productIds.length > 0) {
        const products = sql(productsByIdQuery(productIds));
        waves.push([products]);
        keys = (await run<{ skuPartNumber: string }>(products)).map((p) => p.skuPartNumber).sort();
      } else keys = [];
    }
  } else if (request.kind === "overview") keys = [];
  return { ms: performance.now() - start, waves, keys };
}

/** Values as the driver gets them, comparable whichever client built them. */
function normalize(values: readonly unknown[]): string {
  return JSON.stringify(values, (_key, value: unknown) =>
    typeof value === "number" || typeof value === "bigint" ? String(value) : value,
  );
}

/** Whether the API sent this statement, with these values. */
function apiSent(statements: readonly CapturedStatement[], statement: Sql): boolean {
  const values = normalize(statement.values);
  return statements.some((s) => s.text === statement.text && normalize(s.values) === values);
}

interface Pass {
  samples: number[];
  rows: number[];
}

interface CaseResult {
  name: string;
  actor: string;
  requests: Request[];
  api: Pass;
  raw: Pass;
  raws: RawRun[];
  statementsPerRequest: number;
  baselineStatements: number;
  last: CapturedStatement[];
}

/**
 * Warms up, then for each request (until `next` says done or the case's time budget is spent): the API request
 * (timed, its SQL captured: it must contain every baseline statement verbatim, same values), then the baseline on
 * raw pg (timed, must find the same customers or products). Interleaving keeps both under the same machine load.
 * `next` gets the previous API answer, so deep paging follows nextCursor like the UI does.
 */
async function measureCase(
  client: ApiClient,
  pool: pg.Pool,
  partnerTenantId: string,
  viewer: VisibleCustomersCriteria,
  warmup: Request[],
  next: (index: number, previous: Body | null) => Request | null,
): Promise<Omit<CaseResult, "name" | "actor">> {
  const warm = performance.now() + WARMUP_BUDGET_MS;
  for (const request of warmup) {
    if (performance.now() > warm) break;
    await client.ok<Body>("GET", path(partnerTenantId, request));
  }
  for (const request of warmup.slice(0, 5)) await runRaw(pool, viewer, request);
  const result: Omit<CaseResult, "name" | "actor"> = {
    requests: [],
    api: { samples: [], rows: [] },
    raw: { samples: [], rows: [] },
    raws: [],
    statementsPerRequest: 0,
    baselineStatements: 0,
    last: [],
  };
  let statements = 0;
  let previous: Body | null = null;
  const deadline = performance.now() + CASE_BUDGET_MS;
  for (let index = 0; index < N && performance.now() < deadline; index++) {
    const request = next(index, previous);
    if (!request) break;
    const url = path(partnerTenantId, request);
    const t = performance.now();
    const api = await captureSql(() => client.ok<Body>("GET", url));
    const apiMs = performance.now() - t;
    previous = api.result;
    const raw = await runRaw(pool, viewer, request);
    for (const statement of raw.waves.flat()) {
      if (!apiSent(api.statements, statement)) {
        throw new Error(
          `GET ${url} did not send the baseline statement ${oneLine(statement.text, 100)} with the same values: the bench no longer compares like with like`,
        );
      }
    }
    const apiKeys = keysOf(api.result);
    const sortedApi = request.kind === "overview" ? [...apiKeys].sort() : apiKeys;
    if (sortedApi.length !== raw.keys.length || sortedApi.some((key, k) => key !== raw.keys[k])) {
      throw new Error(
        `GET ${url}: the API answered ${apiKeys.length} rows, the raw SQL ${raw.keys.length}, not the same`,
      );
    }
    result.requests.push(request);
    result.api.samples.push(apiMs);
    result.api.rows.push(apiKeys.length);
    result.raw.samples.push(raw.ms);
    result.raw.rows.push(raw.keys.length);
    result.raws.push(raw);
    result.baselineStatements = raw.waves.flat().length;
    result.last = api.statements;
    statements += api.statements.length;
  }
  result.statementsPerRequest = statements / result.requests.length;
  return result;
}

/** Search terms as people type them: 3–6 characters of a word of a customer's name, or of its domain. */
function searchTerms(count: number, seed: number): Request[] {
  const names = customerNames(CUSTOMERS);
  const random = rng(seed);
  const terms: Request[] = [];
  while (terms.length < count) {
    const customer = pick(random, names);
    const source = random() < 0.8 ? pick(random, customer.name.split(" ")) : customer.domain.split(".")[0];
    const length = 3 + Math.floor(random() * 4);
    const start = random() < 0.6 ? 0 : Math.floor(random() * Math.max(1, (source?.length ?? 0) - length));
    const term = (source ?? "").slice(start, start + length).trim();
    if (term.length >= 3) terms.push({ kind: "customers", search: term });
  }
  return terms;
}

async function runActor(
  actor: string,
  client: ApiClient,
  pool: pg.Pool,
  fixture: PartnerFixture,
  viewer: VisibleCustomersCriteria,
): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  const partner = fixture.partnerTenantId;
  const runCase = async (
    name: string,
    warmup: Request[],
    next: (index: number, previous: Body | null) => Request | null,
  ) => {
    const t0 = performance.now();
    const m = await measureCase(client, pool, partner, viewer, warmup, next);
    results.push({ name, actor, ...m });
    process.stdout.write(
      `partner-customers: ${actor}, ${name}: ${m.requests.length} requests (API and raw SQL) in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
    );
  };
  const repeat = (request: Request, count: number) => Array.from({ length: count }, () => request);
  const fixed = (list: Request[]) => (index: number) => list[index] ?? null;

  await runCase(
    "customers, first page",
    repeat({ kind: "customers" }, WARMUP),
    fixed(repeat({ kind: "customers" }, N)),
  );
  await runCase("customers, search", searchTerms(WARMUP, 7), fixed(searchTerms(N, 1)));

  // Deep paging: walk to page DEEP_FROM through the API (that is the warm-up), then follow nextCursor to the last
  // page and start again at DEEP_FROM.
  let page: CustomerPage = await client.ok<CustomerPage>("GET", path(partner, { kind: "customers" }));
  const warmPages: Request[] = [];
  for (let k = 2; k <= DEEP_FROM; k++) {
    if (!page.nextCursor) throw new Error(`the customers list has no page ${k}`);
    const request: Request = { kind: "customers", cursor: page.nextCursor };
    warmPages.push(request);
    if (k < DEEP_FROM) page = await client.ok<CustomerPage>("GET", path(partner, request));
  }
  const deepStart = warmPages.at(-1) as Request;
  await runCase(`customers, deep pages (${DEEP_FROM}–last)`, warmPages.slice(0, -1), (index, previous) => {
    const cursor = previous && "items" in previous ? previous.nextCursor : null;
    return index === 0 || !cursor ? deepStart : { kind: "customers", cursor };
  });

  await runCase("overview", repeat({ kind: "overview" }, WARMUP), fixed(repeat({ kind: "overview" }, N)));
  return results;
}

export default async function partnerCustomers(): Promise<void> {
  const started = performance.now();
  await withBenchDatabase(async (database) => {
    process.stdout.write(
      `partner-customers: database ${database.name} migrated and seeded (${((performance.now() - started) / 1000).toFixed(1)} s)\n`,
    );
    const fixture = await loadPartnerFixture(database.url, { customers: CUSTOMERS, users: USERS });
    const { counts } = fixture;
    process.stdout.write(
      `partner-customers: loaded ${counts.customers} customers with ${counts.users} users (largest ${counts.largest}, median ${counts.median}, smallest ${counts.smallest}), ` +
        `${counts.assignments} assignments, ${counts.subscriptions} subscriptions, ${counts.pendingRequests} pending requests in ${(fixture.loadMs / 1000).toFixed(1)} s\n`,
    );

    const pool = new pg.Pool({ connectionString: database.url, max: 4 });
    const api = await startApi(database.url, 10);
    const admin = new ApiClient(api.baseUrl);
    const agent = new ApiClient(api.baseUrl);
    try {
      await admin.login(fixture.admin.email, fixture.admin.password);
      await agent.login(fixture.agent.email, fixture.agent.password);
      const { rows: staff } = await pool.query<{ email: string; id: string }>(
        `SELECT email, id::text AS id FROM "User" WHERE email = ANY($1)`,
        [[fixture.admin.email, fixture.agent.email]],
      );
      const userId = (email: string) => staff.find((s) => s.email === email)?.id as string;
      const partnerTenantId = fixture.partnerTenantId;

      const results = [
        ...(await runActor("global admin", admin, pool, fixture, {
          partnerTenantId,
          userId: userId(fixture.admin.email),
          seesAllCustomers: true,
        })),
        ...(await runActor("admin agent", agent, pool, fixture, {
          partnerTenantId,
          userId: userId(fixture.agent.email),
          seesAllCustomers: false,
        })),
      ];
      const overview = await admin.ok<Overview>("GET", path(partnerTenantId, { kind: "overview" }));

      // ── Report ──
      const out: string[] = [""];
      out.push(
        await environmentLine(
          pool,
          `API from ${api.source}, Prisma pool 10, 1 keep-alive HTTP connection per user, sequential requests`,
        ),
      );
      out.push(
        `Data: partner with ${counts.customers} customers (${counts.granting} granting access, ${counts.terminated} removed by the customer, ${counts.ended} past their end date), ` +
          `${counts.users} users (largest customer ${counts.largest}, median ${counts.median}, smallest ${counts.smallest}), ${counts.assignments} assignments, ` +
          `${counts.subscriptions} subscriptions, ${counts.pendingRequests} pending requests; a second partner shares 150 of the customers; ` +
          `built in ${(fixture.loadMs / 1000).toFixed(1)} s`,
      );
      out.push(
        `Requests: limit ${LIMIT}; up to N=${N} timed requests per case after ≤${WARMUP} warm-up requests (≤${WARMUP_BUDGET_MS / 1000} s), fewer when a case exceeds its ${CASE_BUDGET_MS / 1000} s budget; API and raw SQL interleaved per request`,
      );
      out.push(
        "Baseline: the service's own statements (partner-queries.ts) with the same inputs on raw pg, concurrent ones concurrently; each was checked to be among what the API sent, verbatim",
      );
      out.push("");
      out.push(
        table(
          [
            "case",
            "as",
            "N",
            "API p50",
            "API p95",
            "API p99",
            "raw p50",
            "raw p95",
            "ratio p95",
            `target p95 ≤ ${TARGET_P95_MS} ms`,
          ],
          results.map((r) => {
            const a = summarize(r.api.samples);
            const w = summarize(r.raw.samples);
            return [
              r.name,
              r.actor,
              String(a.n),
              `${ms(a.p50)} ms`,
              `${ms(a.p95)} ms`,
              `${ms(a.p99)} ms`,
              `${ms(w.p50)} ms`,
              `${ms(w.p95)} ms`,
              `${(a.p95 / w.p95).toFixed(1)}×`,
              mark(a.p95 <= TARGET_P95_MS),
            ];
          }),
        ),
      );
      out.push("");
      out.push("Rows and statements (the API and raw SQL returned the same customers or products for every request):");
      out.push(
        table(
          ["case", "as", "rows/request (avg)", "SQL statements per API request", "of which the baseline"],
          results.map((r) => [
            r.name,
            r.actor,
            (r.api.rows.reduce((s, x) => s + x, 0) / r.api.rows.length).toFixed(1),
            r.statementsPerRequest.toFixed(1),
            String(r.baselineStatements),
          ]),
        ),
      );
      const totals = overview.value.reduce(
        (sum, row) => ({ conflicts: sum.conflicts + row.conflicts, bought: sum.bought + row.bought }),
        { conflicts: 0, bought: 0 },
      );
      out.push("");
      out.push(
        `The overview (global admin): ${overview.value.length} products; conflicts ${totals.conflicts} (the fixture has ${counts.conflicts} customer × product pairs with more holders than active seats: ${mark(totals.conflicts === counts.conflicts)})`,
      );
      out.push(
        table(
          ["product", "customers", "bought", "assigned", "free", "conflicts"],
          overview.value.map((row) => [
            row.skuPartNumber,
            String(row.customers),
            String(row.bought),
            String(row.assigned),
            String(row.free),
            String(row.conflicts),
          ]),
        ),
      );
      out.push("");
      out.push("Statements of the last request of each case (duration as sent by the API):");
      for (const r of results) {
        out.push(`• ${r.name}, ${r.actor}`);
        for (const s of [...r.last].sort((a, b) => a.startedAt - b.startedAt)) {
          out.push(`    ${ms(s.endedAt - s.startedAt).padStart(6)} ms  ${oneLine(s.text, 120)}`);
        }
      }
      out.push("");
      out.push("Plans: EXPLAIN (ANALYZE, BUFFERS, TIMING OFF) of the baseline statements at the raw p95 of each case:");
      for (const r of results) {
        const sorted = r.raw.samples.map((x, i) => ({ x, i })).sort((p, q) => p.x - q.x);
        const at = sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)]?.i ?? 0;
        const request = r.requests[at] as Request;
        const described =
          request.kind === "overview"
            ? ""
            : request.search
              ? ` (search=${JSON.stringify(request.search)})`
              : request.cursor
                ? ` (after ${JSON.stringify(decodeCursor(request.cursor, ["text", "uuid"])[0])})`
                : "";
        out.push(`• ${r.name}, ${r.actor}${described}, ${ms(r.raw.samples[at] as number)} ms`);
        for (const statement of (r.raws[at] as RawRun).waves.flat()) {
          out.push(`  ${oneLine(statement.text, 110)}`);
          for (const line of await explainSummary(pool, statement.text, statement.values)) out.push(`    ${line}`);
        }
      }
      out.push("");
      out.push(`partner-customers: total ${((performance.now() - started) / 1000).toFixed(1)} s`);
      process.stdout.write(`${out.join("\n")}\n`);
    } finally {
      admin.close();
      agent.close();
      await api.close();
      await pool.end();
    }
  });
}
