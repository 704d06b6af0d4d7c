// Billing under load through real HTTP, next to the same work hand-written on raw pg: changeSeats (+1 seat, a fresh
// Idempotency-Key each call) one at a time and 8 in flight, the replay of a stored answer, and the lifecycle job
// expiring 2,000 subscriptions (then running again with nothing to do).
import { createHash, randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import os from "node:os";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import * as database from "@allot/db";
import pg from "pg";
import { billable } from "../apps/api/src/services/billing/charges.js";
import * as lifecycleJob from "../apps/api/src/services/billing/lifecycle-job.js";
import { chargeStoredMethod } from "../apps/api/src/services/billing/payments.js";
import {
  addDays,
  DISABLED_DAYS,
  dueLifecycleSteps,
  EXPIRED_GRACE_DAYS,
  priceSeatChange,
  type SubscriptionSource,
  type SubscriptionState,
} from "../packages/domain/src/index.js";
import { ApiClient, type RunningApi, startApi } from "./lib/api.js";
import { withBenchDatabase } from "./lib/database.js";
import { explainSummary } from "./lib/explain.js";
import {
  environmentLine,
  type LockSummary,
  median,
  oneLine,
  runConcurrently,
  seatTransactions,
  statementTable,
  summarizeLocks,
} from "./lib/licensing.js";
import { profiled } from "./lib/profile.js";
import { type CapturedStatement, captureSql } from "./lib/sql-capture.js";
import { ms, summarize, table } from "./lib/stats.js";

export const description =
  "Billing: changeSeats (1 and 8 in flight), idempotent replay, and the lifecycle job over 2,000 expiring subscriptions: API vs the same transactions on raw pg";

const CONCURRENCY = 8;
const ROUNDS = 3;
const WARMUP = 60;
/** Sequential changeSeats (and replays) per pass. */
const SEQUENTIAL_N = 200;
/** Each 8-in-flight pass runs this long. */
const PASS_MS = 4_000;
const LIFECYCLE_N = 2_000;
const LIFECYCLE_ROUNDS = 3;
const LIFECYCLE_WARMUP_N = 100;
const SKU = "SPE_E3";
const LIFECYCLE_SKU = "VISIOCLIENT";
const BILLING_ADMIN = { email: "billing@contoso.test", password: "Allot-demo-1" };

// ── The baseline's statements: the API's own (lib/idempotency.ts, services/billing/*, seats/seat-ledger.ts),
// ── written once by hand, with the reads the API makes in separate round trips folded where a person would.

const ADVISORY_LOCK = `SELECT 1 FROM pg_advisory_xact_lock(hashtextextended($1, 0))`;
const IDEMPOTENCY_LOOKUP = `SELECT id::text AS id, route, "bodyHash", "responseStatus", "responseBody", "expiresAt"
  FROM "IdempotencyKey" WHERE "tenantId" = $1::uuid AND "userId" = $2::uuid AND key = $3`;
// seat-ledger.ts selectForUpdate with BACKED_UNITS, verbatim (only the product filter differs).
const ASSIGNABLE = `s.state IN ('active', 'expired') AND (s.source <> 'selfService' OR s."takenOverAt" IS NOT NULL)`;
const OWNER_HELD = `s.state IN ('active', 'expired') AND s.source = 'selfService' AND s."takenOverAt" IS NULL`;
const BACKED_UNITS = `
  COALESCE((SELECT SUM(CASE WHEN ${ASSIGNABLE} THEN s.seats
                            ELSE (SELECT count(*) FROM "LicenseAssignment" la WHERE la."subscriptionId" = s.id) END)
              FROM "Subscription" s
             WHERE s."tenantId" = l."tenantId" AND s."productId" = l."productId" AND (${ASSIGNABLE} OR ${OWNER_HELD})), 0)`;
const lockSeatsSql = (productFilter: string) => `WITH locked AS (
    SELECT "tenantId", "productId", "consumedUnits" FROM "TenantProduct"
     WHERE "tenantId" = $1::uuid AND ${productFilter}
     ORDER BY "productId" FOR UPDATE)
  SELECT l."productId"::text AS "productId", l."consumedUnits", ${BACKED_UNITS}::int AS "assignableUnits",
         (SELECT count(*) FROM "Subscription" s
           WHERE s."tenantId" = l."tenantId" AND s."productId" = l."productId" AND ${ASSIGNABLE})::int AS "assignableSubscriptions"
    FROM locked l`;
/** changeSeats: the product comes from the subscription in the same statement (the API peeks at it first). */
const LOCK_SEAT_OF_SUBSCRIPTION = lockSeatsSql(
  `"productId" = (SELECT "productId" FROM "Subscription" WHERE id = $2::uuid AND "tenantId" = $1::uuid)`,
);
const LOCK_SEATS = lockSeatsSql(`"productId" = ANY($2::uuid[])`);
/** The subscription row, locked, with the product's price (the API reads the product in a second statement). */
const LOCK_SUBSCRIPTION_PRICED = `SELECT s.id::text AS id, s."productId"::text AS "productId", s.seats, s.state::text AS state,
       s.source::text AS source, s."takenOverAt", s."autoRenew", s."billingTerm"::text AS "billingTerm", s."termStartsAt",
       s."termEndsAt", s."stateChangedAt", s."cancelledAt", s."paymentProvider", s."cardLast4", s."createdAt",
       p."skuId"::text AS "skuId", p."skuPartNumber", p."displayName", p."pricePerSeatMonthCents", p.currency
  FROM "Subscription" s JOIN "Product" p ON p.id = s."productId"
 WHERE s.id = $1::uuid AND s."tenantId" = $2::uuid FOR UPDATE OF s`;
/** access.ts selectSubscription with FOR UPDATE, verbatim (the lifecycle job's lock). */
const LOCK_SUBSCRIPTION = `SELECT id::text AS id, "tenantId"::text AS "tenantId", "productId"::text AS "productId", seats, state::text AS state,
       source::text AS source, "ownerUserId"::text AS "ownerUserId", "takenOverAt", "autoRenew",
       "billingTerm"::text AS "billingTerm", "termStartsAt", "termEndsAt", "stateChangedAt", "cancelledAt",
       "paymentProvider", "cardLast4"
  FROM "Subscription" WHERE id = $1::uuid AND "tenantId" = $2::uuid FOR UPDATE`;
/** product-status.ts seatStates' subscription half (the counter came with the seat lock). */
const SEAT_STATE = `SELECT id::text AS id, seats, state::text AS state, source::text AS source, "takenOverAt" IS NOT NULL AS "takenOver",
       (SELECT count(*)::int FROM "LicenseAssignment" la WHERE la."subscriptionId" = s.id) AS "ownerAssigned"
  FROM "Subscription" s WHERE "tenantId" = $1::uuid AND "productId" = $2::uuid`;
const UPDATE_SEATS = `UPDATE "Subscription" SET seats = $2, "updatedAt" = now() WHERE id = $1::uuid`;
const INSERT_ORDER = `INSERT INTO "Order" (id, "tenantId", "subscriptionId", "productId", "placedByUserId", kind, "seatsDelta",
                     "amountCents", currency, "paymentProvider", status, "createdAt")
  VALUES (gen_random_uuid(), $1::uuid, $2::uuid, $3::uuid, $4::uuid, 'seatChange', $5, $6, $7, $8, 'completed', $9)
  RETURNING id::text AS id`;
/** charges.ts nextInvoiceNumber: the tenant's counter row, updated (and so locked) until COMMIT. */
const NEXT_INVOICE_NUMBER = `INSERT INTO "InvoiceCounter" ("tenantId", "lastNumber") VALUES ($1::uuid, 1)
    ON CONFLICT ("tenantId") DO UPDATE SET "lastNumber" = "InvoiceCounter"."lastNumber" + 1
    RETURNING "lastNumber"`;
const INSERT_INVOICE = `INSERT INTO "Invoice" (id, "tenantId", number, status, "totalCents", currency, "issuedAt", "dueAt")
  VALUES (gen_random_uuid(), $1::uuid, $2, $3::"InvoiceStatus", $4, $5, $6, $7) RETURNING id::text AS id`;
const INSERT_INVOICE_LINE = `INSERT INTO "InvoiceLine" (id, "invoiceId", "orderId", description, quantity, "unitPriceCents",
                           "amountCents", "periodStart", "periodEnd", "tenantId")
  VALUES (gen_random_uuid(), $1::uuid, $2::uuid, $3, $4, $5, $6, $7, $8, $9::uuid)`;
/** conflict-deadline.ts refreshConflictDeadline's UPDATE, verbatim. */
const REFRESH_DEADLINE = `UPDATE "TenantProduct"
   SET "conflictResolveBy" = CASE WHEN $3::int <= 0 THEN NULL ELSE COALESCE("conflictResolveBy", $4::timestamptz) END
 WHERE "tenantId" = $1::uuid AND "productId" = $2::uuid
RETURNING "conflictResolveBy"`;
const INSERT_AUDIT = `INSERT INTO "AuditEvent" (id, "tenantId", "actorUserId", action, "targetType", "targetId", "productIds", before, after, "requestId")
  VALUES (gen_random_uuid(), $1::uuid, $2::uuid, $3, 'subscription', $4, $5::uuid[], $6::jsonb, $7::jsonb, $8)`;
const INSERT_IDEMPOTENCY = `INSERT INTO "IdempotencyKey" (id, "tenantId", "userId", key, method, route, "bodyHash", "responseStatus",
                            "responseBody", "expiresAt")
  VALUES (gen_random_uuid(), $1::uuid, $2::uuid, $3, 'POST', $4, $5, 200, $6::jsonb, $7)`;
// lifecycle-job.ts: what is due, the deadlines, the purge; the per-subscription transition.
const DUE = `SELECT id::text AS id, "tenantId"::text AS "tenantId", "productId"::text AS "productId" FROM "Subscription"
  WHERE (state = 'active' AND "termEndsAt" <= $1)
     OR (state = 'expired' AND "stateChangedAt" <= $2)
     OR (state = 'disabled' AND "stateChangedAt" <= $3)
  ORDER BY "termEndsAt", id`;
const DEADLINES = `SELECT "tenantId"::text AS "tenantId", "productId"::text AS "productId", "conflictResolveBy" <= $1 AS due
  FROM "TenantProduct" WHERE "conflictResolveBy" IS NOT NULL`;
const DEADLINE_DUE = `SELECT "conflictResolveBy" <= $3 AS due FROM "TenantProduct"
  WHERE "tenantId" = $1::uuid AND "productId" = $2::uuid AND "conflictResolveBy" IS NOT NULL`;
const PURGE_KEYS = `DELETE FROM "IdempotencyKey" WHERE "expiresAt" <= $1`;
const UPDATE_STATE = `UPDATE "Subscription" SET state = $2::"SubscriptionState", "stateChangedAt" = $3, "updatedAt" = now()
  WHERE id = $1::uuid`;
const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
const INVOICE_DUE_DAYS = 30;

interface BillingResultBody {
  subscription?: { id: string; seats: number };
  order?: { id: string; kind: string } | null;
  invoice?: { id: string; number: string; totalCents: number } | null;
}

interface Context {
  tenantId: string;
  userId: string;
  /** Subscriptions of one product: worker k changes subscriptions[k] (the sequential passes use the first). */
  subscriptions: string[];
  /** One subscription of each of `CONCURRENCY` other products: no shared seat row, only the invoice-number lock. */
  spread: string[];
}

/** A stored answer to send again: its key, subscription and body. */
interface Sent {
  key: string;
  subscriptionId: string;
  seats: number;
}

const routeOf = (ctx: Context, subscriptionId: string) =>
  `/api/tenants/${ctx.tenantId}/subscriptions/${subscriptionId}/changeSeats`;

/** lib/idempotency.ts's body hash: the canonical JSON of the parsed body (acceptConflict defaulted). */
const bodyHash = (seats: number) =>
  createHash("sha256")
    .update(JSON.stringify({ acceptConflict: false, seats }))
    .digest("hex");

interface LockedSubscription {
  id: string;
  productId: string;
  seats: number;
  state: SubscriptionState;
  source: SubscriptionSource;
  takenOverAt: Date | null;
  autoRenew: boolean;
  billingTerm: "monthly" | "annual";
  termStartsAt: Date;
  termEndsAt: Date;
  stateChangedAt: Date;
  cancelledAt: Date | null;
  paymentProvider: string;
  cardLast4: string | null;
  createdAt: Date;
  skuId: string;
  skuPartNumber: string;
  displayName: string;
  pricePerSeatMonthCents: number;
  currency: string;
}

/** changeSeats +1 on raw pg: the API's transaction (idempotency included), answering the same kind of body. */
async function rawChangeSeats(client: pg.PoolClient, ctx: Context, subscriptionId: string): Promise<Sent> {
  const key = randomUUID();
  const route = `POST ${routeOf(ctx, subscriptionId)}`;
  const now = new Date();
  await client.query("BEGIN");
  try {
    await client.query(ADVISORY_LOCK, [`${ctx.tenantId}:${ctx.userId}:${key}`]);
    const existing = await client.query(IDEMPOTENCY_LOOKUP, [ctx.tenantId, ctx.userId, key]);
    if (existing.rowCount !== 0) throw new Error("raw: a fresh key was found");
    const seat = await client.query<{ consumedUnits: number; assignableUnits: number }>(LOCK_SEAT_OF_SUBSCRIPTION, [
      ctx.tenantId,
      subscriptionId,
    ]);
    const seatRow = seat.rows[0];
    if (!seatRow) throw new Error("raw: no seat row");
    const { rows } = await client.query<LockedSubscription>(LOCK_SUBSCRIPTION_PRICED, [subscriptionId, ctx.tenantId]);
    const sub = rows[0];
    if (!sub) throw new Error("raw: subscription not found");
    if (sub.state !== "active" || sub.source === "trial") throw new Error(`raw: subscription is ${sub.state}`);
    const state = await client.query<{ seats: number; state: SubscriptionState }>(SEAT_STATE, [
      ctx.tenantId,
      sub.productId,
    ]);
    const usable = state.rows.reduce(
      (sum, s) => sum + (s.state === "active" || s.state === "expired" ? s.seats : 0),
      0,
    );
    const seats = sub.seats + 1;
    const charge = billable(
      priceSeatChange(
        { displayName: sub.displayName, pricePerSeatMonthCents: sub.pricePerSeatMonthCents, currency: sub.currency },
        sub,
        seats,
        now,
      ),
    );
    const payment = chargeStoredMethod(sub.paymentProvider, sub.cardLast4);
    await client.query(UPDATE_SEATS, [sub.id, seats]);
    const order = await client.query<{ id: string }>(INSERT_ORDER, [
      ctx.tenantId,
      sub.id,
      sub.productId,
      ctx.userId,
      charge.seatsDelta,
      charge.amountCents,
      charge.currency,
      payment.provider,
      now,
    ]);
    const orderId = (order.rows[0] as { id: string }).id;
    const counter = await client.query<{ lastNumber: number }>(NEXT_INVOICE_NUMBER, [ctx.tenantId]);
    const number = `INV-${String((counter.rows[0] as { lastNumber: number }).lastNumber).padStart(6, "0")}`;
    const status = payment.paid || charge.amountCents < 0 ? "paid" : "open";
    const dueAt = new Date(now.getTime() + INVOICE_DUE_DAYS * 86_400_000);
    const invoice = await client.query<{ id: string }>(INSERT_INVOICE, [
      ctx.tenantId,
      number,
      status,
      charge.amountCents,
      charge.currency,
      now,
      dueAt,
    ]);
    const invoiceId = (invoice.rows[0] as { id: string }).id;
    const line = charge.lines[0];
    if (!line) throw new Error("raw: a charge without a line");
    await client.query(INSERT_INVOICE_LINE, [
      invoiceId,
      orderId,
      line.description,
      line.quantity,
      line.unitPriceCents,
      line.amountCents,
      line.periodStart,
      line.periodEnd,
      ctx.tenantId,
    ]);
    // Still locked: the shortfall after the change follows from what was read (no second seat-state read).
    const shortfall = Math.max(0, seatRow.consumedUnits - (usable + 1));
    await client.query(REFRESH_DEADLINE, [ctx.tenantId, sub.productId, shortfall, null]);
    await client.query(INSERT_AUDIT, [
      ctx.tenantId,
      ctx.userId,
      "billing.seatsChanged",
      sub.id,
      [sub.productId],
      JSON.stringify({ seats: sub.seats }),
      JSON.stringify({ seats, amountCents: charge.amountCents }),
      `raw-${key}`,
    ]);
    const body = {
      subscription: {
        id: sub.id,
        skuId: sub.skuId,
        skuPartNumber: sub.skuPartNumber,
        productName: sub.displayName,
        seats,
        state: sub.state,
        source: sub.source,
        autoRenew: sub.autoRenew,
        billingTerm: sub.billingTerm,
        termStartsAt: sub.termStartsAt,
        termEndsAt: sub.termEndsAt,
        stateChangedAt: sub.stateChangedAt,
        cancelledAt: sub.cancelledAt,
        paymentProvider: sub.paymentProvider,
        cardLast4: sub.cardLast4,
        pricePerSeatMonthCents: sub.pricePerSeatMonthCents,
        currency: sub.currency,
        createdAt: sub.createdAt,
      },
      order: {
        id: orderId,
        kind: "seatChange",
        status: "completed",
        subscriptionId: sub.id,
        skuId: sub.skuId,
        seatsDelta: charge.seatsDelta,
        amountCents: charge.amountCents,
        currency: charge.currency,
        createdAt: now,
        invoiceId,
        invoiceNumber: number,
      },
      invoice: {
        id: invoiceId,
        number,
        status,
        totalCents: charge.amountCents,
        currency: charge.currency,
        issuedAt: now,
        dueAt,
        lines: [line],
      },
    };
    await client.query(INSERT_IDEMPOTENCY, [
      ctx.tenantId,
      ctx.userId,
      key,
      route,
      bodyHash(seats),
      JSON.stringify(body),
      new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
    ]);
    await client.query("COMMIT");
    return { key, subscriptionId, seats };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

/** A replay on raw pg: the key's lock and the lookup of its stored answer. */
async function rawReplay(client: pg.PoolClient, ctx: Context, sent: Sent): Promise<void> {
  await client.query("BEGIN");
  try {
    await client.query(ADVISORY_LOCK, [`${ctx.tenantId}:${ctx.userId}:${sent.key}`]);
    const { rows } = await client.query<{ responseStatus: number; responseBody: BillingResultBody; bodyHash: string }>(
      IDEMPOTENCY_LOOKUP,
      [ctx.tenantId, ctx.userId, sent.key],
    );
    const stored = rows[0];
    if (stored?.responseStatus !== 200 || stored.bodyHash !== bodyHash(sent.seats)) {
      throw new Error(`raw replay: no stored answer for ${sent.key}`);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

interface LifecycleOutcome {
  transitions: number;
  ms: number;
  report: Record<string, number>;
  /** CPU time of this process during the run (the job, or the pg driver). */
  cpuMs?: number;
}

/** Runs a lifecycle job and adds the CPU time this process spent on it. */
async function withCpu(run: () => Promise<LifecycleOutcome>): Promise<LifecycleOutcome> {
  const cpu = process.cpuUsage();
  const outcome = await run();
  const used = process.cpuUsage(cpu);
  return { ...outcome, cpuMs: (used.user + used.system) / 1000 };
}

/** runSubscriptionLifecycle on raw pg, on one connection: the same queries and per-subscription transactions. */
async function rawLifecycle(client: pg.PoolClient, now: Date): Promise<LifecycleOutcome> {
  const started = performance.now();
  const report = { renewed: 0, expired: 0, disabled: 0, deleted: 0, licensesRemoved: 0, deadlinesPassed: 0 };
  const requestId = `lifecycle:${now.toISOString()}`;
  const due = await client.query<{ id: string; tenantId: string; productId: string }>(DUE, [
    now,
    addDays(now, -EXPIRED_GRACE_DAYS),
    addDays(now, -DISABLED_DAYS),
  ]);
  for (const candidate of due.rows) {
    await client.query("BEGIN");
    try {
      await client.query(LOCK_SEATS, [candidate.tenantId, [candidate.productId]]);
      const { rows } = await client.query<
        LockedSubscription & { tenantId: string; ownerUserId: string | null; cardLast4: string | null }
      >(LOCK_SUBSCRIPTION, [candidate.id, candidate.tenantId]);
      const sub = rows[0];
      if (!sub) throw new Error("raw lifecycle: subscription not found");
      for (const step of dueLifecycleSteps(sub, now)) {
        if (step.kind !== "expire") throw new Error(`raw lifecycle: the bench has only expiries, not ${step.kind}`);
        await client.query(UPDATE_STATE, [sub.id, "expired", step.at]);
        await client.query(INSERT_AUDIT, [
          sub.tenantId,
          null,
          "billing.subscriptionExpired",
          sub.id,
          [sub.productId],
          JSON.stringify({ state: sub.state, termEndsAt: sub.termEndsAt }),
          JSON.stringify({ state: "expired", at: step.at }),
          requestId,
        ]);
        report.expired++;
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
  }
  const deadlines = await client.query<{ tenantId: string; productId: string }>(DEADLINES, [now]);
  for (const row of deadlines.rows) {
    // What the job does for a deadline not due with nothing to remove: lock, check, recount, refresh.
    await client.query("BEGIN");
    const seat = await client.query<{ consumedUnits: number }>(LOCK_SEATS, [row.tenantId, [row.productId]]);
    await client.query(DEADLINE_DUE, [row.tenantId, row.productId, now]);
    const state = await client.query<{ seats: number; state: SubscriptionState }>(SEAT_STATE, [
      row.tenantId,
      row.productId,
    ]);
    const usable = state.rows.reduce(
      (sum, s) => sum + (s.state === "active" || s.state === "expired" ? s.seats : 0),
      0,
    );
    const shortfall = Math.max(0, (seat.rows[0]?.consumedUnits ?? 0) - usable);
    await client.query(REFRESH_DEADLINE, [row.tenantId, row.productId, shortfall, null]);
    await client.query("COMMIT");
  }
  await client.query(PURGE_KEYS, [now]);
  return { transitions: report.expired, ms: performance.now() - started, report };
}

interface LifecycleModules {
  run: typeof lifecycleJob.runSubscriptionLifecycle;
  createDb: typeof database.createDb;
}

/** The job from apps/api/src, or from BENCH_API_SRC (like lib/api.ts). */
async function lifecycleModules(): Promise<LifecycleModules> {
  const dir = process.env.BENCH_API_SRC;
  if (!dir) return { run: lifecycleJob.runSubscriptionLifecycle, createDb: database.createDb };
  const from = resolve(dir, "services/billing/lifecycle-job.ts");
  const job = (await import(pathToFileURL(from).href)) as typeof lifecycleJob;
  const db = (await import(pathToFileURL(createRequire(from).resolve("@allot/db")).href)) as typeof database;
  return { run: job.runSubscriptionLifecycle, createDb: db.createDb };
}

/**
 * A new tenant with `count` active admin subscriptions of one product, not renewing, whose term ends at `termEndsAt`
 * (a month long), and its seat row. Returns the tenant id.
 */
async function addExpiring(pool: pg.Pool, label: string, productId: string, count: number, termEndsAt: Date) {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO "Tenant" (id, name, domain, kind) VALUES (gen_random_uuid(), $1, $2, 'customer') RETURNING id::text AS id`,
    [`Bench Lifecycle ${label}`, `lifecycle-${label}.test`],
  );
  const tenantId = (rows[0] as { id: string }).id;
  await pool.query(`INSERT INTO "TenantProduct" ("tenantId", "productId") VALUES ($1, $2)`, [tenantId, productId]);
  await pool.query(
    `INSERT INTO "Subscription" (id, "tenantId", "productId", seats, state, source, "autoRenew", "billingTerm",
                                 "termStartsAt", "termEndsAt", "stateChangedAt", "createdAt", "updatedAt")
     SELECT gen_random_uuid(), $1, $2, 5 + g % 20, 'active', 'admin', false, 'monthly',
            $4::timestamptz - interval '1 month', $4, $4::timestamptz - interval '1 month', $4::timestamptz - interval '1 month', now()
       FROM generate_series(1, $3::int) AS g`,
    [tenantId, productId, count, termEndsAt],
  );
  await pool.query(`ANALYZE "Subscription"`);
  return tenantId;
}

async function countExpired(pool: pg.Pool, tenantId: string): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Subscription" WHERE "tenantId" = $1 AND state = 'expired'`,
    [tenantId],
  );
  return rows[0]?.n ?? 0;
}

interface Pass {
  n: number;
  seconds: number;
  perSecond: number;
  latencies: number[];
  /** The seat row lock's holds (captured passes only). */
  locks: LockSummary | null;
  /** Mean hold of the tenant's invoice counter row lock, from its answer to COMMIT's (captured passes only). */
  invoiceLockMs: number;
  /** CPU time of this process (API and HTTP clients, or the pg driver) per request or transaction. */
  cpuMsPerTx: number;
  /** Share of the pass the event loop was busy (near 1: requests queue for the one JS thread). */
  eventLoop: number;
}

const isInvoiceLock = (text: string) => text.includes('INSERT INTO "InvoiceCounter"');

/** Mean time from the invoice-number lock granted to COMMIT answered, per transaction that took it. */
function invoiceLockHold(statements: readonly CapturedStatement[]): number {
  const lockedAt = new Map<number, number>();
  const holds: number[] = [];
  for (const statement of [...statements].sort((a, b) => a.startedAt - b.startedAt)) {
    if (/^\s*BEGIN\b/i.test(statement.text)) lockedAt.delete(statement.connection);
    else if (isInvoiceLock(statement.text)) lockedAt.set(statement.connection, statement.endedAt);
    else if (/^\s*(COMMIT|ROLLBACK)\b/i.test(statement.text)) {
      const at = lockedAt.get(statement.connection);
      if (at !== undefined && Number.isFinite(at) && Number.isFinite(statement.endedAt))
        holds.push(statement.endedAt - at);
      lockedAt.delete(statement.connection);
    }
  }
  return holds.reduce((sum, x) => sum + x, 0) / Math.max(1, holds.length);
}

/** `concurrency` workers until `count` tasks are done or `durationMs` has passed (capturing SQL when `capture`). */
async function pass(
  concurrency: number,
  limit: { count?: number; durationMs?: number },
  work: (worker: number, index: number) => Promise<void>,
  capture = false,
): Promise<Pass> {
  let next = 0;
  const latencies: number[] = [];
  const count = limit.count ?? Number.POSITIVE_INFINITY;
  const cpu = process.cpuUsage();
  const elu = performance.eventLoopUtilization();
  const start = performance.now();
  const deadline = limit.durationMs === undefined ? Number.POSITIVE_INFINITY : start + limit.durationMs;
  const run = () =>
    runConcurrently(concurrency, deadline, async (worker) => {
      if (next >= count) return false;
      const index = next++;
      const t = performance.now();
      await work(worker, index);
      latencies.push(performance.now() - t);
      return true;
    });
  let statements: CapturedStatement[] | null = null;
  if (capture) ({ statements } = await captureSql(run));
  else await run();
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  return {
    n: latencies.length,
    seconds,
    perSecond: latencies.length / seconds,
    latencies,
    locks: statements ? summarizeLocks(seatTransactions(statements)) : null,
    invoiceLockMs: statements ? invoiceLockHold(statements) : Number.NaN,
    cpuMsPerTx: (used.user + used.system) / 1000 / Math.max(1, latencies.length),
    eventLoop: performance.eventLoopUtilization(elu).utilization,
  };
}

const medianOf = (passes: readonly Pass[], pick: (p: Pass) => number) => median(passes.map(pick));
const p = (passes: readonly Pass[], key: "p50" | "p95" | "p99") => medianOf(passes, (x) => summarize(x.latencies)[key]);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

/** Per-round rows of API vs raw passes, and their medians. */
function roundsTable(apiPasses: Pass[], rawPasses: Pass[], rate: string): string {
  const rows = apiPasses.map((a, i) => {
    const r = rawPasses[i] as Pass;
    const sa = summarize(a.latencies);
    const sr = summarize(r.latencies);
    return [
      `round ${i + 1}`,
      a.perSecond.toFixed(0),
      `${ms(sa.p50)} ms`,
      `${ms(sa.p95)} ms`,
      `${ms(sa.p99)} ms`,
      r.perSecond.toFixed(0),
      `${ms(sr.p50)} ms`,
      `${ms(sr.p95)} ms`,
      `${ms(sr.p99)} ms`,
      `${a.n} / ${r.n}`,
    ];
  });
  rows.push([
    "median",
    medianOf(apiPasses, (x) => x.perSecond).toFixed(0),
    `${ms(p(apiPasses, "p50"))} ms`,
    `${ms(p(apiPasses, "p95"))} ms`,
    `${ms(p(apiPasses, "p99"))} ms`,
    medianOf(rawPasses, (x) => x.perSecond).toFixed(0),
    `${ms(p(rawPasses, "p50"))} ms`,
    `${ms(p(rawPasses, "p95"))} ms`,
    `${ms(p(rawPasses, "p99"))} ms`,
    "",
  ]);
  return table(
    [
      "",
      `API ${rate}`,
      "API p50",
      "API p95",
      "API p99",
      `raw ${rate}`,
      "raw p50",
      "raw p95",
      "raw p99",
      "N (API / raw)",
    ],
    rows,
  );
}

export default async function billing(): Promise<void> {
  const started = performance.now();
  await withBenchDatabase(async (db) => {
    const modules = await lifecycleModules();
    const pool = new pg.Pool({ connectionString: db.url, max: CONCURRENCY + 2 });
    // The bench runs the lifecycle job itself: the API's scheduler (a run at start, then hourly) stays off.
    const interval = process.env.BILLING_JOB_INTERVAL_MINUTES;
    process.env.BILLING_JOB_INTERVAL_MINUTES = "0";
    let api: RunningApi;
    try {
      api = await startApi(db.url, 10);
    } finally {
      if (interval === undefined) delete process.env.BILLING_JOB_INTERVAL_MINUTES;
      else process.env.BILLING_JOB_INTERVAL_MINUTES = interval;
    }
    const jobDb = modules.createDb({ connectionString: db.url, maxConnections: 10 });
    const clients: ApiClient[] = [];
    const rawClients: pg.PoolClient[] = [];
    try {
      // ── Setup: Contoso's billing admin, its SPE_E3 subscription plus 7 more of the product (one per worker) ──
      const { rows: who } = await pool.query<{ tenantId: string; userId: string }>(
        `SELECT "tenantId"::text AS "tenantId", id::text AS "userId" FROM "User" WHERE email = $1`,
        [BILLING_ADMIN.email],
      );
      const admin = who[0];
      if (!admin) throw new Error(`no ${BILLING_ADMIN.email} in the demo data`);
      const { rows: productRows } = await pool.query<{ id: string; sku: string }>(
        `SELECT id::text AS id, "skuPartNumber" AS sku FROM "Product" WHERE "skuPartNumber" = ANY($1)`,
        [[SKU, LIFECYCLE_SKU]],
      );
      const productId = productRows.find((r) => r.sku === SKU)?.id as string;
      const lifecycleProductId = productRows.find((r) => r.sku === LIFECYCLE_SKU)?.id as string;
      await pool.query(
        `INSERT INTO "Subscription" (id, "tenantId", "productId", seats, "billingTerm", "autoRenew", "termStartsAt", "termEndsAt", "updatedAt")
         SELECT gen_random_uuid(), $1, $2, 10, 'annual', true, now() - interval '100 days', now() + interval '265 days', now()
           FROM generate_series(1, $3::int)`,
        [admin.tenantId, productId, CONCURRENCY - 1],
      );
      const { rows: subRows } = await pool.query<{ id: string }>(
        `SELECT id::text AS id FROM "Subscription"
          WHERE "tenantId" = $1 AND "productId" = $2 AND state = 'active' AND source = 'admin'
          ORDER BY "createdAt", id`,
        [admin.tenantId, productId],
      );
      if (subRows.length < CONCURRENCY) throw new Error(`only ${subRows.length} ${SKU} subscriptions`);
      const { rows: spreadRows } = await pool.query<{ id: string }>(
        `WITH products AS (
           SELECT id FROM "Product" WHERE "pricePerSeatMonthCents" > 0 AND id <> $2 ORDER BY "skuPartNumber" LIMIT $3),
         seat_rows AS (
           INSERT INTO "TenantProduct" ("tenantId", "productId") SELECT $1, id FROM products ON CONFLICT DO NOTHING)
         INSERT INTO "Subscription" (id, "tenantId", "productId", seats, "billingTerm", "autoRenew", "termStartsAt", "termEndsAt", "updatedAt")
         SELECT gen_random_uuid(), $1, id, 10, 'annual', true, now() - interval '100 days', now() + interval '265 days', now()
           FROM products
         RETURNING id::text AS id`,
        [admin.tenantId, productId, CONCURRENCY],
      );
      if (spreadRows.length < CONCURRENCY) throw new Error(`only ${spreadRows.length} other priced products`);
      const ctx: Context = {
        tenantId: admin.tenantId,
        userId: admin.userId,
        subscriptions: subRows.slice(0, CONCURRENCY).map((r) => r.id),
        spread: spreadRows.map((r) => r.id),
      };
      const seats = new Map<string, number>();
      const readSeats = async () => {
        const { rows } = await pool.query<{ id: string; seats: number }>(
          `SELECT id::text AS id, seats FROM "Subscription" WHERE id = ANY($1::uuid[])`,
          [[...ctx.subscriptions, ...ctx.spread]],
        );
        for (const row of rows) seats.set(row.id, row.seats);
      };
      await pool.query(`VACUUM (ANALYZE)`);

      const first = new ApiClient(api.baseUrl);
      await first.login(BILLING_ADMIN.email, BILLING_ADMIN.password);
      clients.push(first);
      for (let k = 1; k < CONCURRENCY; k++) clients.push(first.fork());
      for (let k = 0; k < CONCURRENCY; k++) rawClients.push(await pool.connect());
      const apiClient = (worker: number) => clients[worker] as ApiClient;
      const rawClient = (worker: number) => rawClients[worker] as pg.PoolClient;
      const sameProduct = (worker: number) => ctx.subscriptions[worker] as string;
      const ownProduct = (worker: number) => ctx.spread[worker] as string;

      const apiSent: Sent[] = [];
      const rawSent: Sent[] = [];
      let replayedHeader = 0;
      const apiChange = async (worker: number, record = false, subscriptionOf = sameProduct) => {
        const subscriptionId = subscriptionOf(worker);
        const next = (seats.get(subscriptionId) ?? 0) + 1;
        const key = randomUUID();
        const response = await apiClient(worker).request<BillingResultBody>(
          "POST",
          routeOf(ctx, subscriptionId),
          { seats: next },
          { "idempotency-key": key },
        );
        if (response.status !== 200 || response.body.subscription?.seats !== next || !response.body.invoice) {
          throw new Error(`changeSeats answered ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`);
        }
        seats.set(subscriptionId, next);
        if (record) apiSent.push({ key, subscriptionId, seats: next });
      };
      const rawChange = async (worker: number, record = false, subscriptionOf = sameProduct) => {
        const sent = await rawChangeSeats(rawClient(worker), ctx, subscriptionOf(worker));
        if (record) rawSent.push(sent);
      };
      const apiReplay = async (sent: Sent) => {
        const response = await apiClient(0).request<BillingResultBody>(
          "POST",
          routeOf(ctx, sent.subscriptionId),
          { seats: sent.seats },
          { "idempotency-key": sent.key },
        );
        if (response.status !== 200 || response.body.subscription?.seats !== sent.seats) {
          throw new Error(`replay answered ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`);
        }
        if (response.headers["idempotent-replayed"] === "true") replayedHeader++;
      };
      const countOrders = async () => {
        const { rows } = await pool.query<{ orders: number; invoices: number; lines: number; keys: number }>(
          `SELECT (SELECT count(*) FROM "Order" WHERE kind = 'seatChange')::int AS orders,
                  (SELECT count(*) FROM "Invoice")::int AS invoices,
                  (SELECT count(*) FROM "InvoiceLine")::int AS lines,
                  (SELECT count(*) FROM "IdempotencyKey")::int AS keys`,
        );
        return rows[0] as { orders: number; invoices: number; lines: number; keys: number };
      };
      const before = await countOrders();

      // ── changeSeats: warm-up, then alternating rounds (API then raw) ──
      await readSeats();
      await pass(1, { count: WARMUP }, (w) => apiChange(w));
      await pass(1, { count: WARMUP }, (w) => rawChange(w));
      const seqApi: Pass[] = [];
      const seqRaw: Pass[] = [];
      const parApi: Pass[] = [];
      const parRaw: Pass[] = [];
      const spreadApi: Pass[] = [];
      const spreadRaw: Pass[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        await readSeats();
        seqApi.push(
          await profiled(`change-seats-api-${round + 1}`, () =>
            pass(1, { count: SEQUENTIAL_N }, (w) => apiChange(w, true)),
          ),
        );
        seqRaw.push(
          await profiled(`change-seats-raw-${round + 1}`, () =>
            pass(1, { count: SEQUENTIAL_N }, (w) => rawChange(w, true)),
          ),
        );
        await readSeats();
        parApi.push(await pass(CONCURRENCY, { durationMs: PASS_MS }, (w) => apiChange(w), true));
        parRaw.push(await pass(CONCURRENCY, { durationMs: PASS_MS }, (w) => rawChange(w), true));
        await readSeats();
        spreadApi.push(await pass(CONCURRENCY, { durationMs: PASS_MS }, (w) => apiChange(w, false, ownProduct), true));
        spreadRaw.push(await pass(CONCURRENCY, { durationMs: PASS_MS }, (w) => rawChange(w, false, ownProduct), true));
        process.stdout.write(
          `billing: round ${round + 1}: 1 in flight API ${seqApi[round]?.perSecond.toFixed(0)} req/s, raw ${seqRaw[round]?.perSecond.toFixed(0)} tx/s; ` +
            `${CONCURRENCY} in flight API ${parApi[round]?.perSecond.toFixed(0)} req/s, raw ${parRaw[round]?.perSecond.toFixed(0)} tx/s; ` +
            `${CONCURRENCY} products API ${spreadApi[round]?.perSecond.toFixed(0)} req/s, raw ${spreadRaw[round]?.perSecond.toFixed(0)} tx/s\n`,
        );
      }

      // ── Replays of stored answers (the sequential passes' keys), alternating ──
      const repApi: Pass[] = [];
      const repRaw: Pass[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const slice = (list: Sent[]) => list.slice(round * SEQUENTIAL_N, (round + 1) * SEQUENTIAL_N);
        const apiKeys = slice(apiSent);
        const rawKeys = slice(rawSent);
        repApi.push(await pass(1, { count: apiKeys.length }, (_, i) => apiReplay(apiKeys[i] as Sent)));
        repRaw.push(
          await pass(1, { count: rawKeys.length }, (_, i) => rawReplay(rawClient(0), ctx, rawKeys[i] as Sent)),
        );
      }

      // Nothing lost, nothing doubled: one seatChange order, invoice and line per change; replays wrote nothing.
      const after = await countOrders();
      const changes =
        2 * WARMUP +
        [...seqApi, ...seqRaw, ...parApi, ...parRaw, ...spreadApi, ...spreadRaw].reduce((sum, x) => sum + x.n, 0);
      for (const [name, grew] of [
        ["orders", after.orders - before.orders],
        ["invoices", after.invoices - before.invoices],
        ["invoice lines", after.lines - before.lines],
        ["idempotency keys", after.keys - before.keys],
      ] as const) {
        if (grew !== changes) throw new Error(`${changes} seat changes wrote ${grew} ${name}`);
      }
      const replayCount = repApi.reduce((sum, x) => sum + x.n, 0);
      if (replayedHeader !== replayCount) {
        throw new Error(`${replayCount} API replays, ${replayedHeader} with Idempotent-Replayed: true`);
      }
      await readSeats();

      // One request of each alone (nothing in flight), statement by statement.
      const t0 = performance.now();
      const { statements: loneApi } = await captureSql(() => apiChange(0));
      const loneApiMs = performance.now() - t0;
      const t1 = performance.now();
      const { statements: loneRaw } = await captureSql(() => rawChange(0));
      const loneRawMs = performance.now() - t1;
      const lastApi = apiSent.at(-1) as Sent;
      const t2 = performance.now();
      const { statements: loneReplay } = await captureSql(() => apiReplay(lastApi));
      const loneReplayMs = performance.now() - t2;
      // The response's order read (loadOrders): how it finds the order's invoice line.
      const ordersRead = loneApi.find((s) => /FROM "Order" o/.test(s.text));
      // The run wrote thousands of invoices since the VACUUM above; autovacuum (off on some machines) would have
      // analysed them by now, so the plan shown is the one a live database gets, not one from an empty table's stats.
      await pool.query(`ANALYZE "Order", "Invoice", "InvoiceLine"`);
      const ordersPlan = ordersRead ? await explainSummary(pool, ordersRead.text, ordersRead.values as unknown[]) : [];

      // ── Lifecycle: 2,000 subscriptions whose monthly term ends in 6 h; the job runs 1 minute after ──
      // (6 h: the idempotency keys written above, kept 24 h, are not purged by these runs; the demo's own
      // subscriptions end months later.)
      const termEndsAt = new Date(Date.now() + 6 * 3_600_000);
      const now = new Date(termEndsAt.getTime() + 60_000);
      const dueCount = async () =>
        (await pool.query(DUE, [now, addDays(now, -EXPIRED_GRACE_DAYS), addDays(now, -DISABLED_DAYS)])).rowCount ?? 0;
      const apiJob = async (): Promise<LifecycleOutcome> => {
        const t = performance.now();
        const report = await modules.run(jobDb, now);
        const elapsed = performance.now() - t;
        const transitions = report.renewed + report.expired + report.disabled + report.deleted;
        return { transitions, ms: elapsed, report: { ...report } };
      };
      const rawJob = () => rawLifecycle(rawClient(0), now);
      // Warm-up of both (Prisma's pool and statement caches, the raw connection).
      await addExpiring(pool, "warm-api", lifecycleProductId, LIFECYCLE_WARMUP_N, termEndsAt);
      await apiJob();
      await addExpiring(pool, "warm-raw", lifecycleProductId, LIFECYCLE_WARMUP_N, termEndsAt);
      await rawJob();
      interface LifecycleRound {
        api: LifecycleOutcome;
        apiAgain: LifecycleOutcome;
        raw: LifecycleOutcome;
        rawAgain: LifecycleOutcome;
      }
      const lifecycle: LifecycleRound[] = [];
      let lastApiTenant = "";
      for (let round = 0; round < LIFECYCLE_ROUNDS; round++) {
        const apiTenant = await addExpiring(pool, `api-${round}`, lifecycleProductId, LIFECYCLE_N, termEndsAt);
        const dueBefore = await dueCount();
        if (dueBefore !== LIFECYCLE_N) throw new Error(`${dueBefore} subscriptions due, expected ${LIFECYCLE_N}`);
        lastApiTenant = apiTenant;
        const api1 = await withCpu(apiJob);
        const api2 = await apiJob();
        if ((await countExpired(pool, apiTenant)) !== LIFECYCLE_N || api1.transitions !== LIFECYCLE_N) {
          throw new Error(`the API job made ${api1.transitions} transitions: ${JSON.stringify(api1.report)}`);
        }
        const rawTenant = await addExpiring(pool, `raw-${round}`, lifecycleProductId, LIFECYCLE_N, termEndsAt);
        const raw1 = await withCpu(rawJob);
        const raw2 = await rawJob();
        if ((await countExpired(pool, rawTenant)) !== LIFECYCLE_N || raw1.transitions !== LIFECYCLE_N) {
          throw new Error(`the raw job made ${raw1.transitions} transitions`);
        }
        lifecycle.push({ api: api1, apiAgain: api2, raw: raw1, rawAgain: raw2 });
        process.stdout.write(
          `billing: lifecycle round ${round + 1}: API ${ms(api1.ms)} ms (again ${ms(api2.ms)} ms, ${api2.transitions} transitions), ` +
            `raw ${ms(raw1.ms)} ms (again ${ms(raw2.ms)} ms)\n`,
        );
      }
      // One subscription through the job, statement by statement (the whole run: due query, transaction, deadlines, purge).
      await addExpiring(pool, "one-api", lifecycleProductId, 1, termEndsAt);
      const t3 = performance.now();
      const { statements: oneJob } = await captureSql(() => apiJob());
      await addExpiring(pool, "one-raw", lifecycleProductId, 1, termEndsAt);
      const t4 = performance.now();
      const { statements: oneRawJob } = await captureSql(() => rawJob());
      const { rows: deadlineRows } = await pool.query(DEADLINES, [now]);
      const seatLockPlan = await explainSummary(pool, LOCK_SEATS, [lastApiTenant, [lifecycleProductId]]);

      // ── Report ──
      const load = os.loadavg();
      const out: string[] = [""];
      out.push(
        await environmentLine(
          pool,
          `API from ${api.source}, Prisma pool 10, keep-alive HTTP (one session of ${BILLING_ADMIN.email}) vs raw pg connections`,
        ),
      );
      out.push(
        `Data: demo seed; Contoso ${SKU}: the seeded subscription + ${CONCURRENCY - 1} more (worker k changes subscription k; all queue on one seat row). ` +
          `${ROUNDS} rounds of ${SEQUENTIAL_N} sequential changes, ${PASS_MS / 1000} s at ${CONCURRENCY} in flight and ${SEQUENTIAL_N} replays, API then raw, after ${WARMUP} warm-up changes each. ` +
          `${changes} changes in all (invoices ${before.invoices} → ${after.invoices}).`,
      );
      out.push(
        "Baseline changeSeats (raw pg, one connection per worker): BEGIN; advisory lock on the key; key lookup; seat row FOR UPDATE (seat-ledger SQL, product from the subscription); " +
          "subscription FOR UPDATE (+ price); seat state read; UPDATE seats; INSERT order; next invoice number (counter row); INSERT invoice; INSERT line; UPDATE deadline; INSERT audit; INSERT key + answer; COMMIT. " +
          "Replay: BEGIN; advisory lock; lookup; COMMIT.",
      );
      out.push(
        `Baseline lifecycle (raw pg, one connection): the due query; per subscription BEGIN; seat row FOR UPDATE (same SQL); subscription FOR UPDATE; UPDATE state; INSERT audit; COMMIT; ` +
          `then the deadlines (${deadlineRows.length} row(s) with a deadline: lock, check, recount, refresh) and the key purge.`,
      );
      out.push("");
      out.push("changeSeats, 1 in flight (+1 seat, fresh Idempotency-Key):");
      out.push(roundsTable(seqApi, seqRaw, "req/s"));
      out.push("");
      out.push(`changeSeats, ${CONCURRENCY} in flight:`);
      out.push(roundsTable(parApi, parRaw, "req/s"));
      out.push("");
      out.push(
        `changeSeats, ${CONCURRENCY} in flight on ${CONCURRENCY} different products (no shared seat row; one tenant, so one invoice counter row):`,
      );
      out.push(roundsTable(spreadApi, spreadRaw, "req/s"));
      out.push("");
      out.push("Replay (same key and body again: the stored answer), 1 in flight:");
      out.push(roundsTable(repApi, repRaw, "req/s"));
      out.push("");
      out.push(
        `Lifecycle job, ${LIFECYCLE_N} subscriptions expiring (each round a fresh tenant), then the same job again:`,
      );
      out.push(
        table(
          [
            "",
            "API total",
            "API per sub",
            "API node CPU/sub",
            "raw total",
            "raw per sub",
            "raw node CPU/sub",
            "API/raw",
            "API again",
            "transitions again",
            "raw again",
          ],
          lifecycle.map((r, i) => [
            `round ${i + 1}`,
            `${ms(r.api.ms)} ms`,
            `${ms(r.api.ms / r.api.transitions)} ms`,
            `${ms((r.api.cpuMs ?? Number.NaN) / r.api.transitions)} ms`,
            `${ms(r.raw.ms)} ms`,
            `${ms(r.raw.ms / r.raw.transitions)} ms`,
            `${ms((r.raw.cpuMs ?? Number.NaN) / r.raw.transitions)} ms`,
            ratio(r.api.ms, r.raw.ms),
            `${ms(r.apiAgain.ms)} ms`,
            String(r.apiAgain.transitions),
            `${ms(r.rawAgain.ms)} ms`,
          ]),
        ),
      );
      out.push(
        `API job report (last round): ${JSON.stringify(lifecycle.at(-1)?.api.report)}; again: ${JSON.stringify(lifecycle.at(-1)?.apiAgain.report)}`,
      );
      out.push("");

      const lf = (pick: (r: LifecycleRound) => number) => median(lifecycle.map(pick));
      const rate = (passes: Pass[]) => medianOf(passes, (x) => x.perSecond);
      const summaryRows: string[][] = [
        ["changeSeats 1 in flight: p50", ...triple(p(seqApi, "p50"), p(seqRaw, "p50"))],
        ["changeSeats 1 in flight: p95", ...triple(p(seqApi, "p95"), p(seqRaw, "p95"))],
        ["changeSeats 1 in flight: p99", ...triple(p(seqApi, "p99"), p(seqRaw, "p99"))],
        [
          "changeSeats 1 in flight: req/s",
          rate(seqApi).toFixed(0),
          rate(seqRaw).toFixed(0),
          ratio(rate(seqApi), rate(seqRaw)),
        ],
        [`changeSeats ${CONCURRENCY} in flight: p50`, ...triple(p(parApi, "p50"), p(parRaw, "p50"))],
        [`changeSeats ${CONCURRENCY} in flight: p95`, ...triple(p(parApi, "p95"), p(parRaw, "p95"))],
        [`changeSeats ${CONCURRENCY} in flight: p99`, ...triple(p(parApi, "p99"), p(parRaw, "p99"))],
        [
          `changeSeats ${CONCURRENCY} in flight: req/s`,
          rate(parApi).toFixed(0),
          rate(parRaw).toFixed(0),
          ratio(rate(parApi), rate(parRaw)),
        ],
        [
          `changeSeats ${CONCURRENCY} products: req/s`,
          rate(spreadApi).toFixed(0),
          rate(spreadRaw).toFixed(0),
          ratio(rate(spreadApi), rate(spreadRaw)),
        ],
        ["replay: p50", ...triple(p(repApi, "p50"), p(repRaw, "p50"))],
        ["replay: p95", ...triple(p(repApi, "p95"), p(repRaw, "p95"))],
        [
          `lifecycle ${LIFECYCLE_N}: total`,
          ...triple(
            lf((r) => r.api.ms),
            lf((r) => r.raw.ms),
          ),
        ],
        [
          "lifecycle: per subscription",
          ...triple(
            lf((r) => r.api.ms / r.api.transitions),
            lf((r) => r.raw.ms / r.raw.transitions),
          ),
        ],
        [
          "lifecycle again (0 due): total",
          ...triple(
            lf((r) => r.apiAgain.ms),
            lf((r) => r.rawAgain.ms),
          ),
        ],
      ];
      out.push(
        "Summary (medians over rounds; API/raw > 1× means the API takes longer, < 1× on req/s means fewer per second):",
      );
      out.push(table(["", "API", "raw", "API/raw"], summaryRows));
      const seqRatio = p(seqApi, "p50") / p(seqRaw, "p50");
      const lifeRatio = lf((r) => r.api.ms) / lf((r) => r.raw.ms);
      const hold = (passes: Pass[]) => median(passes.map((x) => (x.locks as LockSummary).holdMean));
      const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(0)} %`;
      out.push(
        `What it shows: one changeSeats takes ${seqRatio.toFixed(1)}× the hand-written transaction at p50 (${loneApi.length} statements vs ${loneRaw.length}; ` +
          `node CPU ${ms(medianOf(seqApi, (x) => x.cpuMsPerTx))} vs ${ms(medianOf(seqRaw, (x) => x.cpuMsPerTx))} ms); at ${CONCURRENCY} in flight the API reaches ` +
          `${pct(rate(parApi), rate(parRaw))} of the raw throughput on one product (seat row held ${ms(hold(parApi))} vs ${ms(hold(parRaw))} ms) and ` +
          `${pct(rate(spreadApi), rate(spreadRaw))} on ${CONCURRENCY} products; a replay costs ${(p(repApi, "p50") / p(repRaw, "p50")).toFixed(1)}× its lock + lookup; ` +
          `the lifecycle job takes ${lifeRatio.toFixed(1)}× its baseline (${ms(lf((r) => r.api.ms / r.api.transitions))} ms per subscription, same statements) ` +
          `and a second run changes nothing in ${ms(lf((r) => r.apiAgain.ms))} ms.`,
      );
      out.push("");
      out.push(
        `Locks at ${CONCURRENCY} in flight, held from the lock statement's answer to COMMIT's (1000 / mean hold is the ceiling): the product's seat row, ` +
          "and the tenant's invoice counter row every charged change locks. Node CPU/tx and event loop busy: this process (API + HTTP clients, or the pg driver):",
      );
      const lockRow = (name: string, passes: Pass[]) => {
        const l = passes.map((x) => x.locks as LockSummary);
        const invoice = median(passes.map((x) => x.invoiceLockMs));
        return [
          name,
          String(median(l.map((x) => x.statements))),
          String(median(l.map((x) => x.statementsUnderLock))),
          `${ms(median(l.map((x) => x.holdMean)))} ms`,
          `${ms(median(l.map((x) => x.waitP50)))} ms`,
          median(l.map((x) => x.ceilingPerSecond)).toFixed(0),
          `${ms(invoice)} ms`,
          (1000 / invoice).toFixed(0),
          rate(passes).toFixed(0),
          `${ms(medianOf(passes, (x) => x.cpuMsPerTx))} ms`,
          `${(100 * medianOf(passes, (x) => x.eventLoop)).toFixed(0)} %`,
        ];
      };
      out.push(
        table(
          [
            "",
            "statements/tx",
            "under seat lock",
            "seat hold mean",
            "seat wait p50",
            "seat ceiling/s (per row)",
            "invoice-lock hold",
            "invoice ceiling/s",
            "measured/s",
            "node CPU/tx",
            "event loop busy",
          ],
          [
            lockRow("API, 1 product", parApi),
            lockRow("raw, 1 product", parRaw),
            lockRow(`API, ${CONCURRENCY} products`, spreadApi),
            lockRow(`raw, ${CONCURRENCY} products`, spreadRaw),
          ],
        ),
      );
      out.push(
        `1 in flight, node CPU per change: API ${ms(medianOf(seqApi, (x) => x.cpuMsPerTx))} ms, raw ${ms(medianOf(seqRaw, (x) => x.cpuMsPerTx))} ms; ` +
          `per replay: API ${ms(medianOf(repApi, (x) => x.cpuMsPerTx))} ms, raw ${ms(medianOf(repRaw, (x) => x.cpuMsPerTx))} ms.`,
      );
      out.push("");
      out.push(`One API changeSeats alone: ${ms(loneApiMs)} ms end to end, ${loneApi.length} SQL statements:`);
      out.push(statementTable(loneApi, t0));
      out.push("");
      out.push(`One baseline changeSeats alone: ${ms(loneRawMs)} ms, ${loneRaw.length} statements:`);
      out.push(statementTable(loneRaw, t1));
      out.push("");
      out.push(`One API replay alone: ${ms(loneReplayMs)} ms end to end, ${loneReplay.length} SQL statements:`);
      out.push(statementTable(loneReplay, t2));
      if (ordersRead) {
        out.push("");
        out.push(`The answer's order read (${oneLine(ordersRead.text, 90)}), with ${after.lines} invoice lines:`);
        for (const line of ordersPlan) out.push(`  ${line}`);
      }
      out.push("");
      out.push(
        `The seat lock of a lifecycle transaction (tenant × product with ${LIFECYCLE_N} subscriptions, now expired):`,
      );
      for (const line of seatLockPlan) out.push(`  ${line}`);
      out.push("");
      out.push(`The API job with 1 subscription due: ${oneJob.length} statements:`);
      out.push(statementTable(oneJob, t3));
      out.push("");
      out.push(`The baseline job with 1 subscription due: ${oneRawJob.length} statements:`);
      out.push(statementTable(oneRawJob, t4));
      out.push("");
      out.push(
        `billing: total ${((performance.now() - started) / 1000).toFixed(1)} s; load average at the end ${load.map((x) => x.toFixed(2)).join(" ")}`,
      );
      process.stdout.write(`${out.join("\n")}\n`);
    } finally {
      for (const client of clients) client.close();
      for (const client of rawClients) client.release();
      await jobDb.$disconnect();
      await api.close();
      await pool.end();
    }
  });
}

/** API, raw (as milliseconds) and their ratio. */
function triple(api: number, raw: number): [string, string, string] {
  return [`${ms(api)} ms`, `${ms(raw)} ms`, ratio(api, raw)];
}
