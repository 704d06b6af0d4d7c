import type { Subscription } from "@allot/contracts";
import { checkAutoRenewChange } from "@allot/domain";
import { audit } from "../../lib/audit.js";
import type { TenantContext } from "../../types.js";
import { assertCanManage, lockSubscription, stateInvalid } from "./access.js";
import { loadSubscriptions } from "./subscription-view.js";

/** Turns a subscription's auto-renew on or off (a no-op, unaudited, when it already is so). */
export async function setAutoRenew(
  ctx: TenantContext,
  subscriptionId: string,
  body: { autoRenew: boolean },
): Promise<Subscription> {
  return ctx.db.$transaction(async (tx) => {
    const subscription = await lockSubscription(tx, ctx.tenantId, subscriptionId);
    assertCanManage(ctx, subscription);
    const guard = checkAutoRenewChange(subscription, body.autoRenew);
    if (!guard.ok) {
      throw stateInvalid(
        guard.reason === "trialDoesNotRenew"
          ? "A trial does not renew: convert it to a paid subscription instead."
          : `Auto-renew can be changed on an active subscription only; this one is ${guard.state}.`,
      );
    }
    if (subscription.autoRenew !== body.autoRenew) {
      await tx.subscription.update({ where: { id: subscription.id }, data: { autoRenew: body.autoRenew } });
      await audit(tx, ctx, {
        action: "billing.autoRenewChanged",
        targetType: "subscription",
        targetId: subscription.id,
        productIds: [subscription.productId],
        before: { autoRenew: subscription.autoRenew },
        after: { autoRenew: body.autoRenew },
      });
    }
    const [view] = await loadSubscriptions(tx, ctx.tenantId, { ids: [subscription.id] });
    return view as Subscription;
  });
}
