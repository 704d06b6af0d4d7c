import { checkTakeOver } from "@allot/domain";
import { stateInvalid } from "./access.js";
import { changeSubscription, finishBillingChange, type SubscriptionUseCase } from "./billing-change.js";

const REFUSALS = {
  notSelfService: "Only a self-service subscription can be taken over.",
  alreadyTakenOver: "This subscription was already taken over.",
  deleted: "A deleted subscription cannot be taken over.",
} as const;

/**
 * An admin takes over a maker's self-service subscription: admins assign its seats from now on, and the organization
 * pays for it on account instead of the maker's card.
 */
export const takeOverSubscription: SubscriptionUseCase = (ctx, subscriptionId, idempotency) =>
  changeSubscription(ctx, subscriptionId, idempotency, async (tx, subscription) => {
    const guard = checkTakeOver({ ...subscription, takenOver: subscription.takenOverAt !== null });
    if (!guard.ok) throw stateInvalid(REFUSALS[guard.reason]);
    const now = ctx.clock.now();
    // From now on the organization pays on account; the maker's card is no longer charged.
    await tx.subscription.update({
      where: { id: subscription.id },
      data: { takenOverAt: now, paymentProvider: "invoice", cardLast4: null },
    });
    return finishBillingChange(tx, ctx, subscription, {
      now,
      bill: null,
      conflictDeadline: false,
      audit: () => ({
        action: "billing.subscriptionTakenOver",
        targetType: "subscription",
        targetId: subscription.id,
        productIds: [subscription.productId],
        before: { ownerUserId: subscription.ownerUserId, paymentProvider: subscription.paymentProvider },
        after: { takenOverAt: now, paymentProvider: "invoice" },
      }),
    });
  });
