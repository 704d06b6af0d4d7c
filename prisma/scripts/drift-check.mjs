// Fails when the committed migrations and schema.prisma describe different databases: database A is built by
// `migrate deploy`, database B straight from the schema, and their schema dumps must match (DESIGN.md §3).
import { execFileSync, spawnSync } from "node:child_process";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const server = new URL(process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres");
const suffix = `${process.pid}_${Date.now()}`;
const fromMigrations = `allot_drift_migrations_${suffix}`;
const fromSchema = `allot_drift_schema_${suffix}`;

function urlFor(database) {
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
}
function psql(database, args, input) {
  return execFileSync("psql", ["-v", "ON_ERROR_STOP=1", "-q", urlFor(database), ...args], { input, encoding: "utf8" });
}
function prisma(args, databaseUrl) {
  const result = spawnSync("prisma", args, {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`prisma ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}
function dump(database) {
  const text = execFileSync("pg_dump", ["--schema-only", "--no-owner", "-T", "_prisma_migrations", urlFor(database)], {
    encoding: "utf8",
  });
  return text
    .split("\n")
    .filter((line) => !/^(--|SET |SELECT pg_catalog|\\restrict|\\unrestrict)/.test(line) && line.trim() !== "")
    .join("\n");
}

let failed = false;
try {
  psql("postgres", ["-c", `CREATE DATABASE ${fromMigrations}`, "-c", `CREATE DATABASE ${fromSchema}`]);
  prisma(["migrate", "deploy"], urlFor(fromMigrations));
  const script = prisma(
    ["migrate", "diff", "--from-empty", "--to-schema-datamodel", "schema.prisma", "--script"],
    urlFor(fromSchema),
  );
  psql(fromSchema, [], script);
  const [a, b] = [dump(fromMigrations), dump(fromSchema)];
  if (a !== b) {
    failed = true;
    const aLines = new Set(a.split("\n"));
    const bLines = new Set(b.split("\n"));
    console.error("Schema drift: prisma/migrations and schema.prisma disagree.");
    for (const line of b.split("\n")) if (!aLines.has(line)) console.error(`  only in schema.prisma: ${line}`);
    for (const line of a.split("\n")) if (!bLines.has(line)) console.error(`  only in migrations:    ${line}`);
    console.error("Write a migration: pnpm --filter @allot/db migrate:new <name>");
  } else {
    console.log("drift check: migrations match schema.prisma");
  }
} finally {
  psql("postgres", ["-c", `DROP DATABASE IF EXISTS ${fromMigrations}`, "-c", `DROP DATABASE IF EXISTS ${fromSchema}`]);
}
process.exit(failed ? 1 : 0);
