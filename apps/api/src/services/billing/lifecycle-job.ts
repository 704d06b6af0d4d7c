import type { AuditAction } from "@allot/contracts";
import type { Db, SqlTx } from "@allot/db";
import {
  addDays,
  DISABLED_DAYS,
  dueLifecycleSteps,
  EXPIRED_GRACE_DAYS,
  type LifecycleStep,
  priceTerm,
} from "@allot/domain";
import { type AuditEntry, auditBySystem } from "../../lib/audit.js";
import { purgeExpiredIdempotencyKeys } from "../../lib/idempotency.js";
import { expireTrials, type TrialExpiryReport } from "../licenses/expire-trials.js";
import { lockSeats } from "../seats/seat-ledger.js";
import { isOwnerHeld, lockSubscription, pricedProduct, type SubscriptionRecord } from "./access.js";
import { billable, recordCharge } from "./charges.js";
import { refreshConflictDeadline, shortfallOf } from "./conflict-deadline.js";
import { removeExcessHolders } from "./excess-holders.js";
import { chargeStoredMethod } from "./payments.js";

export interface LifecycleReport extends TrialExpiryReport {
  renewed: number;
  expired: number;
  disabled: number;
  deleted: number;
  /** Licenses taken away: deleted subscriptions and conflicts past their deadline. */
  licensesRemoved: number;
  deadlinesPassed: number;
}

function emptyReport(): LifecycleReport {
  return {
    renewed: 0,
    expired: 0,
    disabled: 0,
    deleted: 0,
    licensesRemoved: 0,
    deadlinesPassed: 0,
    trialLicensesExpired: 0,
    individualTrialsEnded: 0,
  };
}

const TRANSACTION = { maxWait: 30_000, timeout: 120_000 } as const;

/**
 * The scheduled billing job: walks every subscription whose next transition is due through the lifecycle
 * (auto-renewals billed, expired → disabled → deleted), enforces accepted conflicts' 90-day deadlines, removes trial
 * licenses and ends individual trials whose own 90 days are over (see expireTrials), and forgets
 * idempotency keys older than 24 h. Each subscription changes in its own transaction under the same locks as an
 * admin's change, and the due steps are recomputed under the lock, so two runs at once, or one run twice, apply
 * each transition once.
 */
export async function runSubscriptionLifecycle(db: Db, now: Date): Promise<LifecycleReport> {
  const report = emptyReport();
  const requestId = `lifecycle:${now.toISOString()}`;
  const due = await db.$queryRaw<Array<{ id: string; tenantId: string; productId: string }>>`
    SELECT id::text AS id, "tenantId"::text AS "tenantId", "productId"::text AS "productId" FROM "Subscription"
     WHERE (state = 'active' AND "termEndsAt" <= ${now})
        OR (state = 'expired' AND "stateChangedAt" <= ${addDays(now, -EXPIRED_GRACE_DAYS)})
        OR (state = 'disabled' AND "stateChangedAt" <= ${addDays(now, -DISABLED_DAYS)})
     ORDER BY "termEndsAt", id`;
  for (const candidate of due) {
    await db.$transaction(async (tx) => {
      await lockSeats(tx, candidate.tenantId, [candidate.productId]);
      const subscription = await lockSubscription(tx, candidate.tenantId, candidate.id);
      // One batch per run (at most MAX_RENEWALS_PER_RUN renewals), so a long pause is caught up over several runs.
      for (const step of dueLifecycleSteps(subscription, now)) {
        await applyStep(db, tx, subscription, step, requestId, report);
      }
    }, TRANSACTION);
  }

  const deadlines = await db.$queryRaw<Array<{ tenantId: string; productId: string; due: boolean }>>`
    SELECT "tenantId"::text AS "tenantId", "productId"::text AS "productId", "conflictResolveBy" <= ${now} AS due
      FROM "TenantProduct" WHERE "conflictResolveBy" IS NOT NULL`;
  for (const row of deadlines) {
    await db.$transaction(async (tx) => {
      await lockSeats(tx, row.tenantId, [row.productId]);
      const [locked] = await tx.$queryRaw<Array<{ due: boolean }>>`
        SELECT "conflictResolveBy" <= ${now} AS due FROM "TenantProduct"
         WHERE "tenantId" = ${row.tenantId}::uuid AND "productId" = ${row.productId}::uuid AND "conflictResolveBy" IS NOT NULL`;
      if (locked?.due && (await shortfallOf(tx, row.tenantId, row.productId)) > 0) {
        report.deadlinesPassed++;
        report.licensesRemoved += await removeExcessHolders(tx, row.tenantId, row.productId, "conflictDeadlinePassed", {
          requestId,
        });
      }
      // Resolved (by the removal, or earlier by an admin): the deadline goes.
      await refreshConflictDeadline(tx, row.tenantId, row.productId, now, false);
    }, TRANSACTION);
  }
  Object.assign(report, await expireTrials(db, now, requestId));
  await purgeExpiredIdempotencyKeys(db, now);
  return report;
}

/**
 * Brings a subscription the caller has locked (seat row first, then the subscription) up to `now` before a billing
 * change acts on it: a term that ended since the job last ran is renewed (and billed from its end) or expired
 * first, so a change never prorates against a term that is over, and seats are never usable unbilled between the
 * term's end and the job's next run.
 */
export async function catchUpLifecycle(
  db: Db,
  tx: SqlTx,
  subscription: SubscriptionRecord,
  now: Date,
  requestId: string,
): Promise<LifecycleReport> {
  const report = emptyReport();
  for (
    let steps = dueLifecycleSteps(subscription, now);
    steps.length > 0;
    steps = dueLifecycleSteps(subscription, now)
  ) {
    for (const step of steps) await applyStep(db, tx, subscription, step, requestId, report);
  }
  return report;
}

async function applyStep(
  db: Db,
  tx: SqlTx,
  subscription: SubscriptionRecord,
  step: LifecycleStep,
  requestId: string,
  report: LifecycleReport,
) {
  const entry = (action: AuditAction, after: Record<string, unknown>): AuditEntry => ({
    action,
    targetType: "subscription",
    targetId: subscription.id,
    productIds: [subscription.productId],
    before: { state: subscription.state, termEndsAt: subscription.termEndsAt },
    after,
  });
  if (step.kind === "renew") {
    const product = await pricedProduct(db, tx, subscription.productId);
    const charge = billable(
      priceTerm("renewal", product, subscription.seats, subscription.billingTerm, step.termStartsAt),
    );
    await tx.$executeRaw`
      UPDATE "Subscription" SET "termStartsAt" = ${step.termStartsAt}::timestamptz,
             "termEndsAt" = ${step.termEndsAt}::timestamptz, "updatedAt" = now()
       WHERE id = ${subscription.id}::uuid`;
    await recordCharge(
      tx,
      { tenantId: subscription.tenantId, userId: null, now: step.termStartsAt },
      {
        subscriptionId: subscription.id,
        productId: subscription.productId,
        charge,
        payment: chargeStoredMethod(subscription.paymentProvider, subscription.cardLast4),
      },
    );
    await auditBySystem(
      tx,
      subscription.tenantId,
      [
        entry("billing.subscriptionAutoRenewed", {
          termStartsAt: step.termStartsAt,
          termEndsAt: step.termEndsAt,
          amountCents: charge.amountCents,
        }),
      ],
      requestId,
    );
    report.renewed++;
    Object.assign(subscription, { termStartsAt: step.termStartsAt, termEndsAt: step.termEndsAt });
    return;
  }
  const state = step.kind === "expire" ? "expired" : step.kind === "disable" ? "disabled" : "deleted";
  await tx.$executeRaw`
    UPDATE "Subscription" SET state = ${state}::"SubscriptionState", "stateChangedAt" = ${step.at}::timestamptz,
           "updatedAt" = now()
     WHERE id = ${subscription.id}::uuid`;
  const action =
    step.kind === "expire"
      ? "billing.subscriptionExpired"
      : step.kind === "disable"
        ? "billing.subscriptionDisabled"
        : "billing.subscriptionDeleted";
  await auditBySystem(tx, subscription.tenantId, [entry(action, { state, at: step.at })], requestId);
  Object.assign(subscription, { state, stateChangedAt: step.at });
  if (step.kind === "expire") report.expired++;
  else if (step.kind === "disable") report.disabled++;
  else {
    report.deleted++;
    report.licensesRemoved += await removeExcessHolders(
      tx,
      subscription.tenantId,
      subscription.productId,
      "subscriptionDeleted",
      {
        requestId,
        subscriptionId: subscription.id,
        deletedSelfService: isOwnerHeld(subscription),
      },
    );
  }
}
