import { PrismaClient } from "../generated/client.js";
import { ResilientPrismaPg } from "./resilient-pg.js";

export * from "../generated/client.js";
export { hashPassword, verifyPassword } from "./passwords.js";

export type Db = PrismaClient;
/** The client handed to code that runs inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export interface DbOptions {
  connectionString: string;
  /** Pool size; PGlite serves one connection, so the embedded mode passes 1. */
  maxConnections?: number;
}

/** One PrismaClient over node-postgres: the same code path for a PostgreSQL server and the embedded PGlite. */
export function createDb({ connectionString, maxConnections = 10 }: DbOptions): Db {
  const adapter = new ResilientPrismaPg({ connectionString, max: maxConnections });
  return new PrismaClient({ adapter });
}
export { migrateDeploy } from "./migrate.js";
export { seedCatalog, seedDemo } from "./seed/demo.js";
export { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./seed/demo-accounts.js";
