import { createHash } from "node:crypto";
import { IDEMPOTENCY_KEY_HEADER, idempotencyKeySchema } from "@allot/contracts";
import { Prisma, type Tx } from "@allot/db";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { TenantContext } from "../types.js";
import { AppError } from "./app-error.js";

/** How long a remembered answer is replayed. */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
/** Billing transactions may queue behind a burst of retries holding the same key's lock. */
const TRANSACTION = { maxWait: 30_000, timeout: 60_000 } as const;

export interface Answer<T> {
  status: number;
  body: T;
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
    throw new AppError("ValidationFailed", "The Idempotency-Key header is not valid.", [
      { path: "headers.idempotency-key", message: "must be 1 to 255 visible ASCII characters" },
    ]);
  }
  return parsed.data;
}

/**
 * Runs a billing mutation in one transaction and, when the request carries an Idempotency-Key, remembers its answer
 * for 24 hours: a retry with the same key gets the first answer (status and body) and changes nothing. Retries that
 * arrive at the same time queue on a transaction-scoped advisory lock of the key, so only the first does the work.
 * The same key with another body or route is refused (IdempotencyKeyReused). A request that fails (validation, a
 * rule) commits nothing, so it is not remembered and may be retried with the same key.
 */
export async function idempotent<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  ctx: TenantContext,
  work: (tx: Tx) => Promise<Answer<T>>,
): Promise<void> {
  const key = keyOf(request);
  const route = `${request.method} ${request.url.split("?")[0]}`;
  const bodyHash = createHash("sha256")
    .update(JSON.stringify(canonical(request.body ?? null)))
    .digest("hex");
  const now = ctx.clock.now();
  const outcome = await ctx.db.$transaction(async (tx) => {
    if (key !== undefined) {
      await tx.$queryRaw`SELECT 1 FROM pg_advisory_xact_lock(
        hashtextextended(${`${ctx.tenantId}:${ctx.actor.userId}:${key}`}, 0))`;
      const existing = await tx.idempotencyKey.findUnique({
        where: { tenantId_userId_key: { tenantId: ctx.tenantId, userId: ctx.actor.userId, key } },
      });
      if (existing && existing.expiresAt > now && existing.responseStatus !== null) {
        if (existing.route !== route || existing.bodyHash !== bodyHash) {
          throw new AppError(
            "IdempotencyKeyReused",
            "This Idempotency-Key was already used for another request; send a new key for a new request.",
          );
        }
        return { replayed: true, status: existing.responseStatus, body: existing.responseBody as T };
      }
      if (existing) await tx.idempotencyKey.delete({ where: { id: existing.id } });
    }
    const answer = await work(tx);
    if (key !== undefined) {
      await tx.idempotencyKey.create({
        data: {
          tenantId: ctx.tenantId,
          userId: ctx.actor.userId,
          key,
          method: request.method,
          route,
          bodyHash,
          responseStatus: answer.status,
          responseBody: JSON.parse(JSON.stringify(answer.body)) as Prisma.InputJsonValue,
          expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
        },
      });
    }
    return { replayed: false, ...answer };
  }, TRANSACTION);
  if (outcome.replayed) reply.header("idempotent-replayed", "true");
  await reply.code(outcome.status).send(outcome.body);
}

/** Forgets answers older than 24 hours (the lifecycle job calls it). */
export async function purgeExpiredIdempotencyKeys(db: Pick<Tx, "$executeRaw">, now: Date): Promise<number> {
  return db.$executeRaw(Prisma.sql`DELETE FROM "IdempotencyKey" WHERE "expiresAt" <= ${now}`);
}
