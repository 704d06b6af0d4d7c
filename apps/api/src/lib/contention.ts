/**
 * Prisma's codes for a transaction that lost to others: P2034 (write conflict or deadlock), P2028 (could not start
 * or finish in time); and PostgreSQL's own (40P01 deadlock, 40001 serialization, 55P03 lock not available). Also
 * node-postgres's pool finding no free connection within the connect timeout: every connection is busy.
 * (A database that is not there at all is `isDatabaseUnavailable`, in unavailable.ts.)
 */
export function isContention(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  const cause = (error as { meta?: { code?: unknown }; cause?: { code?: unknown } }).cause?.code;
  if ((error as { message?: unknown }).message === POOL_WAIT_TIMEOUT) return true;
  return [code, cause].some(
    (value) => typeof value === "string" && ["P2034", "P2028", "40P01", "40001", "55P03"].includes(value),
  );
}

/** pg-pool's error when no connection of the pool came free in time. */
const POOL_WAIT_TIMEOUT = "timeout exceeded when trying to connect";
