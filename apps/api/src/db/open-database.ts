import { createDb, type Db, migrateDeploy, seedCatalog } from "@allot/db";
import type { Config } from "../config.js";
import { startEmbeddedPostgres } from "./embedded-postgres.js";

export interface OpenDatabase {
  db: Db;
  /** True on the embedded PostgreSQL (no DATABASE_URL): a laptop's trial run, where the demo belongs. */
  embedded: boolean;
  close(): Promise<void>;
}

/**
 * DATABASE_URL's PostgreSQL, or the embedded one in DATA_DIR, migrated and with the product catalog in place: what
 * the portal and `pnpm allot-setup` both start from.
 */
export async function openDatabase(
  config: Pick<
    Config,
    "databaseUrl" | "databaseDirectUrl" | "dataDir" | "databasePoolSize" | "databaseConnectTimeoutMs"
  >,
  /** False for a cluster worker: its primary migrated and seeded the database before forking it. */
  prepare = true,
) {
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir);
  const url = config.databaseUrl ?? (embedded?.url as string);
  // Not through PgBouncer: the migration's advisory lock belongs to its session (see DATABASE_DIRECT_URL).
  if (prepare) await migrateDeploy((!embedded && config.databaseDirectUrl) || url);
  // PGlite serves one connection, and lives in this process so it cannot go away: there a request waits its turn.
  const db = createDb({
    connectionString: url,
    maxConnections: embedded ? 1 : config.databasePoolSize,
    connectTimeoutMs: embedded ? 0 : config.databaseConnectTimeoutMs,
  });
  if (prepare) await seedCatalog(db);
  return {
    db,
    embedded: embedded !== null,
    async close() {
      await db.$disconnect();
      await embedded?.stop();
    },
  } satisfies OpenDatabase;
}
