import type { BillingResult } from "@allot/contracts";
import { type BillingTerm, checkTrialConversion, priceTerm, termEnd } from "@allot/domain";
import type { IdempotentRequest, Remembered } from "../../lib/idempotency.js";
import type { TenantContext } from "../../types.js";
import { assertNotSignUpTrial, auditView, pricedProduct, stateInvalid } from "./access.js";
import { changeSubscription, finishBillingChange } from "./billing-change.js";
import { billable } from "./charges.js";
import { chargeStoredMethod } from "./payments.js";
import { planSeats, seatsInUse } from "./plan-seats.js";

/**
 * Converts a trial into a paid subscription with a new term from now, billed now on account. Fewer seats than the
 * trial's are refused (SeatsInUse) when the dropped ones are assigned.
 */
export async function convertTrial(
  ctx: TenantContext,
  subscriptionId: string,
  body: { billingTerm: BillingTerm; seats?: number | undefined },
  idempotency?: IdempotentRequest,
): Promise<Remembered<BillingResult>> {
  return changeSubscription(ctx, subscriptionId, idempotency, async (tx, subscription) => {
    assertNotSignUpTrial(subscription);
    const guard = checkTrialConversion(subscription);
    if (!guard.ok) {
      throw stateInvalid(
        guard.reason === "notTrial"
          ? "Only a trial can be converted to a paid subscription."
          : "A deleted trial cannot be converted: buy the product.",
      );
    }
    const seats = body.seats ?? subscription.seats;
    if (seats < subscription.seats) {
      const outcome = await planSeats(tx, ctx, { ...subscription, source: "admin", state: "active" }, seats, false);
      if (!outcome.ok && outcome.code === "SeatsInUse") {
        throw await seatsInUse(
          tx,
          ctx.tenantId,
          subscription,
          outcome.shortfall,
          `${outcome.shortfall} of the trial's seats to drop are assigned.`,
        );
      }
    }
    const product = await pricedProduct(ctx.db, tx, subscription.productId);
    const now = ctx.clock.now();
    const charge = billable(
      priceTerm("trialConversion", product, seats, body.billingTerm, now, seats - subscription.seats),
    );
    await tx.subscription.update({
      where: { id: subscription.id },
      data: {
        source: "admin",
        seats,
        billingTerm: body.billingTerm,
        state: "active",
        stateChangedAt: now,
        termStartsAt: now,
        termEndsAt: termEnd(now, body.billingTerm),
        autoRenew: true,
        cancelledAt: null,
      },
    });
    return finishBillingChange(tx, ctx, subscription, {
      now,
      bill: { charge, payment: chargeStoredMethod("invoice", null) },
      conflictDeadline: { accepting: false },
      audit: () => ({
        action: "billing.trialConverted",
        targetType: "subscription",
        targetId: subscription.id,
        productIds: [subscription.productId],
        before: auditView(subscription),
        after: { source: "admin", seats, billingTerm: body.billingTerm, amountCents: charge.amountCents },
      }),
    });
  });
}
