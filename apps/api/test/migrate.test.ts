import { randomUUID } from "node:crypto";
import { migrateDeploy } from "@allot/db";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { admin, databaseUrl } from "./database.js";

/**
 * Every start (the portal, `pnpm allot-setup`, the e2e server) applies the migrations. A database that already has
 * every one of them does not pay the Prisma CLI's seconds of start-up again; a new one gets them all.
 */

const name = `allot_migrate_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
afterAll(() => admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)));

it("applies every migration to an empty database, then skips the CLI when nothing is left to apply", async () => {
  await admin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = databaseUrl(name);
  const first = performance.now();
  await migrateDeploy(url);
  const applying = performance.now() - first;
  const second = performance.now();
  await migrateDeploy(url);
  const skipping = performance.now() - second;
  console.log(
    `migrateDeploy: ${applying.toFixed(0)} ms on an empty database, ${skipping.toFixed(0)} ms when up to date`,
  );
  expect(skipping).toBeLessThan(applying / 3);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL`,
    );
    expect(rows[0].n).toBeGreaterThan(5);
    // A migration recorded as failed is left to the CLI, which refuses to go on (as it should).
    await client.query(`UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = (
                          SELECT max(migration_name) FROM _prisma_migrations)`);
  } finally {
    await client.end();
  }
  await expect(migrateDeploy(url)).rejects.toThrow(/prisma migrate deploy failed/);
}, 120_000);
