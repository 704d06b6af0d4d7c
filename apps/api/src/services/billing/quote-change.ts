import type { Quote, quoteRequestSchema } from "@allot/contracts";
import {
  type Charge,
  can,
  cancelSubscription,
  checkTrialConversion,
  holdersDependingOn,
  lifecycleAt,
  priceCancellation,
  priceSeatChange,
  priceTerm,
  renewSubscription,
} from "@allot/domain";
import type { z } from "zod";
import { AppError } from "../../lib/app-error.js";
import type { TenantContext } from "../../types.js";
import { seatStates } from "../seats/seat-states.js";
import {
  assertCanBuy,
  assertCanManage,
  assertOwnPerson,
  forbiddenToManage,
  pricedProduct,
  productBySkuId,
  readSubscription,
  stateInvalid,
} from "./access.js";
import { billable } from "./charges.js";
import { selfServiceAllowed } from "./eligibility.js";
import { planSeats } from "./plan-seats.js";

type ParsedQuoteRequest = z.output<typeof quoteRequestSchema>;

const NOTHING_DUE = { amountCents: 0, lines: [], daysLeft: null, termDays: null, shortfall: 0 };

function toQuote(charge: Charge, shortfall = 0): Quote {
  return {
    kind: charge.kind,
    amountCents: charge.amountCents,
    currency: charge.currency,
    lines: charge.lines.map((line) => ({
      ...line,
      periodStart: line.periodStart.toISOString(),
      periodEnd: line.periodEnd.toISOString(),
    })),
    daysLeft: charge.daysLeft,
    termDays: charge.termDays,
    shortfall,
  };
}

/**
 * What a billing change would cost, priced exactly as the change will be (same functions, same clock), written
 * nowhere. Run in a transaction so the subscription read is the one the change would lock.
 */
export async function quoteChange(ctx: TenantContext, request: ParsedQuoteRequest): Promise<Quote> {
  const now = ctx.clock.now();
  return ctx.db.$transaction(async (tx) => {
    switch (request.kind) {
      case "purchase":
      case "selfServicePurchase": {
        if (request.kind === "selfServicePurchase") {
          if (!can(ctx.roles, "billing.selfServicePurchase")) throw forbiddenToManage();
          assertOwnPerson(ctx);
        } else if (!can(ctx.roles, "billing.manage") && !can(ctx.roles, "powerPlatform.buy")) {
          throw forbiddenToManage();
        }
        const product = await productBySkuId(tx, request.skuId);
        if (request.kind === "purchase") assertCanBuy(ctx, product);
        if (request.kind === "selfServicePurchase" && !(await selfServiceAllowed(tx, ctx.tenantId)).get(product.id)) {
          throw new AppError(
            "SelfServicePurchaseDisabled",
            `Your organization does not allow buying ${product.displayName} yourself.`,
          );
        }
        return toQuote(billable(priceTerm(request.kind, product, request.seats, request.billingTerm, now)));
      }
      default: {
        // As the change will see it: a term that ended since the job last ran is renewed or expired first.
        const subscription = lifecycleAt(await readSubscription(tx, ctx.tenantId, request.subscriptionId), now);
        if (request.kind === "trialConversion" && !can(ctx.roles, "billing.manage")) throw forbiddenToManage();
        assertCanManage(ctx, subscription);
        const product = await pricedProduct(ctx.db, tx, subscription.productId);
        if (request.kind === "seatChange") {
          const outcome = await planSeats(tx, ctx, subscription, request.seats, true);
          if (!outcome.ok) {
            throw new AppError("ValidationFailed", `The subscription already has ${subscription.seats} seats.`, {
              errors: [{ path: "body.seats", message: "is the current number of seats" }],
            });
          }
          return toQuote(billable(priceSeatChange(product, subscription, request.seats, now)), outcome.shortfall);
        }
        if (request.kind === "renewal") {
          const outcome = renewSubscription(subscription, now);
          if (!outcome.ok) throw stateInvalid("This subscription cannot be renewed.");
          const charge = billable(
            priceTerm("renewal", product, subscription.seats, subscription.billingTerm, outcome.termStartsAt),
          );
          // An active subscription's next term is billed when it starts, not now.
          return toQuote(outcome.reactivates ? charge : { ...charge, amountCents: 0, lines: [] });
        }
        if (request.kind === "cancellation") {
          const outcome = cancelSubscription(subscription, now, product.pricePerSeatMonthCents);
          if (!outcome.ok) throw stateInvalid(`The subscription is already ${subscription.state}.`);
          // In grace there are no unused days left: nothing is credited, and no order is written.
          const quoted = outcome.credit
            ? toQuote(billable(priceCancellation(product, subscription, outcome.credit, now)))
            : { ...NOTHING_DUE, kind: "cancellation" as const, currency: product.currency };
          const seats = (await seatStates(tx, ctx.tenantId, [subscription.productId])).get(subscription.productId);
          const holdersLosingAccess = seats
            ? holdersDependingOn(seats.subscriptions, seats.consumedUnits, subscription.id)
            : 0;
          return { ...quoted, resultingState: outcome.state, holdersLosingAccess };
        }
        // A deleted trial is quoted all the same: converting it is what refuses it.
        const conversion = checkTrialConversion(subscription);
        if (!conversion.ok && conversion.reason === "notTrial") {
          throw stateInvalid("Only a trial can be converted to a paid subscription.");
        }
        const seats = request.seats ?? subscription.seats;
        return toQuote(
          billable(priceTerm("trialConversion", product, seats, request.billingTerm, now, seats - subscription.seats)),
        );
      }
    }
  });
}
