// Writes prisma/migrations/<stamp>_<name>/migration.sql from the difference between the schema as committed
// (HEAD) and the working schema. `prisma migrate dev` cannot be used here: it needs a shadow database and a
// native engine (DESIGN.md §3).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: pnpm --filter @allot/db migrate:new <snake_case_name>");
  process.exit(2);
}
const root = dirname(dirname(fileURLToPath(import.meta.url)));
let from = ["--from-empty"];
try {
  const previous = execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  const file = join(mkdtempSync(join(tmpdir(), "allot-schema-")), "schema.prisma");
  writeFileSync(file, previous);
  from = ["--from-schema-datamodel", file];
} catch {
  // No committed schema yet: the first migration starts from an empty database.
}
const env = {
  ...process.env,
  DATABASE_URL: process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres",
};
const diff = spawnSync("prisma", ["migrate", "diff", ...from, "--to-schema-datamodel", "schema.prisma", "--script"], {
  cwd: root,
  env,
  encoding: "utf8",
});
if (diff.status !== 0) {
  process.stderr.write(diff.stderr);
  process.exit(diff.status ?? 1);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = join(root, "migrations", `${stamp}_${name}`);
mkdirSync(folder, { recursive: true });
writeFileSync(join(folder, "migration.sql"), diff.stdout);
writeFileSync(join(root, "migrations", "migration_lock.toml"), 'provider = "postgresql"\n');
console.log(`wrote ${folder}/migration.sql`);
