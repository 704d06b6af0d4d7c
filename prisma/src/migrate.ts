import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const packageDir = dirname(dirname(fileURLToPath(import.meta.url)));

/**
 * Applies the committed SQL migrations with `prisma migrate deploy` (JS engine and driver adapter: nothing is
 * downloaded, DESIGN.md §3). Safe to run on every start: when the database already has every migration (the usual
 * start), the Prisma CLI, which takes seconds to start, is not run at all.
 */
export async function migrateDeploy(databaseUrl: string): Promise<void> {
  if (await everyMigrationApplied(databaseUrl)) return;
  const cli = join(packageDir, "node_modules", "prisma", "build", "index.js");
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "migrate", "deploy"], {
      cwd: packageDir,
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`prisma migrate deploy failed:\n${output}`)),
    );
  });
}

/**
 * Whether Prisma's own bookkeeping (`_prisma_migrations`) lists every committed migration as applied and none as
 * failed. Anything else (a new database, a new migration, a failed one, an unreadable table) is left to the CLI.
 */
async function everyMigrationApplied(databaseUrl: string): Promise<boolean> {
  const committed = readdirSync(join(packageDir, "migrations"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    const { rows } = await client.query<{ name: string; done: boolean }>(
      `SELECT migration_name AS name, finished_at IS NOT NULL AS done FROM _prisma_migrations
        WHERE rolled_back_at IS NULL`,
    );
    if (rows.some((row) => !row.done)) return false;
    const applied = new Set(rows.map((row) => row.name));
    return committed.every((name) => applied.has(name));
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
