import { createDb, migrateDeploy, seedDemo } from "@allot/db";
import PgBoss from "pg-boss";
import { QUEUE_SCHEMA } from "../src/lib/job-queue.js";
import { admin, databaseUrl, templateName } from "./database.js";

/**
 * Builds the template database once per change of migrations or seed (migrate + seed take ~20 s; copying the
 * template takes well under a second), like epic-stack's per-worker database copies.
 */
export default async function setup(): Promise<void> {
  const name = templateName();
  const exists = await admin(async (client) => {
    // Templates of older migrations or seeds are dead weight. Only those built (or left half-built) hours ago go:
    // another checkout's run on this server may be using a newer one right now (one in use refuses the drop too).
    const stale = await client.query(
      `SELECT datname FROM pg_database
        WHERE datname LIKE 'allot_template_%' AND datname <> $1
          AND COALESCE(substring(shobj_description(oid, 'pg_database') FROM 'at (.*)$')::timestamptz, 'epoch')
              < now() - interval '6 hours'`,
      [name],
    );
    for (const { datname } of stale.rows) await client.query(`DROP DATABASE "${datname}"`).catch(() => {});
    const result = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    return result.rowCount === 1;
  });
  if (exists) return;
  const building = `${name}_building_${process.pid}`;
  await admin(async (client) => {
    await client.query(`CREATE DATABASE "${building}"`);
    await client.query(`COMMENT ON DATABASE "${building}" IS 'test template, built at ${new Date().toISOString()}'`);
  });
  await migrateDeploy(databaseUrl(building));
  const db = createDb({ connectionString: databaseUrl(building), maxConnections: 2 });
  await seedDemo(db);
  await db.$disconnect();
  // pg-boss's schema, as an app's first start makes it (then each test app's start only checks its version).
  const boss = new PgBoss({
    connectionString: databaseUrl(building),
    schema: QUEUE_SCHEMA,
    supervise: false,
    schedule: false,
    max: 1,
  });
  await boss.start();
  await boss.stop({ graceful: false });
  // Renamed only when complete, so an interrupted build is never mistaken for a template.
  await admin(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}"`);
    await client.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
  });
}
