import { cancelSubscription as planCancellation, priceCancellation } from "@allot/domain";
import { assertCanManage, auditView, pricedProduct, stateInvalid } from "./access.js";
import { changeSubscription, finishBillingChange, type SubscriptionUseCase } from "./billing-change.js";
import { billable } from "./charges.js";
import { chargeStoredMethod } from "./payments.js";

/**
 * Cancels a subscription (the domain's cancelSubscription decides the resulting state): unused days of an active
 * term are credited, which ends the seats at once; otherwise a monthly one is disabled and an annual one or a trial
 * starts its 30 days of grace.
 */
export const cancelSubscription: SubscriptionUseCase = (ctx, subscriptionId, idempotency) =>
  changeSubscription(ctx, subscriptionId, idempotency, async (tx, subscription) => {
    assertCanManage(ctx, subscription);
    const now = ctx.clock.now();
    const product = await pricedProduct(ctx.db, tx, subscription.productId);
    // A credit for unused days ends the seats at once (disabled): the domain decides both from the same proration.
    const outcome = planCancellation(subscription, now, product.pricePerSeatMonthCents);
    if (!outcome.ok) throw stateInvalid(`The subscription is already ${subscription.state}.`);
    const charge = outcome.credit ? billable(priceCancellation(product, subscription, outcome.credit, now)) : null;
    await tx.subscription.update({
      where: { id: subscription.id },
      data: { state: outcome.state, stateChangedAt: now, cancelledAt: now, autoRenew: false },
    });
    return finishBillingChange(tx, ctx, subscription, {
      now,
      bill: charge
        ? { charge, payment: chargeStoredMethod(subscription.paymentProvider, subscription.cardLast4) }
        : null,
      conflictDeadline: false,
      audit: () => ({
        action: "billing.subscriptionCancelled",
        targetType: "subscription",
        targetId: subscription.id,
        productIds: [subscription.productId],
        before: auditView(subscription),
        after: { state: outcome.state, creditCents: charge?.amountCents ?? 0 },
      }),
    });
  });
