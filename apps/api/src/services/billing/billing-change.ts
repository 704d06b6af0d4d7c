import type { BillingResult } from "@allot/contracts";
import type { SqlTx, Tx } from "@allot/db";
import type { Charge } from "@allot/domain";
import { type AuditEntry, auditMany } from "../../lib/audit.js";
import { type IdempotentRequest, type Remembered, withIdempotency, withIdempotencySql } from "../../lib/idempotency.js";
import type { TenantContext } from "../../types.js";
import { lockSeats } from "../seats/seat-ledger.js";
import { billingResult, lockSubscription, type SubscriptionRecord } from "./access.js";
import { recordCharge } from "./charges.js";
import { refreshConflictDeadline } from "./conflict-deadline.js";
import { catchUpLifecycle } from "./lifecycle-job.js";
import type { PaymentOutcome } from "./payments.js";

/**
 * The steps billing changes to a subscription share. Each change locks the product's seat row before the
 * subscription row (the order the lifecycle job uses too), and takes the invoice-number lock (the tenant's
 * InvoiceCounter row, in recordCharge) last, so billing changes cannot deadlock.
 */

/**
 * Locks the product's seat row, then the subscription, and applies the lifecycle steps due by now (a renewal or
 * expiry the scheduled job has not reached yet), so the change acts on the subscription as it really is.
 */
export async function lockForChange(
  tx: SqlTx,
  ctx: TenantContext,
  subscriptionId: string,
): Promise<SubscriptionRecord> {
  const [peek] = await tx.$queryRaw<Array<{ productId: string }>>`
    SELECT "productId"::text AS "productId" FROM "Subscription"
     WHERE id = ${subscriptionId}::uuid AND "tenantId" = ${ctx.tenantId}::uuid`;
  if (peek) await lockSeats(tx, ctx.tenantId, [peek.productId]);
  const subscription = await lockSubscription(tx, ctx.tenantId, subscriptionId);
  await catchUpLifecycle(ctx.db, tx, subscription, ctx.clock.now(), ctx.requestId);
  return subscription;
}

/**
 * A change of one subscription: under the request's idempotency key, in one transaction, on the subscription locked
 * and brought up to date (`lockForChange`). What `change` returns is the answer (and what a replay returns).
 */
export function changeSubscription<T>(
  ctx: TenantContext,
  subscriptionId: string,
  idempotency: IdempotentRequest | undefined,
  change: (tx: Tx, subscription: SubscriptionRecord) => Promise<T>,
): Promise<Remembered<T>> {
  return withIdempotency(ctx, idempotency, async (tx) => change(tx, await lockForChange(tx, ctx, subscriptionId)));
}

/**
 * changeSubscription for a change whose statements are all raw SQL (changeSeats, the hot one): the same steps on
 * node-postgres directly, without Prisma's per-statement work.
 */
export function changeSubscriptionSql<T>(
  ctx: TenantContext,
  subscriptionId: string,
  idempotency: IdempotentRequest | undefined,
  change: (tx: SqlTx, subscription: SubscriptionRecord) => Promise<T>,
): Promise<Remembered<T>> {
  return withIdempotencySql(ctx, idempotency, async (tx) => change(tx, await lockForChange(tx, ctx, subscriptionId)));
}

/** A use case that changes one subscription as it stands (cancel, renew, take over). */
export type SubscriptionUseCase = (
  ctx: TenantContext,
  subscriptionId: string,
  idempotency?: IdempotentRequest,
) => Promise<Remembered<BillingResult>>;

/** How a billing change ends, once the subscription row is written. */
export interface BillingChangeEnd {
  /** When the change is made. */
  now: Date;
  /** What it bills or credits and how it is paid (an order, and an invoice when money moves); null: nothing. */
  bill: { charge: Charge; payment: PaymentOutcome } | null;
  /**
   * Whether the product's seats changed, so its conflict deadline is brought in step (cleared once nobody is without
   * a seat); `accepting`: this change knowingly leaves holders without a seat, which starts a deadline.
   */
  conflictDeadline: false | { accepting: boolean };
  /** The audit event, given the conflict deadline now in force (null when there is none or it was not looked at). */
  audit: (resolveBy: Date | null) => AuditEntry;
}

/**
 * The tail every billing change shares: record the charge, keep the conflict deadline in step, write the audit
 * event, and answer the subscription with the order and invoice written.
 */
export async function finishBillingChange(
  tx: SqlTx,
  ctx: TenantContext,
  subscription: { id: string; productId: string },
  end: BillingChangeEnd,
): Promise<BillingResult> {
  const recorded = end.bill
    ? await recordCharge(
        tx,
        { tenantId: ctx.tenantId, userId: ctx.actor.userId, now: end.now },
        { subscriptionId: subscription.id, productId: subscription.productId, ...end.bill },
      )
    : null;
  const resolveBy = end.conflictDeadline
    ? await refreshConflictDeadline(tx, ctx.tenantId, subscription.productId, end.now, end.conflictDeadline.accepting)
    : null;
  await auditMany(tx, ctx, [end.audit(resolveBy)]);
  return billingResult(tx, ctx.tenantId, subscription.id, recorded);
}
