import { createHash } from "node:crypto";
import { IDEMPOTENCY_KEY_HEADER, idempotencyKeySchema } from "@allot/contracts";
import { Prisma, type SqlTx, sqlTransaction, type Tx } from "@allot/db";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { TenantContext } from "../types.js";
import { AppError } from "./app-error.js";
import { principalId } from "./tenant.js";

/** How long a remembered answer is replayed. */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
/** Billing transactions may queue behind a burst of retries holding the same key's lock. */
const TRANSACTION = { maxWait: 30_000, timeout: 60_000 } as const;

/**
 * A request that carries an Idempotency-Key, as its answer is remembered: the key, what a retry must match (method,
 * path and body hash) and the status its answer goes out with.
 */
export interface IdempotentRequest {
  key: string;
  method: string;
  route: string;
  bodyHash: string;
  status: number;
}

/** A use case's answer, and whether it is one remembered from a first request with the same key (a replay). */
export interface Remembered<T> {
  body: T;
  replayed: boolean;
}

/** Keys compare by their JSON, so the body hash must not depend on the order a client wrote the fields in. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, field]) => field !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([key, field]) => [key, canonical(field)]),
    );
  }
  return value;
}

function keyOf(request: FastifyRequest): string | undefined {
  const header = request.headers[IDEMPOTENCY_KEY_HEADER];
  if (header === undefined) return undefined;
  const parsed = idempotencyKeySchema.safeParse(Array.isArray(header) ? header.join(",") : header);
  if (!parsed.success) {
    throw new AppError("ValidationFailed", "The Idempotency-Key header is not valid.", {
      errors: [{ path: "headers.idempotency-key", message: "must be 1 to 255 visible ASCII characters" }],
    });
  }
  return parsed.data;
}

/**
 * The request's Idempotency-Key with what a retry must match, or undefined when it sends none (400 for a malformed
 * key). `status` is the status the route answers with: it is remembered with the answer.
 */
export function idempotentRequestOf(request: FastifyRequest, status: number): IdempotentRequest | undefined {
  const key = keyOf(request);
  if (key === undefined) return undefined;
  const bodyHash = createHash("sha256")
    .update(JSON.stringify(canonical(request.body ?? null)))
    .digest("hex");
  return { key, method: request.method, route: `${request.method} ${request.url.split("?")[0]}`, bodyHash, status };
}

/**
 * Runs a billing use case's work in one transaction and, when the request carries an Idempotency-Key, remembers its
 * answer for 24 hours in that same transaction: a retry with the same key gets the first answer and changes nothing.
 * Retries that arrive at the same time queue on a transaction-scoped advisory lock of the key, so only the first does
 * the work. The same key with another body or route is refused (IdempotencyKeyReused). A request that fails
 * (validation, a rule) commits nothing, so it is not remembered and may be retried with the same key.
 */
export async function withIdempotency<T>(
  ctx: TenantContext,
  request: IdempotentRequest | undefined,
  work: (tx: Tx) => Promise<T>,
): Promise<Remembered<T>> {
  const now = ctx.clock.now();
  return ctx.db.$transaction((tx) => remembered(tx, ctx, request, now, () => work(tx)), TRANSACTION);
}

/**
 * withIdempotency for a hot use case whose statements are all raw SQL (changeSeats): the same steps in a transaction
 * on node-postgres directly (sqlTransaction), without Prisma's per-statement work.
 */
export async function withIdempotencySql<T>(
  ctx: TenantContext,
  request: IdempotentRequest | undefined,
  work: (tx: SqlTx) => Promise<T>,
): Promise<Remembered<T>> {
  const now = ctx.clock.now();
  return sqlTransaction(ctx.db, (tx) => remembered(tx, ctx, request, now, () => work(tx)));
}

interface StoredKey {
  id: string;
  route: string;
  bodyHash: string;
  responseStatus: number | null;
  responseBody: unknown;
  expiresAt: Date;
}

/** The key's lock, lookup and store around `work`, inside the caller's transaction. */
async function remembered<T>(
  tx: SqlTx,
  ctx: TenantContext,
  request: IdempotentRequest | undefined,
  now: Date,
  work: () => Promise<T>,
): Promise<Remembered<T>> {
  const userId = principalId(ctx.actor);
  if (request !== undefined) {
    const { key } = request;
    // Two statements: in READ COMMITTED each statement reads a snapshot taken when it starts, so the lookup must
    // start after the lock is granted to see a key that a concurrent retry committed while this one waited.
    await tx.$queryRaw`SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(${`${ctx.tenantId}:${userId}:${key}`}, 0))`;
    const [existing] = await tx.$queryRaw<StoredKey[]>`
      SELECT id::text AS id, route, "bodyHash", "responseStatus", "responseBody", "expiresAt" FROM "IdempotencyKey"
       WHERE "tenantId" = ${ctx.tenantId}::uuid AND "userId" = ${userId}::uuid AND key = ${key}`;
    if (existing) {
      const stored = existing;
      if (stored.expiresAt > now && stored.responseStatus !== null) {
        if (stored.route !== request.route || stored.bodyHash !== request.bodyHash) {
          throw new AppError(
            "IdempotencyKeyReused",
            "This Idempotency-Key was already used for another request; send a new key for a new request.",
          );
        }
        return { replayed: true, body: stored.responseBody as T };
      }
      await tx.$executeRaw`DELETE FROM "IdempotencyKey" WHERE id = ${stored.id}::uuid`;
    }
  }
  const body = await work();
  if (request !== undefined) {
    await tx.$executeRaw`
      INSERT INTO "IdempotencyKey" (id, "tenantId", "userId", key, method, route, "bodyHash", "responseStatus",
                                    "responseBody", "expiresAt")
      VALUES (gen_random_uuid(), ${ctx.tenantId}::uuid, ${userId}::uuid, ${request.key}, ${request.method},
              ${request.route}, ${request.bodyHash}, ${request.status}, ${JSON.stringify(body)}::jsonb,
              ${new Date(now.getTime() + IDEMPOTENCY_TTL_MS)}::timestamptz)`;
  }
  return { replayed: false, body };
}

/** Sends a use case's remembered answer with the route's status, a replay marked `idempotent-replayed: true`. */
export async function sendRemembered<T>(reply: FastifyReply, status: number, answer: Remembered<T>): Promise<void> {
  if (answer.replayed) reply.header("idempotent-replayed", "true");
  await reply.code(status).send(answer.body);
}

/** Forgets answers older than 24 hours (the lifecycle job calls it). */
export async function purgeExpiredIdempotencyKeys(db: Pick<Tx, "$executeRaw">, now: Date): Promise<number> {
  return db.$executeRaw(Prisma.sql`DELETE FROM "IdempotencyKey" WHERE "expiresAt" <= ${now}`);
}
