import pg from "pg";
import { Prisma, type PrismaClient } from "../generated/client.js";

/**
 * Raw SQL straight to node-postgres, over the SAME pool as the Prisma client, for the hottest paths only (single
 * license changes, seat changes, the session lookup). Prisma stays the owner of the schema and of ordinary reads
 * and writes; what this skips is Prisma's per-statement work (the query compiler, the interpreter and the driver
 * adapter's conversions), which the CPU profile showed to cost several times the statement itself.
 *
 * `SqlTx` is the raw part of a Prisma transaction client: code written against it runs unchanged inside
 * `db.$transaction` (a Prisma `Tx` satisfies it) and inside `sqlTransaction` below.
 */
export interface SqlTx {
  $queryRaw<T = unknown>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): PromiseLike<T>;
  $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): PromiseLike<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): PromiseLike<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): PromiseLike<number>;
}

const pools = new WeakMap<object, pg.Pool>();

/** Remembers the pool a client was built over (createDb does). */
export function registerPool(db: PrismaClient, pool: pg.Pool): void {
  pools.set(db, pool);
}

/** The node-postgres pool under a client made by createDb. */
export function poolOf(db: PrismaClient): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error("This PrismaClient was not made by createDb: it has no pool for raw SQL.");
  return pool;
}

// Results as Prisma's $queryRaw gives them, so code reads the same rows either way: `timestamp` (without time
// zone, what DateTime maps to) is UTC, int8 is a bigint.
const TIMESTAMP = 1114;
const INT8 = 20;
const parseUtcTimestamp = (value: string) => new Date(`${value.replace(" ", "T")}Z`);
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === TIMESTAMP) return parseUtcTimestamp;
    if (oid === INT8) return BigInt;
    return pg.types.getTypeParser(oid, format as "text");
  },
};

/** A Date as UTC text: read right by timestamptz, and by timestamp (UTC wall time, as Prisma writes it). */
function parameter(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(parameter);
  return value;
}

function toSql(query: TemplateStringsArray | Prisma.Sql, values: unknown[]): Prisma.Sql {
  return query instanceof Prisma.Sql ? query : Prisma.sql(query, ...(values as Prisma.Sql[]));
}

/** The SqlTx of one checked-out connection (or of the pool, for single statements outside a transaction). */
export class PgSql implements SqlTx {
  /** A transaction's statements run one after the other (a connection answers one at a time anyway). */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly client: pg.PoolClient | pg.Pool) {}

  async $queryRaw<T = unknown>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<T> {
    const sql = toSql(query, values);
    return (await this.run(sql.text, sql.values)).rows as T;
  }

  async $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<number> {
    const sql = toSql(query, values);
    return (await this.run(sql.text, sql.values)).rowCount ?? 0;
  }

  async $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T> {
    return (await this.run(query, values)).rows as T;
  }

  async $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number> {
    return (await this.run(query, values)).rowCount ?? 0;
  }

  private run(text: string, values: readonly unknown[]): Promise<pg.QueryResult> {
    const send = () => this.client.query({ text, values: values.map(parameter), types });
    // The pool spreads concurrent statements over its connections; one connection gets them in turn (pg warns on
    // a statement sent while another is running, and pg 9 refuses it).
    if (this.client instanceof pg.Pool) return send();
    const result = this.queue.then(send, send);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

/**
 * `work` in one transaction (READ COMMITTED, like Prisma's) on a connection of the client's pool: committed when it
 * resolves, rolled back when it throws. A connection that failed is handed back broken, so the pool drops it.
 */
export async function sqlTransaction<T>(db: PrismaClient, work: (tx: PgSql) => Promise<T>): Promise<T> {
  const client = await poolOf(db).connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await work(new PgSql(client));
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

/** Single statements outside a transaction, on the client's pool. */
export function sqlOf(db: PrismaClient): PgSql {
  return new PgSql(poolOf(db));
}
