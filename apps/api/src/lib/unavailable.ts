/**
 * The database is not there: stopped, restarting, unreachable, or refusing new connections. Nothing the request
 * asked for was done by a transaction that failed this way (or, when the commit itself was cut off, the client
 * cannot know: it retries with its Idempotency-Key), and the same request succeeds once the database is back.
 *
 * How these errors reach the API (@prisma/adapter-pg 6.19 under Prisma's client engine):
 * - a DriverAdapterError whose `cause.kind` names a socket failure (ECONNREFUSED → DatabaseNotReachable, ECONNRESET
 *   → ConnectionClosed, ETIMEDOUT → SocketTimeout) or, for PostgreSQL's own errors, `kind: "postgres"` with the
 *   SQLSTATE in `cause.code` / `cause.originalCode`; Prisma wraps it in a PrismaClientKnownRequestError with a P1xxx
 *   code, or P2010 for raw queries, and keeps it as `meta.driverAdapterError`;
 * - node-postgres's own errors, which the adapter passes through untouched and which carry no code at all.
 */
const PRISMA_CODES = new Set([
  "P1001", // can't reach the database server
  "P1002", // the server was reached but timed out
  "P1008", // operation timed out (socket timeout)
  "P1017", // the server closed the connection
  "P2037", // too many database connections opened
]);
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const SQLSTATES = new Set([
  "57P01", // admin_shutdown: `pg_ctl stop -m fast` ends every session with it
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: the server is starting up or shutting down
  "53300", // too_many_connections
]);
/** Class 08, connection exception (08000, 08003, 08006 connection_failure, 08001, 08004, 08P01). */
const CONNECTION_EXCEPTION = /^08[0-9A-Z]{3}$/;
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);
/**
 * node-postgres's messages for a connection that died or never came: "Connection terminated unexpectedly",
 * "Connection terminated due to connection timeout" (the handshake took longer than the connect timeout), and
 * "Client has encountered a connection error and is not queryable" for a query on a dead client.
 */
const DRIVER_MESSAGES = [/^Connection terminated/, /is not queryable$/];

export function isDatabaseUnavailable(error: unknown): boolean {
  for (const link of causes(error)) {
    for (const code of [link.code, link.originalCode]) {
      if (typeof code !== "string") continue;
      if (PRISMA_CODES.has(code) || SQLSTATES.has(code) || CONNECTION_EXCEPTION.test(code) || SOCKET_CODES.has(code)) {
        return true;
      }
    }
    if (typeof link.kind === "string" && ADAPTER_KINDS.has(link.kind)) return true;
    if (link.code === undefined && typeof link.message === "string") {
      const message = link.message;
      if (DRIVER_MESSAGES.some((pattern) => pattern.test(message))) return true;
    }
  }
  return false;
}

interface Link {
  code?: unknown;
  originalCode?: unknown;
  kind?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown };
}

/** The error, what it wraps (`cause`, Prisma's `meta.driverAdapterError`) and so on, a few levels deep. */
function* causes(error: unknown, depth = 0): Generator<Link> {
  if (depth > 4 || error === null || typeof error !== "object") return;
  const link = error as Link;
  yield link;
  yield* causes(link.meta?.driverAdapterError, depth + 1);
  yield* causes(link.cause, depth + 1);
}
