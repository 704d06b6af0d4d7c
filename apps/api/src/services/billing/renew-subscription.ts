import { renewSubscription as planRenewal, priceTerm } from "@allot/domain";
import { audit } from "../../lib/audit.js";
import { assertCanManage, auditView, billingResult, pricedProduct, stateInvalid } from "./access.js";
import { changeSubscription, finishBillingChange, type SubscriptionUseCase } from "./billing-change.js";
import { billable } from "./charges.js";
import { chargeStoredMethod } from "./payments.js";

/**
 * Renews a subscription (the domain's renewSubscription decides how): an active one renews at its term end (auto-renew
 * turned back on, billed then); an expired or disabled one is reactivated with a new term from now, billed now.
 */
export const renewSubscription: SubscriptionUseCase = (ctx, subscriptionId, idempotency) =>
  changeSubscription(ctx, subscriptionId, idempotency, async (tx, subscription) => {
    assertCanManage(ctx, subscription);
    const now = ctx.clock.now();
    const outcome = planRenewal(subscription, now);
    if (!outcome.ok) {
      throw stateInvalid(
        subscription.source === "trial"
          ? "A trial is not renewed: convert it to a paid subscription."
          : "A deleted subscription cannot be renewed: buy a new one.",
      );
    }
    if (!outcome.reactivates) {
      // Active: it renews into its next term at the end of this one (billed then); a no-op when it already does.
      if (!subscription.autoRenew) {
        await tx.subscription.update({ where: { id: subscription.id }, data: { autoRenew: true, cancelledAt: null } });
        await audit(tx, ctx, {
          action: "billing.subscriptionRenewed",
          targetType: "subscription",
          targetId: subscription.id,
          productIds: [subscription.productId],
          before: { autoRenew: false },
          after: { autoRenew: true, nextTermStartsAt: outcome.termStartsAt, nextTermEndsAt: outcome.termEndsAt },
        });
      }
      return billingResult(tx, ctx.tenantId, subscription.id, null);
    }
    const product = await pricedProduct(ctx.db, tx, subscription.productId);
    const charge = billable(
      priceTerm("renewal", product, subscription.seats, subscription.billingTerm, outcome.termStartsAt),
    );
    await tx.subscription.update({
      where: { id: subscription.id },
      data: {
        state: "active",
        stateChangedAt: now,
        termStartsAt: outcome.termStartsAt,
        termEndsAt: outcome.termEndsAt,
        autoRenew: true,
        cancelledAt: null,
      },
    });
    return finishBillingChange(tx, ctx, subscription, {
      now,
      bill: { charge, payment: chargeStoredMethod(subscription.paymentProvider, subscription.cardLast4) },
      conflictDeadline: { accepting: false },
      audit: () => ({
        action: "billing.subscriptionReactivated",
        targetType: "subscription",
        targetId: subscription.id,
        productIds: [subscription.productId],
        before: auditView(subscription),
        after: {
          state: "active",
          termStartsAt: outcome.termStartsAt,
          termEndsAt: outcome.termEndsAt,
          amountCents: charge.amountCents,
        },
      }),
    });
  });
