// Import of 50,000 users with a license each, end to end through the HTTP API (upload → preview with one license
// option → apply in the background → poll to completion), next to a raw-pg COPY of the same rows (users, their
// license assignments and the consumed seats) into a fresh database in the same run.

import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { DEMO_PASSWORD } from "@allot/db";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { ApiClient, startApi } from "./lib/api.js";
import { withBenchDatabase } from "./lib/database.js";
import { addSeats, environmentLine, product, products } from "./lib/licensing.js";
import { ms, table } from "./lib/stats.js";

export const description =
  "Add multiple users: 50,000 users with a license each through the API (upload → preview → apply) vs raw-pg COPY";

/** Rows of the file: BENCH_IMPORT_ROWS=2000 for a quick run. */
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 50_000);
const SKU = "EXCHANGESTANDARD";
const TENANT = "contoso.test";
const ADMIN = "admin@contoso.test";
const POLL_MS = 250;
const TIMEOUT_MS = 30 * 60_000;

const HEADER = "User Name,First Name,Last Name,Display Name,Job Title,Department,Country or Region";
const person = (i: number, tag: string) => ({
  email: `import.${tag}.${i}@${TENANT}`,
  given: `Given${i}`,
  surname: `Surname${i}`,
  display: `Given${i} Surname${i}`,
  job: "Clerk",
  department: `Dept ${i % 40}`,
});

function file(tag: string): Buffer {
  const lines = [HEADER];
  for (let i = 0; i < ROWS; i++) {
    const p = person(i, tag);
    lines.push(`${p.email},${p.given},${p.surname},${p.display},${p.job},${p.department},Netherlands`);
  }
  return Buffer.from(`${lines.join("\r\n")}\r\n`, "utf8");
}

interface ImportState {
  id: string;
  status: string;
  rowCount: number;
  problemRowCount: number;
  preview: { counts: Record<string, number> } | null;
  progress: { done: number; total: number } | null;
  outcomes: Record<string, number> | null;
}

async function throughApi(databaseUrl: string): Promise<Record<string, number>> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const api = await startApi(databaseUrl, 10);
  const client = new ApiClient(api.baseUrl);
  try {
    const tenantId = await tenantOf(pool);
    const sku = product(await products(pool), SKU);
    await addSeats(pool, tenantId, sku.id, ROWS + 1_000);
    await client.login(ADMIN, DEMO_PASSWORD);
    const body = file("api");
    const base = `/api/tenants/${tenantId}/userImports`;

    const t0 = performance.now();
    const up = await client.upload<ImportState>(`${base}?kind=users&fileName=people.csv`, body, "text/csv");
    if (up.status !== 201 || up.body.problemRowCount !== 0) {
      throw new Error(`upload answered ${up.status}: ${JSON.stringify(up.body).slice(0, 400)}`);
    }
    const t1 = performance.now();
    const options = { accountEnabled: true, usageLocation: "NL", licenses: [{ skuId: sku.skuId }] };
    const preview = await client.ok<ImportState>("POST", `${base}/${up.body.id}/preview`, options);
    if (preview.preview?.counts.create !== ROWS) throw new Error(`preview: ${JSON.stringify(preview.preview)}`);
    const t2 = performance.now();
    await client.ok("POST", `${base}/${up.body.id}/apply`);
    let state: ImportState;
    for (;;) {
      state = await client.ok<ImportState>("GET", `${base}/${up.body.id}`);
      if (state.status !== "applying") break;
      if (performance.now() - t2 > TIMEOUT_MS)
        throw new Error(`apply still running: ${JSON.stringify(state.progress)}`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    const t3 = performance.now();
    if (state.status !== "completed" || state.outcomes?.succeeded !== ROWS) {
      throw new Error(`import ended ${state.status}: ${JSON.stringify(state.outcomes)}`);
    }
    await check(pool, tenantId, sku.id, "api");
    return { upload: t1 - t0, preview: t2 - t1, apply: t3 - t2, total: t3 - t0 };
  } finally {
    client.close();
    await api.close();
    await pool.end();
  }
}

/** The same users and licenses written with COPY in one transaction, and the seat counter moved once. */
async function rawCopy(databaseUrl: string): Promise<Record<string, number>> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const client = await pool.connect();
  try {
    const tenantId = await tenantOf(client);
    const sku = product(await products(client), SKU);
    await addSeats(client, tenantId, sku.id, ROWS + 1_000);
    const ids = Array.from({ length: ROWS }, () => crypto.randomUUID());
    // What the API stores for a one-time password (sha256 of a 96-bit secret): a fixed one, computed once.
    const passwordHash = `sha256$${"0".repeat(64)}`;
    const t0 = performance.now();
    await client.query("BEGIN");
    const users = function* () {
      for (let i = 0; i < ROWS; i++) {
        const p = person(i, "raw");
        yield `${ids[i]}\t${tenantId}\t${p.display}\t${p.email}\t${p.given}\t${p.surname}\t${p.job}\t${p.department}\tNL\tNL\t${passwordHash}\tt\tnow\n`;
      }
    };
    await pipeline(
      Readable.from(users()),
      client.query(
        copyFrom(
          `COPY "User" (id, "tenantId", "displayName", email, "givenName", surname, "jobTitle", department, country,
                        "usageLocation", "passwordHash", "passwordChangeRequired", "updatedAt") FROM STDIN`,
        ),
      ),
    );
    const assignments = function* () {
      for (let i = 0; i < ROWS; i++) yield `${crypto.randomUUID()}\t${tenantId}\t${ids[i]}\t${sku.id}\t{}\tnow\n`;
    };
    await pipeline(
      Readable.from(assignments()),
      client.query(
        copyFrom(
          `COPY "LicenseAssignment" (id, "tenantId", "userId", "productId", "disabledServicePlanIds", "updatedAt") FROM STDIN`,
        ),
      ),
    );
    await client.query(
      `UPDATE "TenantProduct" SET "consumedUnits" = "consumedUnits" + $3 WHERE "tenantId" = $1 AND "productId" = $2`,
      [tenantId, sku.id, ROWS],
    );
    await client.query("COMMIT");
    const total = performance.now() - t0;
    await check(client, tenantId, sku.id, "raw");
    return { total };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
    await pool.end();
  }
}

async function tenantOf(db: pg.Pool | pg.PoolClient): Promise<string> {
  const { rows } = await db.query<{ id: string }>(`SELECT id::text AS id FROM "Tenant" WHERE domain = $1`, [TENANT]);
  return (rows[0] as { id: string }).id;
}

/** Every imported user exists with its license, and the seat counter counts them. */
async function check(db: pg.Pool | pg.PoolClient, tenantId: string, productId: string, tag: string): Promise<void> {
  const { rows } = await db.query<{ users: number; licensed: number }>(
    `SELECT count(*)::int AS users,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "LicenseAssignment" la
                                            WHERE la."userId" = u.id AND la."productId" = $3))::int AS licensed
       FROM "User" u WHERE u."tenantId" = $1 AND u.email LIKE $2`,
    [tenantId, `import.${tag}.%`, productId],
  );
  if (rows[0]?.users !== ROWS || rows[0]?.licensed !== ROWS) {
    throw new Error(`${tag}: ${rows[0]?.users} users, ${rows[0]?.licensed} licensed, of ${ROWS}`);
  }
}

export default async function userImport(): Promise<void> {
  const api = await withBenchDatabase((database) => throughApi(database.url));
  process.stdout.write(`user-import: API done in ${ms(api.total ?? 0)} ms\n`);
  const raw = await withBenchDatabase((database) => rawCopy(database.url));
  const pool = new pg.Pool({
    connectionString: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
    max: 1,
  });
  try {
    const out = [
      "",
      await environmentLine(
        pool,
        "API in-process, Prisma pool 10, 1 keep-alive HTTP connection; each side on its own fresh seeded database",
      ),
      `Data: ${ROWS.toLocaleString("en")} new users in Contoso (7 template columns, comma, UTF-8), each with ${SKU}; ` +
        "options { accountEnabled, usageLocation NL, licenses [{skuId}] }; apply polled every 250 ms.",
      "Baseline: BEGIN; COPY the users (with a one-time password hash); COPY their assignments; one seat counter UPDATE; COMMIT. " +
        "No locks, rules or audit events: the API also checks seats and rules per user and audits each user.",
      "",
      table(
        ["", "upload + verify", "preview", "apply (to completed)", "total"],
        [
          [
            "API (HTTP)",
            `${ms(api.upload ?? 0)} ms`,
            `${ms(api.preview ?? 0)} ms`,
            `${ms(api.apply ?? 0)} ms`,
            `${ms(api.total ?? 0)} ms`,
          ],
          ["raw COPY", "", "", "", `${ms(raw.total ?? 0)} ms`],
        ],
      ),
      `Ratio API / raw COPY: ${((api.total ?? 0) / (raw.total ?? 1)).toFixed(1)}×; ` +
        `API ${((ROWS / (api.total ?? 1)) * 1000).toFixed(0)} users/s, raw ${((ROWS / (raw.total ?? 1)) * 1000).toFixed(0)} users/s`,
    ];
    process.stdout.write(`${out.join("\n")}\n`);
  } finally {
    await pool.end();
  }
}
