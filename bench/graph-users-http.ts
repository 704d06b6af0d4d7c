// Graph's users collection as a script walks it: GET /graph/v1.0/users?$top=999 through every page of a 100k-user
// tenant, and the same with $filter=assignedLicenses/any(…), over HTTP with an app's client-credentials token,
// following @odata.nextLink; each page next to the service's own statement (graphUsersPageSql) on raw pg.
import os from "node:os";
import { createDb } from "@allot/db";
import pg from "pg";
import { parseUsersQuery } from "../apps/api/src/graph/odata/users-query.js";
import { needsAssignments } from "../apps/api/src/services/graph/graph-user-columns.js";
import { propertiesOf } from "../apps/api/src/services/graph/graph-user-view.js";
import { graphUsersPageSql } from "../apps/api/src/services/graph/graph-users-sql.js";
import { type Catalog, catalogOf } from "../apps/api/src/services/licenses/catalog.js";
import { ApiClient, startApi } from "./lib/api.js";
import { serverVersion, withBenchDatabase } from "./lib/database.js";
import { loadDirectory } from "./lib/directory.js";
import { explainSummary } from "./lib/explain.js";
import { captureSql } from "./lib/sql-capture.js";
import { ms, summarize, table } from "./lib/stats.js";

export const description =
  "Graph users over HTTP with an app token, 100k-user tenant: $top=999 through every page and assignedLicenses/any, vs raw pg";

const BENCH_USERS = 100_000;
const NEIGHBOUR_USERS = 25_000;
const TOP = 999;
/** The first pages of each walk run once untimed (API and raw) before the timed walk, so both start warm. */
const WARMUP_PAGES = 3;

interface GraphPage {
  value: Array<{ id: string }>;
  "@odata.nextLink"?: string;
}

interface WalkResult {
  name: string;
  options: Record<string, string>;
  users: number;
  api: number[];
  raw: number[];
  statements: number;
  /** The page whose raw statement took longest, for its plan. */
  slowest: { skipToken: string | undefined; ms: number };
}

export default async function graphUsersHttp(): Promise<void> {
  const started = performance.now();
  await withBenchDatabase(async (database) => {
    const directory = await loadDirectory(database.url, { benchUsers: BENCH_USERS, neighbourUsers: NEIGHBOUR_USERS });
    const tenantId = directory.bench.id;
    const pool = new pg.Pool({ connectionString: database.url, max: 2 });
    const db = createDb({ connectionString: database.url, maxConnections: 1 });
    // A script's walk is not what the throttle is for: the bench measures the API, not Retry-After.
    process.env.GRAPH_REQUESTS_PER_WINDOW ??= "1000000";
    const api = await startApi(database.url, 10);
    const session = new ApiClient(api.baseUrl);
    const client = new ApiClient(api.baseUrl);
    try {
      const catalog = await catalogOf(db);
      const e3 = [...catalog.bySkuId.values()].find((product) => product.skuPartNumber === "SPE_E3")?.skuId;
      if (!e3) throw new Error("the catalog has no SPE_E3");
      await session.login(directory.admin.email, directory.admin.password);
      const token = await appToken(session, api.baseUrl, tenantId);
      const authorization = { authorization: `Bearer ${token}` };
      const get = (path: string) => client.request<GraphPage>("GET", path, undefined, authorization);

      const walks: WalkResult[] = [];
      for (const [name, options] of [
        ["every user", { $top: String(TOP) }],
        [
          "E3 holders: assignedLicenses/any",
          { $top: String(TOP), $filter: `assignedLicenses/any(x:x/skuId eq ${e3})` },
        ],
      ] as const) {
        const context = { get, pool, tenantId, catalog };
        await walk(name, options, context, WARMUP_PAGES);
        const t0 = performance.now();
        walks.push(await walk(name, options, context, Number.POSITIVE_INFINITY));
        process.stdout.write(
          `graph-users-http: ${name}: walked in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
        );
      }

      const version = await serverVersion(pool);
      const out: string[] = [
        "",
        `Environment: node ${process.version} · PostgreSQL ${version} · ${os.availableParallelism()} cores ` +
          `(${os.cpus()[0]?.model.trim() ?? "?"}) · load average ${os
            .loadavg()
            .map((x) => x.toFixed(1))
            .join(" ")} · API from ${api.source}, pool 10, one keep-alive HTTP connection, sequential requests`,
        `Data: Bench Corp ${directory.counts.benchUsers} users (${directory.counts.users} in all), ` +
          `${directory.counts.licenseAssignments} license assignments; $top=${TOP}, default properties; ` +
          `each walk's first ${WARMUP_PAGES} pages once untimed, then every page: the API request (app token, JSON ` +
          "parsed), then the same page's statement on raw pg, each page checked to hold the same users",
        "",
        table(
          [
            "walk",
            "pages",
            "users",
            "API p50",
            "API p95",
            "API total",
            "raw p50",
            "raw p95",
            "raw total",
            "ratio p95",
            "ratio total",
            "SQL/request",
          ],
          walks.map((w) => {
            const a = summarize(w.api);
            const r = summarize(w.raw);
            const apiTotal = w.api.reduce((sum, x) => sum + x, 0);
            const rawTotal = w.raw.reduce((sum, x) => sum + x, 0);
            return [
              w.name,
              String(w.api.length),
              String(w.users),
              `${ms(a.p50)} ms`,
              `${ms(a.p95)} ms`,
              `${ms(apiTotal)} ms`,
              `${ms(r.p50)} ms`,
              `${ms(r.p95)} ms`,
              `${ms(rawTotal)} ms`,
              `${(a.p95 / r.p95).toFixed(1)}×`,
              `${(apiTotal / rawTotal).toFixed(1)}×`,
              (w.statements / w.api.length).toFixed(1),
            ];
          }),
        ),
        "",
        "Plan of each walk's slowest raw page (EXPLAIN ANALYZE, BUFFERS):",
      ];
      for (const w of walks) {
        const sql = pageSql(tenantId, catalog, w.options, w.slowest.skipToken);
        out.push(`• ${w.name} (raw ${ms(w.slowest.ms)} ms)`);
        for (const line of await explainSummary(pool, sql.text, sql.values)) out.push(`    ${line}`);
      }
      out.push("", `graph-users-http: total ${((performance.now() - started) / 1000).toFixed(1)} s`);
      process.stdout.write(`${out.join("\n")}\n`);
    } finally {
      client.close();
      session.close();
      await api.close();
      await db.$disconnect();
      await pool.end();
    }
  });
}

/** Registers an app with User.Read.All as the tenant's global admin and gets a client-credentials token for it. */
async function appToken(session: ApiClient, baseUrl: string, tenantId: string): Promise<string> {
  const app = await session.ok<{ id: string; appId: string }>("POST", `/api/tenants/${tenantId}/applications`, {
    displayName: "Graph users bench",
    permissions: ["User.Read.All"],
  });
  const secret = await session.ok<{ secretText: string }>(
    "POST",
    `/api/tenants/${tenantId}/applications/${app.id}/secrets`,
    {},
  );
  const response = await fetch(`${baseUrl}/oauth2/v2.0/token`, {
    method: "POST",
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: app.appId,
      client_secret: secret.secretText,
      scope: "api://allot/.default",
    }),
  });
  if (!response.ok) throw new Error(`token endpoint: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** The statement the service runs for one page of the walk (the page after `skipToken`). */
function pageSql(tenantId: string, catalog: Catalog, options: Record<string, string>, skipToken: string | undefined) {
  const query = parseUsersQuery({ ...options, ...(skipToken ? { $skiptoken: skipToken } : {}) }, undefined);
  const sql = graphUsersPageSql({ tenantId, query, catalog }, needsAssignments(propertiesOf(query.select)));
  return { text: sql.text, values: sql.values, top: query.top };
}

/**
 * Follows @odata.nextLink from the first page to the last (or `maxPages`). Per page: the API request, timed, its SQL captured (it
 * must contain the page statement verbatim); then that statement on raw pg, timed, which must return the same
 * users in the same order. No user may come twice.
 */
async function walk(
  name: string,
  options: Record<string, string>,
  context: {
    get: (path: string) => Promise<{ status: number; body: GraphPage }>;
    pool: pg.Pool;
    tenantId: string;
    catalog: Catalog;
  },
  maxPages: number,
): Promise<WalkResult> {
  const { get, pool, tenantId, catalog } = context;
  const first = `/graph/v1.0/users?${new URLSearchParams(options)}`;
  const result: WalkResult = {
    name,
    options,
    users: 0,
    api: [],
    raw: [],
    statements: 0,
    slowest: { skipToken: undefined, ms: 0 },
  };
  const seen = new Set<string>();
  let path: string | undefined = first;
  let skipToken: string | undefined;
  for (let page = 0; path !== undefined && page < maxPages; page++) {
    const sql = pageSql(tenantId, catalog, options, skipToken);
    const t0 = performance.now();
    const { result: response, statements } = await captureSql(() => get(path as string));
    const apiMs = performance.now() - t0;
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    if (!statements.some((statement) => statement.text === sql.text)) {
      throw new Error(`GET ${path} did not run the page statement: the bench no longer compares like with like`);
    }
    const t1 = performance.now();
    const { rows } = await pool.query<{ id: string }>(sql.text, sql.values);
    const rawMs = performance.now() - t1;
    const ids = response.body.value.map((user) => user.id);
    const rawIds = rows.slice(0, sql.top).map((row) => row.id);
    if (ids.length !== rawIds.length || ids.some((id, k) => id !== rawIds[k])) {
      throw new Error(`${name}, page ${page + 1}: the API returned other users than the raw statement`);
    }
    for (const id of ids) {
      if (seen.has(id)) throw new Error(`${name}: ${id} came twice`);
      seen.add(id);
    }
    result.api.push(apiMs);
    result.raw.push(rawMs);
    result.statements += statements.length;
    if (rawMs > result.slowest.ms) result.slowest = { skipToken, ms: rawMs };
    const next = response.body["@odata.nextLink"];
    if (next === undefined) {
      path = undefined;
    } else {
      const url = new URL(next);
      path = `${url.pathname}${url.search}`;
      skipToken = url.searchParams.get("$skiptoken") ?? undefined;
    }
  }
  result.users = seen.size;
  return result;
}
