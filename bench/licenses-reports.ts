// The license conflict report and subscribedSkus on a tenant of 100,000 users holding 200,000 assignments, two
// products in conflict, next to the very statements each request ran, replayed on raw pg.
import pg from "pg";
import { ApiClient, startApi } from "./lib/api.js";
import { withBenchDatabase } from "./lib/database.js";
import { loadDirectory } from "./lib/directory.js";
import { explainSummary } from "./lib/explain.js";
import { environmentLine, mark, oneLine, product, products } from "./lib/licensing.js";
import { type CapturedStatement, captureSql } from "./lib/sql-capture.js";
import { ms, summarize, table } from "./lib/stats.js";

export const description =
  "licenseConflicts, subscribedSkus and the admin center's license views (holders, select-all ids, selection summary, reclaim) on 100k users / 200k assignments: API (HTTP) vs the same SQL replayed on raw pg (p95)";

const BENCH_USERS = 100_000;
const NEIGHBOUR_USERS = 10_000;
const ASSIGNMENTS = 200_000;
// BENCH_N=50 for a quicker rerun.
const N = Number(process.env.BENCH_N ?? 200);
const WARMUP = 20;
const TARGET_P95_MS = 50;
/** Views that read or send 10,000 ids (select all that match, the selection summary) get a looser bar. */
const TARGET_BULK_P95_MS = 200;
/** Issue 19: the selection summary of 10,000 users within 150 ms. */
const TARGET_SELECTION_P95_MS = 150;
const SELECTION_USERS = 10_000;
/** SPE_E3 gets this many seats fewer than its holders; POWER_BI_PRO's subscription is suspended (no usable seat). */
const E3_SHORTFALL = 750;

const LICENSABLE = `u."tenantId" = $1::uuid AND u."userType" = 'member' AND u."usageLocation" IS NOT NULL AND u."deletedAt" IS NULL`;

/**
 * Tops Bench Corp up to exactly `ASSIGNMENTS` assignments with set-based SQL: a 25k-member group inheriting
 * SPE_E3 (2 % of those in error, overlapping many direct E3 holders), direct Visio and RPA on random members, and
 * Business Premium filling the rest; then seat rows and subscriptions that match the distinct holders.
 */
async function loadAssignments(pool: pg.Pool, tenantId: string): Promise<{ e3: string; pbi: string }> {
  const catalog = await products(pool);
  const id = (sku: string) => product(catalog, sku).id;
  await pool.query("SELECT setseed(0.17)");
  const { rows: groupRows } = await pool.query<{ id: string }>(
    `INSERT INTO "Group" (id, "tenantId", "displayName", "updatedAt") VALUES (gen_random_uuid(), $1, 'All staff (E3)', now())
     RETURNING id::text AS id`,
    [tenantId],
  );
  const groupId = (groupRows[0] as { id: string }).id;
  await pool.query(
    `INSERT INTO "GroupMember" ("tenantId", "groupId", "userId")
     SELECT $1::uuid, $2::uuid, u.id FROM "User" u WHERE ${LICENSABLE} ORDER BY random() LIMIT 25000`,
    [tenantId, groupId],
  );
  await pool.query(
    `INSERT INTO "GroupLicense" (id, "groupId", "productId", "disabledServicePlanIds", "tenantId") VALUES (gen_random_uuid(), $1, $2, '{}', $3)`,
    [groupId, id("SPE_E3"), tenantId],
  );
  await pool.query(
    `INSERT INTO "LicenseAssignment" (id, "tenantId", "userId", "productId", "assignedByGroupId", "disabledServicePlanIds", state, "errorCode", "createdAt", "updatedAt")
     SELECT gen_random_uuid(), $1, m."userId", $3, m."groupId", '{}', r.state::"LicenseAssignmentState",
            CASE WHEN r.state = 'error' THEN 'CountViolation' END, now() - random() * interval '300 days', now()
       FROM "GroupMember" m CROSS JOIN LATERAL (SELECT CASE WHEN random() < 0.02 THEN 'error' ELSE 'active' END AS state) r
      WHERE m."groupId" = $2`,
    [tenantId, groupId, id("SPE_E3")],
  );
  const direct = async (sku: string, share: number | null, limit: number | null) =>
    pool.query(
      `INSERT INTO "LicenseAssignment" (id, "tenantId", "userId", "productId", "disabledServicePlanIds", state, "createdAt", "updatedAt")
       SELECT gen_random_uuid(), $1, u.id, $2, '{}', 'active', now() - random() * interval '300 days', now()
         FROM "User" u
        WHERE ${LICENSABLE} AND ($3::float8 IS NULL OR random() < $3::float8)
          AND NOT EXISTS (SELECT 1 FROM "LicenseAssignment" la WHERE la."userId" = u.id AND la."productId" = $2 AND la."assignedByGroupId" IS NULL)
        ORDER BY CASE WHEN $4::int IS NULL THEN 0 ELSE random() END
        LIMIT $4::int`,
      [tenantId, id(sku), share, limit],
    );
  await direct("VISIOCLIENT", 0.35, null);
  await direct("POWERAUTOMATE_ATTENDED_RPA", 0.3, null);
  const { rows: countRows } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "LicenseAssignment" WHERE "tenantId" = $1`,
    [tenantId],
  );
  const missing = ASSIGNMENTS - (countRows[0]?.n ?? 0);
  if (missing < 0) throw new Error(`the fixture already has ${countRows[0]?.n} assignments, more than ${ASSIGNMENTS}`);
  await direct("O365_BUSINESS_PREMIUM", null, missing);

  // Seat rows: consumedUnits = distinct holders (an assignment in error holds no seat), as the API keeps them.
  await pool.query(
    `INSERT INTO "TenantProduct" ("tenantId", "productId", "consumedUnits")
     SELECT $1, "productId", count(DISTINCT "userId") FILTER (WHERE state <> 'error')::int
       FROM "LicenseAssignment" WHERE "tenantId" = $1 GROUP BY "productId"
     ON CONFLICT ("tenantId", "productId") DO UPDATE SET "consumedUnits" = EXCLUDED."consumedUnits"`,
    [tenantId],
  );
  // Enough seats everywhere (the directory's subscriptions were sized before the group came)…
  await pool.query(
    `UPDATE "Subscription" s SET seats = tp."consumedUnits" + 100
       FROM "TenantProduct" tp WHERE tp."tenantId" = s."tenantId" AND tp."productId" = s."productId" AND s."tenantId" = $1`,
    [tenantId],
  );
  await pool.query(
    `INSERT INTO "Subscription" (id, "tenantId", "productId", seats, "billingTerm", "termStartsAt", "termEndsAt", "updatedAt")
     SELECT gen_random_uuid(), tp."tenantId", tp."productId", tp."consumedUnits" + 100, 'annual', now() - interval '100 days', now() + interval '265 days', now()
       FROM "TenantProduct" tp
      WHERE tp."tenantId" = $1 AND NOT EXISTS (SELECT 1 FROM "Subscription" s WHERE s."tenantId" = tp."tenantId" AND s."productId" = tp."productId")`,
    [tenantId],
  );
  // …then two conflicts: E3 seats lowered below its holders, Power BI Pro's subscription suspended.
  await pool.query(
    `UPDATE "Subscription" s SET seats = tp."consumedUnits" - $3
       FROM "TenantProduct" tp WHERE tp."tenantId" = s."tenantId" AND tp."productId" = s."productId" AND s."tenantId" = $1 AND s."productId" = $2`,
    [tenantId, id("SPE_E3"), E3_SHORTFALL],
  );
  await pool.query(
    `UPDATE "Subscription" SET state = 'disabled', "stateChangedAt" = now() WHERE "tenantId" = $1 AND "productId" = $2`,
    [tenantId, id("POWER_BI_PRO")],
  );
  await pool.query(
    `VACUUM (ANALYZE) "User", "Group", "GroupMember", "GroupLicense", "LicenseAssignment", "Subscription", "TenantProduct"`,
  );
  return { e3: id("SPE_E3"), pbi: id("POWER_BI_PRO") };
}

/** Statements sent while an earlier one was still running went out concurrently (Promise.all): one wave. */
function waves(statements: readonly CapturedStatement[]): CapturedStatement[][] {
  const out: CapturedStatement[][] = [];
  let end = Number.NEGATIVE_INFINITY;
  for (const statement of [...statements].sort((a, b) => a.startedAt - b.startedAt)) {
    const current = out.at(-1);
    if (current && statement.startedAt < end) current.push(statement);
    else out.push([statement]);
    end = Math.max(end, statement.endedAt);
  }
  return out;
}

/** Replays a request's statements (same text, same values) on raw pg, concurrent ones concurrently. */
async function replay(pool: pg.Pool, statements: readonly CapturedStatement[]): Promise<number> {
  const start = performance.now();
  for (const wave of waves(statements)) {
    await Promise.all(wave.map((s) => pool.query(s.text, s.values as unknown[])));
  }
  return performance.now() - start;
}

interface Result {
  name: string;
  target: number;
  api: number[];
  raw: number[];
  statements: number;
  last: CapturedStatement[];
}

interface Conflict {
  skuPartNumber: string;
  shortfall: number;
  userCount: number;
  users: unknown[];
}

export default async function licensesReports(): Promise<void> {
  const started = performance.now();
  await withBenchDatabase(async (database) => {
    const directory = await loadDirectory(database.url, { benchUsers: BENCH_USERS, neighbourUsers: NEIGHBOUR_USERS });
    const pool = new pg.Pool({ connectionString: database.url, max: 4 });
    const api = await startApi(database.url, 10);
    const client = new ApiClient(api.baseUrl);
    try {
      const tenantId = directory.bench.id;
      const loadStart = performance.now();
      const conflictIds = await loadAssignments(pool, tenantId);
      const { rows: counts } = await pool.query<{ users: number; assignments: number; holders: string }>(
        `SELECT (SELECT count(*) FROM "User" WHERE "tenantId" = $1)::int AS users,
                (SELECT count(*) FROM "LicenseAssignment" WHERE "tenantId" = $1)::int AS assignments`,
        [tenantId],
      );
      const fixture = counts[0] as { users: number; assignments: number };
      const { rows: seatRows } = await pool.query<{ sku: string; consumed: number; holders: number; seats: number }>(
        `SELECT p."skuPartNumber" AS sku, tp."consumedUnits" AS consumed,
                (SELECT count(DISTINCT "userId") FROM "LicenseAssignment" la
                  WHERE la."tenantId" = tp."tenantId" AND la."productId" = tp."productId" AND la.state <> 'error')::int AS holders,
                (SELECT COALESCE(sum(seats), 0) FROM "Subscription" s
                  WHERE s."tenantId" = tp."tenantId" AND s."productId" = tp."productId" AND s.state IN ('active', 'expired'))::int AS seats
           FROM "TenantProduct" tp JOIN "Product" p ON p.id = tp."productId" WHERE tp."tenantId" = $1 ORDER BY 1`,
        [tenantId],
      );
      for (const row of seatRows) {
        if (row.consumed !== row.holders)
          throw new Error(`${row.sku}: consumedUnits ${row.consumed} ≠ ${row.holders} holders`);
      }
      process.stdout.write(
        `licenses-reports: Bench Corp has ${fixture.users} users and ${fixture.assignments} assignments ` +
          `(directory ${(directory.loadMs / 1000).toFixed(1)} s, assignments ${((performance.now() - loadStart) / 1000).toFixed(1)} s); ` +
          `seats: ${seatRows.map((r) => `${r.sku} ${r.consumed}/${r.seats}`).join(", ")}\n`,
      );
      if (fixture.assignments !== ASSIGNMENTS) throw new Error(`expected ${ASSIGNMENTS} assignments`);
      await client.login(directory.admin.email, directory.admin.password);

      const expected = new Map(
        seatRows
          .filter((r) => r.consumed > r.seats)
          .map((r) => [r.sku, { shortfall: r.consumed - r.seats, holders: r.holders }]),
      );
      const checkConflicts = (body: { value: Conflict[] }) => {
        const got = new Map(body.value.map((c) => [c.skuPartNumber, c]));
        if (got.size !== expected.size || expected.size !== 2) {
          throw new Error(
            `licenseConflicts listed ${[...got.keys()].join(", ")}; expected ${[...expected.keys()].join(", ")}`,
          );
        }
        for (const [sku, want] of expected) {
          const c = got.get(sku);
          if (!c || c.shortfall !== want.shortfall || c.userCount !== want.holders || c.users.length !== 100) {
            throw new Error(
              `licenseConflicts for ${sku}: ${JSON.stringify(c).slice(0, 300)}; expected ${JSON.stringify(want)}`,
            );
          }
        }
      };
      const checkSkus = (body: { value: Array<{ skuPartNumber: string; consumedUnits: number }> }) => {
        for (const row of seatRows) {
          const sku = body.value.find((s) => s.skuPartNumber === row.sku);
          if (!sku || sku.consumedUnits !== row.consumed)
            throw new Error(`subscribedSkus: ${row.sku} is ${JSON.stringify(sku)}`);
        }
      };

      const { rows: selectionRows } = await pool.query<{ id: string }>(
        `SELECT id::text AS id FROM "User" WHERE "tenantId" = $1 AND "deletedAt" IS NULL ORDER BY "displayName", id LIMIT $2`,
        [tenantId, SELECTION_USERS],
      );
      const selection = selectionRows.map((row) => row.id);
      const catalog = await products(pool);
      const pbiSku = product(catalog, "POWER_BI_PRO").skuId;
      const checkPage = (body: { items: unknown[] }) => {
        if (body.items.length !== 50) throw new Error(`expected a page of 50, got ${body.items.length}`);
      };
      const base = `/api/tenants/${tenantId}`;
      const cases: Array<{
        name: string;
        method?: "POST";
        path: string;
        body?: unknown;
        target: number;
        check: (body: never) => void;
      }> = [
        {
          name: "GET licenseConflicts",
          path: `${base}/licenseConflicts`,
          check: checkConflicts,
          target: TARGET_P95_MS,
        },
        { name: "GET subscribedSkus", path: `${base}/subscribedSkus`, check: checkSkus, target: TARGET_P95_MS },
        {
          name: "GET users?skuId (holders, page 1)",
          path: `${base}/users?skuId=${pbiSku}&limit=50`,
          check: checkPage,
          target: TARGET_P95_MS,
        },
        {
          name: "GET licenses/reclaimCandidates",
          path: `${base}/licenses/reclaimCandidates?inactiveDays=90&limit=50`,
          check: checkPage,
          target: TARGET_P95_MS,
        },
        {
          name: "GET users/ids?licensed=true (10k)",
          path: `${base}/users/ids?licensed=true`,
          check: (body: { ids: string[]; truncated: boolean }) => {
            if (body.ids.length !== SELECTION_USERS || !body.truncated)
              throw new Error("expected 10,000 ids, truncated");
          },
          target: TARGET_BULK_P95_MS,
        },
        {
          name: "POST licenses/selection (10k users)",
          method: "POST",
          path: `${base}/licenses/selection`,
          body: { userIds: selection },
          check: (body: { users: number }) => {
            if (body.users !== SELECTION_USERS) throw new Error(`selection counted ${body.users} users`);
          },
          target: TARGET_SELECTION_P95_MS,
        },
      ];
      const results: Result[] = [];
      // BENCH_CASES=reclaim,selection runs only the endpoints whose name contains one of the words (a quicker rerun).
      const only = (process.env.BENCH_CASES ?? "").split(",").filter((word) => word !== "");
      for (const c of cases.filter((x) => only.length === 0 || only.some((word) => x.name.includes(word)))) {
        const check = c.check as (body: unknown) => void;
        const send = () => client.ok<unknown>(c.method ?? "GET", c.path, c.body);
        for (let k = 0; k < WARMUP; k++) {
          const { statements } = await captureSql(send);
          await replay(pool, statements);
        }
        const result: Result = { name: c.name, target: c.target, api: [], raw: [], statements: 0, last: [] };
        for (let k = 0; k < N; k++) {
          const t = performance.now();
          const { result: body, statements } = await captureSql(send);
          result.api.push(performance.now() - t);
          check(body);
          result.raw.push(await replay(pool, statements));
          result.statements += statements.length;
          result.last = statements;
        }
        result.statements /= N;
        results.push(result);
      }

      // ── Report ──
      const out: string[] = [""];
      out.push(
        await environmentLine(
          pool,
          `API from ${api.source}, Prisma pool 10, 1 keep-alive HTTP connection, sequential requests`,
        ),
      );
      out.push(
        `Data: Bench Corp ${fixture.users} users (+ ${2 * NEIGHBOUR_USERS} in two other tenants), ${fixture.assignments} assignments (direct, and inherited from a 25k-member group, 2 % of those in error); ` +
          `in conflict: SPE_E3 (${E3_SHORTFALL} seats short) and POWER_BI_PRO (subscription suspended); ${N} timed requests per endpoint after ${WARMUP} warm-up`,
      );
      out.push(
        "Baseline: the statements each API request sent (session, tenant roles, the endpoint's own), replayed with the same values on raw pg right after it; those the API sent concurrently replayed concurrently",
      );
      out.push("");
      out.push(
        table(
          ["endpoint", "API p50", "API p95", "API p99", "raw p50", "raw p95", "ratio p95", "statements", "target p95"],
          results.map((r) => {
            const a = summarize(r.api);
            const w = summarize(r.raw);
            return [
              r.name,
              `${ms(a.p50)} ms`,
              `${ms(a.p95)} ms`,
              `${ms(a.p99)} ms`,
              `${ms(w.p50)} ms`,
              `${ms(w.p95)} ms`,
              `${(a.p95 / w.p95).toFixed(1)}×`,
              r.statements.toFixed(0),
              `≤ ${r.target} ms ${mark(a.p95 <= r.target)}`,
            ];
          }),
        ),
      );
      out.push("");
      out.push("Statements of the last request of each endpoint (duration as sent by the API):");
      for (const r of results) {
        out.push(`• ${r.name}`);
        for (const s of [...r.last].sort((a, b) => a.startedAt - b.startedAt)) {
          out.push(`    ${ms(s.endedAt - s.startedAt).padStart(6)} ms  ${oneLine(s.text, 120)}`);
        }
      }
      out.push("");
      out.push(
        "Plans of the conflict report's holders statement (EXPLAIN ANALYZE, BUFFERS, TIMING OFF), per product in conflict:",
      );
      const holders = (results.find((r) => r.name === "GET licenseConflicts")?.last ?? []).filter((s) =>
        /FROM "LicenseAssignment"/.test(s.text),
      );
      for (const s of holders) {
        const productId = s.values.find((v) => v === conflictIds.e3 || v === conflictIds.pbi);
        out.push(`• ${productId === conflictIds.e3 ? "SPE_E3" : "POWER_BI_PRO"}`);
        for (const line of await explainSummary(pool, s.text, s.values as unknown[])) out.push(`    ${line}`);
      }
      out.push("");
      out.push(`licenses-reports: total ${((performance.now() - started) / 1000).toFixed(1)} s`);
      process.stdout.write(`${out.join("\n")}\n`);
    } finally {
      client.close();
      await api.close();
      await pool.end();
    }
  });
}
