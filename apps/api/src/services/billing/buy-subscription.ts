import type { BillingResult } from "@allot/contracts";
import { type BillingTerm, priceTerm, termEnd } from "@allot/domain";
import { type IdempotentRequest, type Remembered, withIdempotency } from "../../lib/idempotency.js";
import type { TenantContext } from "../../types.js";
import { lockSeats } from "../seats/seat-ledger.js";
import { assertCanBuy, assertForSale, auditView, productBySkuId } from "./access.js";
import { finishBillingChange } from "./billing-change.js";
import { billable } from "./charges.js";
import { chargeStoredMethod } from "./payments.js";

/**
 * A billing admin buys seats of a product for a monthly or annual term: a new subscription, billed now on account
 * (an open invoice). A Power Platform admin buys Power Platform products only.
 */
export async function buySubscription(
  ctx: TenantContext,
  body: { skuId: string; seats: number; billingTerm: BillingTerm; autoRenew: boolean },
  idempotency?: IdempotentRequest,
): Promise<Remembered<BillingResult>> {
  return withIdempotency(ctx, idempotency, async (tx) => {
    const product = await productBySkuId(tx, body.skuId);
    assertCanBuy(ctx, product);
    assertForSale(product);
    const now = ctx.clock.now();
    const charge = billable(priceTerm("purchase", product, body.seats, body.billingTerm, now));
    const subscription = await tx.subscription.create({
      data: {
        tenantId: ctx.tenantId,
        productId: product.id,
        seats: body.seats,
        state: "active",
        source: "admin",
        autoRenew: body.autoRenew,
        billingTerm: body.billingTerm,
        termStartsAt: now,
        termEndsAt: termEnd(now, body.billingTerm),
        stateChangedAt: now,
        createdAt: now,
      },
    });
    await lockSeats(tx, ctx.tenantId, [product.id]);
    return finishBillingChange(tx, ctx, subscription, {
      now,
      bill: { charge, payment: chargeStoredMethod("invoice", null) },
      conflictDeadline: { accepting: false },
      audit: () => ({
        action: "billing.subscriptionPurchased",
        targetType: "subscription",
        targetId: subscription.id,
        productIds: [product.id],
        after: { ...auditView(subscription), skuId: product.skuId, amountCents: charge.amountCents },
      }),
    });
  });
}
