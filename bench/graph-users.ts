// Shows how fast Graph's users collection pages through a 100k-user tenant ($top=999, every page), and what each
// $filter costs: the service's own statements, timed through the service and EXPLAINed on raw pg.
import { createDb } from "@allot/db";
import pg from "pg";
import { parseUsersQuery, type UsersQuery } from "../apps/api/src/graph/odata/users-query.js";
import { graphUsersCountSql, graphUsersPageSql } from "../apps/api/src/services/graph/graph-users-sql.js";
import { listGraphUsers } from "../apps/api/src/services/graph/list-graph-users.js";
import { catalogOf } from "../apps/api/src/services/licenses/catalog.js";
import { serverVersion, withBenchDatabase } from "./lib/database.js";
import { loadDirectory } from "./lib/directory.js";
import { explainSummary } from "./lib/explain.js";
import { ms, summarize, table } from "./lib/stats.js";

export const description = "Graph users collection on a 100k-user tenant: $top=999 through every page, per $filter";

const BENCH_USERS = 100_000;
const NEIGHBOUR_USERS = 25_000;
/** Holders of a product few users have, to see a selective assignedLicenses filter. */
const RARE_HOLDERS = 40;

interface Walk {
  name: string;
  pages: number;
  users: number;
  samples: number[];
}

export default async function graphUsers(): Promise<void> {
  await withBenchDatabase(async (database) => {
    const directory = await loadDirectory(database.url, { benchUsers: BENCH_USERS, neighbourUsers: NEIGHBOUR_USERS });
    const tenantId = directory.bench.id;
    const pool = new pg.Pool({ connectionString: database.url, max: 2 });
    const db = createDb({ connectionString: database.url, maxConnections: 4 });
    try {
      const skus = await skuIds(pool);
      await pool.query(
        `INSERT INTO "LicenseAssignment" (id, "tenantId", "userId", "productId", "disabledServicePlanIds", state, "updatedAt")
         SELECT gen_random_uuid(), u."tenantId", u.id, p.id, '{}', 'active', now()
           FROM (SELECT * FROM "User" WHERE "tenantId" = $1 AND "deletedAt" IS NULL ORDER BY random() LIMIT $2) u
          CROSS JOIN "Product" p WHERE p."skuPartNumber" = 'VISIOCLIENT'`,
        [tenantId, RARE_HOLDERS],
      );
      await pool.query(`ANALYZE "LicenseAssignment"`);
      const ctx = { db, tenantId };
      const catalog = await catalogOf(db);

      const walks: Walk[] = [];
      for (const [name, options] of [
        ["by id, default properties", {}],
        ["by displayName", { $orderby: "displayName" }],
        ["by id, $select licenses", { $select: "displayName,assignedLicenses,licenseAssignmentStates,assignedPlans" }],
        ["E3 holders (55 %)", { $filter: `assignedLicenses/any(x:x/skuId eq ${skus.SPE_E3})` }],
      ] as const) {
        walks.push(await walk(name, ctx, { $top: "999", ...options }));
      }

      const filters: Array<[string, string]> = [
        ["userType eq 'Guest'", "userType eq 'Guest'"],
        ["usageLocation eq 'NL'", "usageLocation eq 'NL'"],
        ["usageLocation eq null", "usageLocation eq null"],
        ["accountEnabled eq false", "accountEnabled eq false"],
        ["startswith(displayName,'Ana')", "startswith(displayName,'Ana')"],
        ["startswith(userPrincipalName,'ana.')", "startswith(userPrincipalName,'ana.')"],
        ["any E3 (55 %)", `assignedLicenses/any(x:x/skuId eq ${skus.SPE_E3})`],
        ["any Exchange P1 (10 %)", `assignedLicenses/any(x:x/skuId eq ${skus.EXCHANGESTANDARD})`],
        [`any Visio (${RARE_HOLDERS} users)`, `assignedLicenses/any(x:x/skuId eq ${skus.VISIOCLIENT})`],
        [
          "member and not E3 and NL",
          `userType eq 'Member' and not assignedLicenses/any(x:x/skuId eq ${skus.SPE_E3}) and usageLocation eq 'NL'`,
        ],
      ];
      const out: string[] = [];
      const rows: string[][] = [];
      for (const [name, filter] of filters) {
        for (const orderBy of [undefined, "displayName"]) {
          const query = parseUsersQuery(
            { $top: "999", $filter: filter, $count: "true", ...(orderBy ? { $orderby: orderBy } : {}) },
            "eventual",
          );
          const started = performance.now();
          const page = await listGraphUsers(ctx, query);
          const took = performance.now() - started;
          const label = `${name}${orderBy ? " by name" : ""}`;
          rows.push([label, String(page.count), String(page.value.length), ms(took)]);
          const pageSql = graphUsersPageSql({ tenantId, query, catalog }, false);
          const countSql = graphUsersCountSql({ tenantId, query, catalog });
          out.push(`  ${label}`);
          for (const line of await explainSummary(pool, pageSql.text, pageSql.values)) out.push(`    page:  ${line}`);
          for (const line of await explainSummary(pool, countSql.text, countSql.values)) out.push(`    count: ${line}`);
        }
      }
      const deep = await deepPage(pool, tenantId);
      for (const [label, options] of [
        ["deep page by id", { $top: "999" }],
        ["deep page by displayName", { $top: "999", $orderby: "displayName" }],
      ] as const) {
        const query = { ...parseUsersQuery(options, undefined), after: deep[label] };
        const sql = graphUsersPageSql({ tenantId, query, catalog }, false);
        out.push(`  ${label} (after the 90,000th user)`);
        for (const line of await explainSummary(pool, sql.text, sql.values)) out.push(`    ${line}`);
      }

      const version = await serverVersion(pool);
      process.stdout.write(
        [
          `PostgreSQL ${version}; ${directory.counts.benchUsers} users in the tenant (${directory.counts.users} in all)`,
          "",
          "Every page, $top=999, through the service (ms per page):",
          table(
            ["walk", "pages", "users", "p50", "p95", "max", "total"],
            walks.map((w) => {
              const s = summarize(w.samples);
              const total = w.samples.reduce((sum, x) => sum + x, 0);
              return [w.name, String(w.pages), String(w.users), ms(s.p50), ms(s.p95), ms(s.max), ms(total)];
            }),
          ),
          "",
          "First page of each filter with $count=true, through the service:",
          table(["filter", "count", "page", "ms"], rows),
          "",
          "Plans:",
          ...out,
          "",
        ].join("\n"),
      );
    } finally {
      await db.$disconnect();
      await pool.end();
    }
  });
}

async function skuIds(pool: pg.Pool): Promise<Record<string, string>> {
  const { rows } = await pool.query<{ skuPartNumber: string; skuId: string }>(
    `SELECT "skuPartNumber", "skuId"::text AS "skuId" FROM "Product"`,
  );
  return Object.fromEntries(rows.map((row) => [row.skuPartNumber, row.skuId]));
}

/** Follows the skip tokens from the first page to the last, checking that no user comes twice. */
async function walk(
  name: string,
  ctx: Parameters<typeof listGraphUsers>[0],
  options: Record<string, string>,
): Promise<Walk> {
  const seen = new Set<string>();
  const samples: number[] = [];
  let skipToken: string | undefined;
  do {
    const query: UsersQuery = parseUsersQuery({ ...options, $skiptoken: skipToken }, undefined);
    const started = performance.now();
    const page = await listGraphUsers(ctx, query);
    samples.push(performance.now() - started);
    for (const user of page.value) {
      if (seen.has(user.id)) throw new Error(`${name}: ${user.id} came twice`);
      seen.add(user.id);
    }
    skipToken = page.nextSkipToken;
  } while (skipToken);
  return { name, pages: samples.length, users: seen.size, samples };
}

/** Keyset positions after the 90,000th live user, by id and by name. */
async function deepPage(pool: pg.Pool, tenantId: string) {
  const at = async (order: string) => {
    const { rows } = await pool.query<{ id: string; displayName: string }>(
      `SELECT id::text AS id, "displayName" FROM "User" WHERE "tenantId" = $1 AND "deletedAt" IS NULL
        ORDER BY ${order} OFFSET 90000 LIMIT 1`,
      [tenantId],
    );
    return rows[0] as { id: string; displayName: string };
  };
  const byId = await at("id");
  const byName = await at(`"displayName", id`);
  return {
    "deep page by id": { id: byId.id, displayName: null },
    "deep page by displayName": { id: byName.id, displayName: byName.displayName },
  };
}
