import type { BillingResult } from "@allot/contracts";
import { priceSeatChange } from "@allot/domain";
import { AppError } from "../../lib/app-error.js";
import type { IdempotentRequest, Remembered } from "../../lib/idempotency.js";
import type { TenantContext } from "../../types.js";
import { assertCanManage, pricedProduct } from "./access.js";
import { changeSubscriptionSql, finishBillingChange } from "./billing-change.js";
import { billable } from "./charges.js";
import { chargeStoredMethod } from "./payments.js";
import { planSeats, seatsInUse } from "./plan-seats.js";

/**
 * Adds or removes seats of an active subscription, prorated to the day. Removing seats that are assigned is refused
 * (SeatsInUse, naming who holds them) unless the admin accepts a license conflict, which must be resolved within
 * 90 days.
 */
export async function changeSeats(
  ctx: TenantContext,
  subscriptionId: string,
  body: { seats: number; acceptConflict: boolean },
  idempotency?: IdempotentRequest,
): Promise<Remembered<BillingResult>> {
  return changeSubscriptionSql(ctx, subscriptionId, idempotency, async (tx, subscription) => {
    assertCanManage(ctx, subscription);
    const outcome = await planSeats(tx, ctx, subscription, body.seats, body.acceptConflict);
    if (!outcome.ok) {
      if (outcome.code === "NoSeatChange") {
        throw new AppError("ValidationFailed", `The subscription already has ${subscription.seats} seats.`, {
          errors: [{ path: "body.seats", message: "is the current number of seats" }],
        });
      }
      throw await seatsInUse(
        tx,
        ctx.tenantId,
        subscription,
        outcome.shortfall,
        `${outcome.shortfall} of the seats to remove are assigned. Remove those licenses first, or accept a license conflict (acceptConflict: true) to resolve within 90 days.`,
      );
    }
    const product = await pricedProduct(ctx.db, tx, subscription.productId);
    const now = ctx.clock.now();
    const charge = billable(priceSeatChange(product, subscription, body.seats, now));
    await tx.$executeRaw`
      UPDATE "Subscription" SET seats = ${body.seats}, "updatedAt" = now() WHERE id = ${subscription.id}::uuid`;
    // Only a removal the admin accepted starts a deadline; adding seats to a product still short leaves it as it was.
    const accepted = body.acceptConflict && outcome.seatsDelta < 0 && outcome.shortfall > 0;
    return finishBillingChange(tx, ctx, subscription, {
      now,
      bill: { charge, payment: chargeStoredMethod(subscription.paymentProvider, subscription.cardLast4) },
      conflictDeadline: { accepting: accepted },
      audit: (resolveBy) => ({
        action: "billing.seatsChanged",
        targetType: "subscription",
        targetId: subscription.id,
        productIds: [subscription.productId],
        before: { seats: subscription.seats },
        after: {
          seats: body.seats,
          amountCents: charge.amountCents,
          ...(accepted ? { conflictAccepted: true, shortfall: outcome.shortfall, resolveBy } : {}),
        },
      }),
    });
  });
}
