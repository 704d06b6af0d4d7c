import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

/** The PostgreSQL server tests run against: DATABASE_URL's server, or the local one. */
export const serverUrl = new URL(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");

export function databaseUrl(name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

/** Changes whenever the migrations or the seed change, so a stale template is never reused. */
export function templateName(): string {
  const hash = createHash("sha256");
  const files = [
    ...readdirSync(join(root, "prisma/migrations"), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".sql"))
      .sort()
      .map((f) => join(root, "prisma/migrations", f)),
    ...readdirSync(join(root, "prisma/src/seed"))
      .sort()
      .map((f) => join(root, "prisma/src/seed", f)),
    // The template holds pg-boss's schema too: a new pg-boss version makes a new template.
    join(root, "apps/api/node_modules/pg-boss/package.json"),
  ];
  for (const file of files) hash.update(readFileSync(file));
  return `allot_template_${hash.digest("hex").slice(0, 16)}`;
}

export async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl("postgres") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh database copied from the migrated, seeded template (fast: a file copy inside PostgreSQL). */
export async function createTestDatabase(
  prefix = "allot_test",
): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  await admin((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName()}"`));
  return {
    name,
    url: databaseUrl(name),
    drop: () => admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
