import type { BillingResult } from "@allot/contracts";
import { type BillingTerm, priceTerm, termEnd } from "@allot/domain";
import { AppError } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import { type IdempotentRequest, type Remembered, withIdempotency } from "../../lib/idempotency.js";
import { personOf } from "../../lib/tenant.js";
import type { TenantContext } from "../../types.js";
import { applyLicenseChanges } from "../licenses/apply-changes.js";
import { catalogOf } from "../licenses/catalog.js";
import { assertOwnPerson, auditView, billingResult, productBySkuId } from "./access.js";
import { billable, recordCharge } from "./charges.js";
import { selfServiceAllowed } from "./eligibility.js";
import { type Card, chargeTestCard } from "./payments.js";

/**
 * A maker buys seats for themself with a card (self-service purchase). The subscription is theirs: they give its
 * seats to people in the organization and manage or cancel it, while admins see it but cannot assign from it until
 * they take it over. The buyer gets one of the seats.
 */
export async function buyForSelf(
  ctx: TenantContext,
  body: { skuId: string; seats: number; billingTerm: BillingTerm; card: Card },
  idempotency?: IdempotentRequest,
): Promise<Remembered<BillingResult>> {
  return withIdempotency(ctx, idempotency, async (tx) => {
    assertOwnPerson(ctx);
    const product = await productBySkuId(tx, body.skuId);
    if (product.kind !== "user" || !(await selfServiceAllowed(tx, ctx.tenantId)).get(product.id)) {
      throw new AppError(
        "SelfServicePurchaseDisabled",
        `Your organization does not allow buying ${product.displayName} yourself. Request it from your admin.`,
      );
    }
    const now = ctx.clock.now();
    const charge = billable(priceTerm("selfServicePurchase", product, body.seats, body.billingTerm, now));
    // Declined: nothing is written (the transaction has not written anything yet).
    const payment = chargeTestCard(body.card, charge.amountCents, now);
    const created = await tx.subscription.create({
      data: {
        tenantId: ctx.tenantId,
        productId: product.id,
        seats: body.seats,
        state: "active",
        source: "selfService",
        ownerUserId: personOf(ctx.actor).userId,
        autoRenew: true,
        billingTerm: body.billingTerm,
        termStartsAt: now,
        termEndsAt: termEnd(now, body.billingTerm),
        stateChangedAt: now,
        createdAt: now,
        paymentProvider: "card",
        cardLast4: payment.cardLast4,
      },
    });
    await audit(tx, ctx, {
      action: "billing.selfServicePurchased",
      targetType: "subscription",
      targetId: created.id,
      productIds: [product.id],
      after: {
        ...auditView(created),
        skuId: product.skuId,
        amountCents: charge.amountCents,
        cardLast4: payment.cardLast4,
      },
    });
    // The buyer gets one of the seats, as in Microsoft 365, unless a rule stands in the way (they hold it already,
    // no usage location…): then every seat is left to give out.
    const catalog = await catalogOf(ctx.db, tx);
    await applyLicenseChanges(tx, ctx, catalog, {
      userIds: [personOf(ctx.actor).userId],
      add: [{ productId: product.id, disabledServicePlanIds: [] }],
      remove: [],
      mode: "add",
      atomic: false,
      dryRun: false,
      fromSubscription: { id: created.id, productId: product.id },
    });
    // Billed last (not through finishBillingChange, whose audit comes after the charge): the invoice-number lock
    // (the tenant's InvoiceCounter row) is always taken after the users' and seat rows' locks.
    const recorded = await recordCharge(
      tx,
      { tenantId: ctx.tenantId, userId: personOf(ctx.actor).userId, now },
      { subscriptionId: created.id, productId: product.id, charge, payment },
    );
    return billingResult(tx, ctx.tenantId, created.id, recorded);
  });
}
