import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/client/runtime/client";
import type pg from "pg";

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type PgTransaction = Awaited<ReturnType<PgAdapter["startTransaction"]>>;

/** How Prisma ends an interactive transaction (a plain statement, then commit() or rollback() on the adapter). */
const ENDS_TRANSACTION = /^\s*(COMMIT|ROLLBACK)\s*;?\s*$/i;

// A connection error is reported by the query that needed the connection; the event itself says nothing more.
const ignoreConnectionError = () => {};

/**
 * @prisma/adapter-pg 6.19 with the two holes closed that a database restart opens (seen in the faults test):
 *
 * - Prisma ends an interactive transaction by sending COMMIT or ROLLBACK, and only when that statement succeeds does
 *   it hand the connection back to the pool. When the server has just ended the connection, the statement fails and
 *   the pool slot is lost for good: after as many failures as the pool has connections, every transaction waits for
 *   a connection forever (and `$disconnect` never returns). Here a failed COMMIT or ROLLBACK hands the connection
 *   back anyway; the pool drops it when it is broken.
 * - The server ending a connection emits 'error' on its pg client, also while nothing listens (the client is
 *   checked out but between queries): Node then crashes the process on an unhandled 'error' event. Every client of
 *   the pool gets a listener for its whole life.
 */
export class ResilientPrismaPg implements SqlDriverAdapterFactory {
  readonly provider = "postgres";
  readonly adapterName: string;
  private readonly inner: PrismaPg;

  constructor(poolOrConfig: pg.Pool | pg.PoolConfig, options?: ConstructorParameters<typeof PrismaPg>[1]) {
    this.inner = new PrismaPg(poolOrConfig, options);
    this.adapterName = this.inner.adapterName;
  }

  async connect(): Promise<PgAdapter> {
    const adapter = await this.inner.connect();
    const pool = adapter.underlyingDriver();
    pool.on("error", ignoreConnectionError);
    pool.on("connect", (client) => client.on("error", ignoreConnectionError));
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => releasedEvenIfEndFails(await startTransaction(isolationLevel));
    return adapter;
  }
}

function releasedEvenIfEndFails(transaction: PgTransaction): PgTransaction {
  const executeRaw = transaction.executeRaw.bind(transaction);
  transaction.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      // Prisma will not call commit() or rollback() now; both just return the connection to the pool.
      if (ENDS_TRANSACTION.test(query.sql)) await transaction.rollback();
      throw error;
    }
  };
  return transaction;
}
