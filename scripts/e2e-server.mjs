// The server Playwright tests run against: a fresh database on the PostgreSQL server (DATABASE_URL's, or the
// local one), migrated and seeded by the portal's own start-up, serving the built web app on PORT. The database
// is dropped when Playwright stops the server.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const apiDir = fileURLToPath(new URL("../apps/api/", import.meta.url));
const require = createRequire(`${apiDir}package.json`);
const pg = require("pg");

const server = new URL(process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres");
const name = `allot_e2e_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
const adminUrl = new URL(server);
adminUrl.pathname = "/postgres";
const databaseUrl = new URL(server);
databaseUrl.pathname = `/${name}`;

async function admin(sql) {
  const client = new pg.Client({ connectionString: adminUrl.toString() });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

// Each run holds an advisory lock named after its database while it lives; a database whose lock nobody holds
// belongs to a run that died. (A plain DROP is not enough: a live run's pool can have no connection open between
// requests, and its database was dropped under it.)
const owner = new pg.Client({ connectionString: adminUrl.toString() });
await owner.connect();
await owner.query("SELECT pg_advisory_lock(hashtext($1))", [name]);
const leftovers = await owner.query(
  "SELECT datname FROM pg_database WHERE datname LIKE 'allot_e2e_%' AND datname <> $1",
  [name],
);
for (const { datname } of leftovers.rows) {
  const { rows } = await owner.query("SELECT pg_try_advisory_lock(hashtext($1)) AS free", [datname]);
  if (!rows[0].free) continue;
  await owner.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => {});
  await owner.query("SELECT pg_advisory_unlock(hashtext($1))", [datname]);
}

await admin(`CREATE DATABASE "${name}"`);
const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
  cwd: apiDir,
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: "test",
    DATABASE_URL: databaseUrl.toString(),
    PORT: process.env.PORT || "3100",
    HOST: "127.0.0.1",
    LOG_LEVEL: process.env.LOG_LEVEL || "warn",
  },
});

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  child.kill("SIGTERM");
  await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once("exit", resolve)));
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
  await owner.end().catch(() => {});
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => stop(0));
child.on("exit", (code) => stop(code ?? 1));
