import pg from "pg";
import { PrismaClient } from "../generated/client.js";
import { ResilientPrismaPg } from "./resilient-pg.js";

export * from "../generated/client.js";
export { hashGeneratedPassword, hashPassword, verifyPassword } from "./passwords.js";

export type Db = PrismaClient;
/** The client handed to code that runs inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export interface DbOptions {
  connectionString: string;
  /** Pool size; PGlite serves one connection, so the embedded mode passes 1. */
  maxConnections?: number;
  /**
   * How long a query may wait for a connection, a free one of the pool or a new one (the server's answer to the
   * handshake included), before it fails instead of queueing on; 0 waits for ever.
   */
  connectTimeoutMs?: number;
}

/** The API's default (DATABASE_CONNECT_TIMEOUT_MS): no request waits for ever on a database that is gone. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
/** TCP keepalive on every connection, so one to a server that vanished without closing it is found out. */
const KEEPALIVE_AFTER_IDLE_MS = 10_000;

/** One PrismaClient over node-postgres: the same code path for a PostgreSQL server and the embedded PGlite. */
export function createDb({
  connectionString,
  maxConnections = 10,
  connectTimeoutMs = DEFAULT_CONNECT_TIMEOUT_MS,
}: DbOptions): Db {
  const pool = new pg.Pool({
    connectionString,
    max: maxConnections,
    connectionTimeoutMillis: connectTimeoutMs,
    keepAlive: true,
    keepAliveInitialDelayMillis: KEEPALIVE_AFTER_IDLE_MS,
  });
  // The client owns the pool: $disconnect ends it.
  const db = new PrismaClient({ adapter: new ResilientPrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(db, pool);
  return db;
}

const pools = new WeakMap<Db, pg.Pool>();

/**
 * The connection pool under a client made by createDb, for SQL that does not go through Prisma (the job queue,
 * pg-boss): one pool per process, so the queue takes no connections of its own (the embedded PGlite has one).
 */
export function poolOf(db: Db): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error("poolOf: this client was not made by createDb");
  return pool;
}

export { migrateDeploy } from "./migrate.js";
export { seedCatalog, seedDemo } from "./seed/demo.js";
export { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./seed/demo-accounts.js";
