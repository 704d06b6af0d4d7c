// A throw-away PostgreSQL database per bench: created on the server, migrated, seeded, dropped afterwards.
import { randomBytes } from "node:crypto";
import { createDb, migrateDeploy, seedDemo } from "@allot/db";
import pg from "pg";

/** The server the benches use: DATABASE_URL's server, or the local one. */
export const serverUrl = new URL(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");

export function databaseUrl(name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** `CREATE DATABASE allot_bench_<random>`, migrated with the committed migrations and seeded with the demo. */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  const name = `allot_bench_${randomBytes(6).toString("hex")}`;
  await onServer((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = databaseUrl(name);
  const bench: BenchDatabase = {
    name,
    url,
    drop: () =>
      onServer(async (client) => {
        // pg.Pool#end() resolves before its connections have closed: a forced drop could kill one still closing, and
        // its pool would emit an 'error' nobody listens to (the process dies). Give them up to a second to go.
        for (let attempt = 0; attempt < 50; attempt++) {
          const { rows } = await client.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1",
            [name],
          );
          if ((rows[0]?.n ?? 0) === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }),
  };
  try {
    await migrateDeploy(url);
    const db = createDb({ connectionString: url, maxConnections: 2 });
    try {
      await seedDemo(db);
    } finally {
      await db.$disconnect();
    }
  } catch (error) {
    await bench.drop().catch(() => undefined);
    throw error;
  }
  return bench;
}

/** Runs `work` with a fresh database and drops it afterwards, also when `work` throws or the process is interrupted. */
export async function withBenchDatabase<T>(work: (database: BenchDatabase) => Promise<T>): Promise<T> {
  const database = await createBenchDatabase();
  const onSignal = (signal: NodeJS.Signals) => {
    process.stderr.write(`\n${signal}: dropping ${database.name}\n`);
    database.drop().finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    return await work(database);
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await database.drop();
  }
}

export async function serverVersion(pool: pg.Pool): Promise<string> {
  const { rows } = await pool.query<{ server_version: string }>("SHOW server_version");
  return rows[0]?.server_version ?? "?";
}
