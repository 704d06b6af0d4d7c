import { createDb, type Db } from "@allot/db";
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from "fastify";
import fp from "fastify-plugin";
import { ReplicaRouter } from "../lib/replica-router.js";
import { isDatabaseUnavailable } from "../lib/unavailable.js";
import { parseWalPosition } from "../lib/wal-position.js";

/** Where a session's browser keeps the primary's WAL position after its last change (see below). */
export const WAL_POSITION_COOKIE = "allot_wal_position";
/** The same position for scripts: answered after each change, and sent back to read one's own writes. */
export const WAL_POSITION_HEADER = "x-allot-wal-position";
/** Tells which server answered a report (`replica` or `primary`): for operators and the tests. */
export const READ_FROM_HEADER = "x-allot-read-from";
/** A replica that does not answer the handshake within this gives way to the primary. */
const REPLICA_CONNECT_TIMEOUT_MS = 1_000;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Read-only reports on a streaming replica (DATABASE_REPLICA_URL), read-your-writes for everyone else.
 *
 * Routes opt in with `config: { readReplica: true }` and stay unaware: a preHandler swaps the db of the request's
 * tenant context, so the service reads whichever server was chosen. The choice:
 * - After a change (any non-GET request by a signed-in caller, or a look at a bulk job's progress) the primary's WAL position (`pg_current_wal_lsn()`)
 *   goes back to the client: a cookie for a browser session, a header for a script. Being on the client, it holds
 *   across any number of API processes behind a load balancer, with no shared memory.
 * - A report reads the replica only when its replay position (read at most every few ms per process) has reached
 *   the position the client sent back; else the primary. A token request that sends no position reads the primary
 *   (a script's earlier changes are unknown); a session without the cookie has changed nothing and reads the replica.
 * - A replica that cannot be reached is left alone for two seconds, and a report that failed on it for want of a
 *   connection runs again on the primary: a down replica costs latency, never an error.
 * Without DATABASE_REPLICA_URL, `app.replica` is `app.db` and no hook is installed.
 */
export const readReplicaPlugin = fp(async (app: FastifyInstance, options: { replica?: Db }) => {
  const url = app.config.databaseReplicaUrl;
  const replica =
    options.replica ??
    (url
      ? createDb({
          connectionString: url,
          maxConnections: app.config.databasePoolSize,
          connectTimeoutMs: Math.min(
            app.config.databaseConnectTimeoutMs || REPLICA_CONNECT_TIMEOUT_MS,
            REPLICA_CONNECT_TIMEOUT_MS,
          ),
        })
      : null);
  app.decorate("replica", replica ?? app.db);
  if (!replica) return;
  const router = new ReplicaRouter(replica);
  app.addHook("onClose", () => replica.$disconnect());

  app.addHook("onRoute", (route) => {
    if (!route.config?.readReplica) return;
    route.handler = againOnPrimary(route.handler as RouteHandlerMethod, app, router);
  });

  app.addHook("preHandler", async (request, reply) => {
    if (!request.routeOptions.config.readReplica || !request.tenant) return;
    const onReplica = await router.canServe(mustSee(request)).catch(() => false);
    if (onReplica) request.tenant = { ...request.tenant, db: replica };
    reply.header(READ_FROM_HEADER, onReplica ? "replica" : "primary");
  });

  app.addHook("onSend", async (request, reply) => {
    const changed = !SAFE_METHODS.has(request.method) || request.routeOptions.config.recordsWalPosition === true;
    if (!changed || !request.actor || reply.statusCode >= 500) return;
    // The change has committed by now; a primary that cannot say where it is leaves the client's position as it was
    // (its next change records one), rather than turning a done change into an error.
    const row = await app.db.$queryRaw<{ position: string }[]>`SELECT pg_current_wal_lsn()::text AS position`
      .then(([first]) => first)
      .catch((error: unknown) => request.log.warn({ err: error }, "could not read the primary's WAL position"));
    if (!row) return;
    reply.header(WAL_POSITION_HEADER, row.position);
    if (request.headers.authorization === undefined) {
      reply.setCookie(WAL_POSITION_COOKIE, row.position, {
        path: "/api/",
        httpOnly: true,
        sameSite: "lax",
        secure: app.config.cookieSecure || request.protocol === "https",
      });
    }
  });
});

/**
 * The WAL position the caller must see: the header a script sends back, or the session's cookie; a token request
 * without the header must see everything (the primary's current position is unknown here, so: the primary).
 */
function mustSee(request: FastifyRequest): bigint | null {
  const header = request.headers[WAL_POSITION_HEADER];
  const sent = parseWalPosition(typeof header === "string" ? header : null);
  if (sent !== null) return sent;
  if (request.headers.authorization !== undefined) return MUST_SEE_EVERYTHING;
  return parseWalPosition(request.cookies?.[WAL_POSITION_COOKIE]);
}
/** Beyond any position a replica can have replayed. */
const MUST_SEE_EVERYTHING = 0xffffffffffffffffn;

/** Runs the handler again on the primary when it failed on the replica for want of a connection. */
function againOnPrimary(handler: RouteHandlerMethod, app: FastifyInstance, router: ReplicaRouter): RouteHandlerMethod {
  return async function (this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
    try {
      return await handler.call(this, request, reply);
    } catch (error) {
      const tenant = request.tenant;
      if (!tenant || tenant.db === app.db || reply.sent || !isDatabaseUnavailable(error)) throw error;
      request.log.warn({ err: error }, "the read replica failed; this report reads the primary");
      router.markDown();
      request.tenant = { ...tenant, db: app.db };
      reply.header(READ_FROM_HEADER, "primary");
      return handler.call(this, request, reply);
    }
  } as RouteHandlerMethod;
}
