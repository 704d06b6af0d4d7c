// Shows how fast GET /api/tenants/:t/users answers (prefix search, substring search, deep keyset paging) on a 100k-user tenant, next to the same list query run directly on PostgreSQL.
import os from "node:os";
import pg from "pg";
import { encodeCursor } from "../apps/api/src/lib/cursor.js";
import { userPageQuery } from "../apps/api/src/services/users/users-page-query.js";
import { ApiClient, startApi } from "./lib/api.js";
import { serverVersion, withBenchDatabase } from "./lib/database.js";
import { type Directory, loadDirectory } from "./lib/directory.js";
import { explainSummary } from "./lib/explain.js";
import { profiled } from "./lib/profile.js";
import { captureSql } from "./lib/sql-capture.js";
import { ms, pick, rng, summarize, table } from "./lib/stats.js";

export const description = "Active users list on a 100k-user tenant: API (HTTP) vs the same SQL on raw pg";

const BENCH_USERS = 100_000;
const NEIGHBOUR_USERS = 25_000;
const N = 200;
const WARMUP = 20;
const LIMIT = 50;
const FIRST_TIMED_PAGE = 100;
const LAST_TIMED_PAGE = 300;
const TARGET_P95_MS = 20;
const TARGET_RATIO = 2;
// A time budget per case keeps the whole bench near 3 minutes even when requests are slow: a case stops early
// (and reports its real N) once its budget is spent.
const CASE_BUDGET_MS = 22_000;
/** Warm-up stops after WARMUP requests or this long, whichever comes first. */
const WARMUP_BUDGET_MS = 3_000;

interface Cursor {
  displayName: string;
  id: string;
}

/** One list request: what the UI sends as search and cursor. */
interface ListRequest {
  search?: string;
  cursor?: string;
}

interface UserItem {
  id: string;
  displayName: string;
}
interface UserPage {
  items: UserItem[];
  nextCursor: string | null;
}

interface Pass {
  samples: number[];
  rows: number[];
  /** Node CPU (user + system, µs) this process spent per request: the API and its client live in this process. */
  cpu: number[];
}

/** Microseconds of CPU this process used since `since` (process.cpuUsage's user + system). */
function cpuSince(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return used.user + used.system;
}

interface CaseResult {
  name: string;
  requests: ListRequest[];
  api: Pass;
  raw: Pass;
  /** Statements the API sent to PostgreSQL per request (session, roles, list, list's relations). */
  statementsPerRequest: number;
}

function decodeCursor(cursor: string): Cursor {
  const [displayName, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [string, string];
  return { displayName, id };
}

/**
 * The baseline is the API's own list statement (apps/api/src/services/users/users-page-query.ts), built with the
 * same criteria and run through raw pg: the ratio is what HTTP, sign-in checks and Prisma add, nothing else.
 */
function rawListQuery(tenantId: string, request: ListRequest): { text: string; values: unknown[] } {
  const after = request.cursor ? decodeCursor(request.cursor) : undefined;
  const query = userPageQuery({ tenantId, search: request.search, after, take: LIMIT + 1, now: new Date() });
  return { text: query.text, values: query.values };
}

function listPath(tenantId: string, request: ListRequest): string {
  const query = new URLSearchParams({ limit: String(LIMIT) });
  if (request.search !== undefined) query.set("search", request.search);
  if (request.cursor !== undefined) query.set("cursor", request.cursor);
  return `/api/tenants/${tenantId}/users?${query}`;
}

async function timedCapture<T>(work: () => Promise<T>) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const { result, statements } = await captureSql(work);
  return { result, statements, ms: performance.now() - start, cpu: cpuSince(cpu) };
}

async function runRaw(pool: pg.Pool, tenantId: string, request: ListRequest) {
  const { text, values } = rawListQuery(tenantId, request);
  const cpu = process.cpuUsage();
  const start = performance.now();
  const { rows } = await pool.query<{ id: string }>(text, values);
  return { ms: performance.now() - start, cpu: cpuSince(cpu), ids: rows.slice(0, LIMIT).map((r) => r.id) };
}

interface Measured {
  requests: ListRequest[];
  api: Pass;
  raw: Pass;
  statementsPerRequest: number;
}

/**
 * Warms up, then for each request (until `next` says done or the case's time budget is spent): the API request
 * (timed, its SQL captured: it must contain the baseline statement verbatim), then the same statement on raw pg
 * (timed, must return the same users). Interleaving keeps both under the same machine load. `next` gets the
 * previous API page, so deep paging follows nextCursor like the UI does.
 */
async function measureCase(
  client: ApiClient,
  pool: pg.Pool,
  tenantId: string,
  warmup: { api: ListRequest[]; raw: ListRequest[] },
  next: (index: number, previous: UserPage | null) => ListRequest | null,
): Promise<Measured> {
  let previous: UserPage | null = null;
  const warm = performance.now() + WARMUP_BUDGET_MS;
  for (const request of warmup.api) {
    if (performance.now() > warm) break;
    previous = await client.ok<UserPage>("GET", listPath(tenantId, request));
  }
  for (const request of warmup.raw.slice(0, 5)) await runRaw(pool, tenantId, request);
  const measured: Measured = {
    requests: [],
    api: { samples: [], rows: [], cpu: [] },
    raw: { samples: [], rows: [], cpu: [] },
    statementsPerRequest: 0,
  };
  let statements = 0;
  const deadline = performance.now() + CASE_BUDGET_MS;
  for (let index = 0; performance.now() < deadline; index++) {
    const request = next(index, previous);
    if (!request) break;
    const path = listPath(tenantId, request);
    const api = await timedCapture(() => client.ok<UserPage>("GET", path));
    previous = api.result;
    const baseline = rawListQuery(tenantId, request);
    if (!api.statements.some((statement) => statement.text === baseline.text)) {
      throw new Error(`GET ${path} did not run the baseline statement: the bench no longer compares like with like`);
    }
    const raw = await runRaw(pool, tenantId, request);
    const apiIds = api.result.items.map((u) => u.id);
    if (apiIds.length !== raw.ids.length || apiIds.some((id, k) => id !== raw.ids[k])) {
      throw new Error(
        `GET ${path}: the API returned ${apiIds.length} users, the raw SQL ${raw.ids.length}, not the same`,
      );
    }
    measured.requests.push(request);
    measured.api.samples.push(api.ms);
    measured.api.rows.push(apiIds.length);
    measured.api.cpu.push(api.cpu);
    measured.raw.cpu.push(raw.cpu);
    measured.raw.samples.push(raw.ms);
    measured.raw.rows.push(raw.ids.length);
    statements += api.statements.length;
  }
  measured.statementsPerRequest = statements / measured.requests.length;
  return measured;
}

/** Search terms drawn from the generated names (deterministic: seeded PRNG over names sorted by displayName). */
function searchTerms(
  names: Array<{ displayName: string; email: string }>,
  kind: "prefix" | "substring",
  count: number,
  seed: number,
) {
  const random = rng(seed);
  const terms: ListRequest[] = [];
  while (terms.length < count) {
    const user = pick(random, names);
    let term: string;
    if (kind === "prefix") {
      term = user.displayName.slice(0, 3 + Math.floor(random() * 3));
    } else {
      // A middle fragment of the display name or of the email's local part (4–6 characters).
      const source = random() < 0.5 ? user.displayName : (user.email.split("@")[0] as string);
      const length = 4 + Math.floor(random() * 3);
      const start = 1 + Math.floor(random() * Math.max(1, source.length - length - 1));
      term = source.slice(start, start + length);
    }
    term = term.trim(); // the API trims the search (listUsersQuerySchema)
    if (term.length >= 3) terms.push({ search: term });
  }
  return terms;
}

export default async function usersList(): Promise<void> {
  const started = performance.now();
  await withBenchDatabase(async (database) => {
    process.stdout.write(
      `users-list: database ${database.name} migrated and seeded (${((performance.now() - started) / 1000).toFixed(1)} s)\n`,
    );
    const directory: Directory = await loadDirectory(database.url, {
      benchUsers: BENCH_USERS,
      neighbourUsers: NEIGHBOUR_USERS,
    });
    const { counts } = directory;
    process.stdout.write(
      `users-list: loaded ${counts.users} users (${counts.benchUsers} in Bench Corp, ${directory.neighbours.map((t) => `${t.users} in ${t.name}`).join(", ")}), ` +
        `${counts.licenseAssignments} license assignments, ${counts.roleAssignments} role assignments in ${(directory.loadMs / 1000).toFixed(1)} s\n`,
    );

    const pool = new pg.Pool({ connectionString: database.url, max: 2 });
    const api = await startApi(database.url, 10);
    const client = new ApiClient(api.baseUrl);
    try {
      await client.login(directory.admin.email, directory.admin.password);
      const tenantId = directory.bench.id;
      const { rows: names } = await pool.query<{ displayName: string; email: string }>(
        `SELECT "displayName", email FROM "User" WHERE "tenantId" = $1 AND "deletedAt" IS NULL ORDER BY "displayName", email`,
        [tenantId],
      );

      const results: CaseResult[] = [];
      const runCase = async (
        name: string,
        warmup: { api: ListRequest[]; raw: ListRequest[] },
        next: (index: number, previous: UserPage | null) => ListRequest | null,
      ) => {
        const t0 = performance.now();
        const m = await profiled(`users-list ${name}`, () => measureCase(client, pool, tenantId, warmup, next));
        results.push({
          name,
          requests: m.requests,
          api: m.api,
          raw: m.raw,
          statementsPerRequest: m.statementsPerRequest,
        });
        process.stdout.write(
          `users-list: ${name}: ${m.requests.length} requests (API and raw SQL) in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
        );
      };
      const fixed = (list: ListRequest[]) => (index: number) => list[index] ?? null;
      const both = (list: ListRequest[]) => ({ api: list, raw: list });

      // 1. The first page, no search (reference).
      await runCase(
        "first page, no search",
        both(Array.from({ length: WARMUP }, () => ({}))),
        fixed(Array.from({ length: N / 2 }, () => ({}))),
      );

      // 2. Prefix search: first 3–5 characters of a display name.
      await runCase(
        "search by prefix",
        both(searchTerms(names, "prefix", WARMUP, 7)),
        fixed(searchTerms(names, "prefix", N, 1)),
      );

      // 3. Substring search: a middle fragment of a display name or an email local part.
      await runCase(
        "search by substring",
        both(searchTerms(names, "substring", WARMUP, 8)),
        fixed(searchTerms(names, "substring", N, 2)),
      );

      // 4. Deep paging: the cursor the API hands out at the end of page FIRST_TIMED_PAGE - DEEP_WARMUP - 1 (computed
      //    in SQL, encoded like the API does), then follow nextCursor: DEEP_WARMUP pages of warm-up, then the timed pages.
      const DEEP_WARMUP = 5;
      const { rows: start } = await pool.query<{ displayName: string; id: string }>(
        `SELECT "displayName", id FROM "User" WHERE "tenantId" = $1 AND "deletedAt" IS NULL ORDER BY "displayName", id OFFSET $2 LIMIT 1`,
        [tenantId, (FIRST_TIMED_PAGE - DEEP_WARMUP - 1) * LIMIT - 1],
      );
      const startRow = start[0];
      if (!startRow) throw new Error("the tenant is smaller than the deep-paging case needs");
      const warmPages: ListRequest[] = [{ cursor: encodeCursor([startRow.displayName, startRow.id]) }];
      let warmPage: UserPage | null = null;
      for (let k = 0; k < DEEP_WARMUP; k++) {
        const request: ListRequest =
          k === 0 ? (warmPages[0] as ListRequest) : { cursor: warmPage?.nextCursor as string };
        if (k > 0) warmPages.push(request);
        warmPage = await client.ok<UserPage>("GET", listPath(tenantId, request));
      }
      const firstTimed = warmPage?.nextCursor;
      if (!firstTimed) throw new Error(`page ${FIRST_TIMED_PAGE - 1} has no next page`);
      // The API was warmed up by the walk above; raw warms up on the same pages.
      await runCase(
        `deep paging (pages ${FIRST_TIMED_PAGE}–${LAST_TIMED_PAGE})`,
        { api: [], raw: warmPages },
        (index, previous) => {
          if (index > LAST_TIMED_PAGE - FIRST_TIMED_PAGE) return null;
          const cursor = index === 0 ? firstTimed : previous?.nextCursor;
          return cursor ? { cursor } : null;
        },
      );
      const deep = results.at(-1) as CaseResult;
      deep.name = `deep paging (pages ${FIRST_TIMED_PAGE}–${FIRST_TIMED_PAGE + deep.api.samples.length - 1})`;

      // ── Report ──
      const version = await serverVersion(pool);
      const out: string[] = [""];
      out.push(
        `Environment: node ${process.version} · PostgreSQL ${version} · ${os.availableParallelism()} cores (${os.cpus()[0]?.model.trim() ?? "?"}) · ` +
          `load average ${os
            .loadavg()
            .map((x) => x.toFixed(1))
            .join(
              " ",
            )} · API from ${api.source}, pool 10 connections, 1 keep-alive HTTP connection, sequential requests`,
      );
      out.push(
        `Data: Bench Corp ${counts.benchUsers} users + ${counts.users - counts.benchUsers} in other tenants; ` +
          `${counts.licenseAssignments} license assignments; limit ${LIMIT}; up to N=${N} timed requests per case (first page: ${N / 2}) ` +
          `after ≤${WARMUP} warm-up requests (≤${WARMUP_BUDGET_MS / 1000} s), fewer when a case exceeds its ${CASE_BUDGET_MS / 1000} s budget; API and raw SQL interleaved per request`,
      );
      out.push("");
      const mark = (ok: boolean) => (ok ? "✓" : "✗");
      out.push(
        table(
          [
            "case",
            "API p50",
            "API p95",
            "API p99",
            "raw p50",
            "raw p95",
            "ratio p95",
            "target (p95 ≤ 20 ms, ratio ≤ 2×)",
          ],
          results.map((r) => {
            const a = summarize(r.api.samples);
            const w = summarize(r.raw.samples);
            const ratio = a.p95 / w.p95;
            return [
              r.name,
              `${ms(a.p50)} ms`,
              `${ms(a.p95)} ms`,
              `${ms(a.p99)} ms`,
              `${ms(w.p50)} ms`,
              `${ms(w.p95)} ms`,
              `${ratio.toFixed(1)}×`,
              `p95 ${mark(a.p95 <= TARGET_P95_MS)}  ratio ${mark(ratio <= TARGET_RATIO)}`,
            ];
          }),
        ),
      );
      out.push("");
      out.push("Rows and statements (the API and raw SQL returned the same users for every request):");
      out.push(
        table(
          ["case", "N", "rows/request (avg)", "empty pages", "SQL statements per API request"],
          results.map((r) => {
            const avgRows = r.api.rows.reduce((s, x) => s + x, 0) / r.api.rows.length;
            return [
              r.name,
              String(r.api.samples.length),
              avgRows.toFixed(1),
              String(r.api.rows.filter((x) => x === 0).length),
              r.statementsPerRequest.toFixed(1),
            ];
          }),
        ),
      );

      out.push("");
      out.push(
        "Node CPU per request (process.cpuUsage, user + system; the API, its HTTP client and the raw pg client share this process):",
      );
      const meanMs = (xs: number[]) => xs.reduce((sum, x) => sum + x, 0) / xs.length / 1000;
      out.push(
        table(
          ["case", "API CPU/request (mean)", "raw pg CPU/request (mean)", "ratio"],
          results.map((r) => [
            r.name,
            `${ms(meanMs(r.api.cpu))} ms`,
            `${ms(meanMs(r.raw.cpu))} ms`,
            `${(meanMs(r.api.cpu) / meanMs(r.raw.cpu)).toFixed(1)}×`,
          ]),
        ),
      );

      out.push("");
      out.push("Plans: EXPLAIN (ANALYZE, BUFFERS, TIMING OFF) of the list statement at the raw p95 of each case:");
      for (const r of results) {
        const sorted = r.raw.samples.map((ms, i) => ({ ms, i })).sort((x, y) => x.ms - y.ms);
        const at = sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)]?.i ?? 0;
        const request = r.requests[at] as ListRequest;
        const described = request.search
          ? `search=${JSON.stringify(request.search)}`
          : request.cursor
            ? `cursor after ${JSON.stringify(decodeCursor(request.cursor).displayName)}`
            : "no parameters";
        out.push(`• ${r.name} (${described}, ${r.api.rows[at]} rows)`);
        const raw = rawListQuery(tenantId, request);
        for (const line of await explainSummary(pool, raw.text, raw.values)) out.push(`    ${line}`);
      }
      out.push("");
      out.push(`users-list: total ${((performance.now() - started) / 1000).toFixed(1)} s`);
      process.stdout.write(`${out.join("\n")}\n`);
    } finally {
      client.close();
      await api.close();
      await pool.end();
    }
  });
}
