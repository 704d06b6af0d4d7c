import { type BillingResult, DEFAULT_TRIAL_DAYS, TRIAL_SEATS } from "@allot/contracts";
import { addDays, priceTrial } from "@allot/domain";
import { AppError } from "../../lib/app-error.js";
import { type IdempotentRequest, type Remembered, withIdempotency } from "../../lib/idempotency.js";
import type { TenantContext } from "../../types.js";
import { lockSeats } from "../seats/seat-ledger.js";
import { assertForSale, auditView, productBySkuId } from "./access.js";
import { finishBillingChange } from "./billing-change.js";
import { billable } from "./charges.js";
import { trialedProducts } from "./eligibility.js";

/**
 * A free trial: 25 seats for the product's trial length (90 days when it names none), once per product
 * per tenant. Its seats are usable like any others; it expires at its end and can be converted to a paid one.
 */
export async function startTrial(
  ctx: TenantContext,
  body: { skuId: string },
  idempotency?: IdempotentRequest,
): Promise<Remembered<BillingResult>> {
  return withIdempotency(ctx, idempotency, async (tx) => {
    const product = await productBySkuId(tx, body.skuId);
    assertForSale(product);
    if (product.kind !== "user") {
      throw new AppError("TrialNotOffered", `${product.displayName} has no free trial.`, {
        errors: [{ path: "body.skuId", message: "offers no trial" }],
      });
    }
    // The seat row lock makes two simultaneous trial starts of one product queue; the second sees the first.
    await lockSeats(tx, ctx.tenantId, [product.id]);
    if ((await trialedProducts(tx, ctx.tenantId)).has(product.id)) {
      throw new AppError("TrialAlreadyUsed", `Your organization has already had a trial of ${product.displayName}.`);
    }
    const now = ctx.clock.now();
    const end = addDays(now, product.trialDays ?? DEFAULT_TRIAL_DAYS);
    const subscription = await tx.subscription.create({
      data: {
        tenantId: ctx.tenantId,
        productId: product.id,
        seats: TRIAL_SEATS,
        state: "active",
        source: "trial",
        autoRenew: false,
        billingTerm: "monthly",
        termStartsAt: now,
        termEndsAt: end,
        stateChangedAt: now,
        createdAt: now,
      },
    });
    return finishBillingChange(tx, ctx, subscription, {
      now,
      bill: {
        charge: billable(priceTrial(product, TRIAL_SEATS, now, end)),
        payment: { provider: "invoice", paid: true, cardLast4: null },
      },
      conflictDeadline: { accepting: false },
      audit: () => ({
        action: "billing.trialStarted",
        targetType: "subscription",
        targetId: subscription.id,
        productIds: [product.id],
        after: { ...auditView(subscription), skuId: product.skuId },
      }),
    });
  });
}
