import type { BillingResult, Subscription } from "@allot/contracts";
import type { Tx } from "@allot/db";
import {
  type BillingTerm,
  cancelSubscription,
  isUsable,
  planSeatChange,
  priceCancellation,
  priceSeatChange,
  priceTerm,
  renewSubscription,
  summarizeSeats,
  termEnd,
} from "@allot/domain";
import { AppError } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import type { Answer } from "../../lib/idempotency.js";
import type { TenantContext } from "../../types.js";
import { lockSeats } from "../seats/seat-ledger.js";
import { seatStates } from "../seats/seat-states.js";
import {
  assertCanManage,
  auditView,
  billingResult,
  isOwnerHeld,
  lockSubscription,
  pricedProduct,
  productBySkuId,
  type SubscriptionRecord,
  stateInvalid,
} from "./access.js";
import { billable, recordCharge } from "./charges.js";
import { refreshConflictDeadline } from "./conflict-deadline.js";
import { catchUpLifecycle } from "./lifecycle-job.js";
import { chargeStoredMethod } from "./payments.js";
import { loadSubscriptions } from "./subscription-view.js";

/**
 * Billing admins' changes to subscriptions. Each runs inside the transaction `idempotent` opened, locks
 * the product's seat row before the subscription row (the order the lifecycle job uses too), bills through
 * `recordCharge` and writes an audit event.
 */

const who = (ctx: TenantContext) => ({ tenantId: ctx.tenantId, userId: ctx.actor.userId, now: ctx.clock.now() });

/**
 * Locks the product's seat row, then the subscription, and applies the lifecycle steps due by now (a renewal or
 * expiry the scheduled job has not reached yet), so the change acts on the subscription as it really is.
 */
async function lockForChange(tx: Tx, ctx: TenantContext, subscriptionId: string): Promise<SubscriptionRecord> {
  const peek = await tx.subscription.findFirst({
    where: { id: subscriptionId, tenantId: ctx.tenantId },
    select: { productId: true },
  });
  if (peek) await lockSeats(tx, ctx.tenantId, [peek.productId]);
  const subscription = await lockSubscription(tx, ctx.tenantId, subscriptionId);
  await catchUpLifecycle(ctx.db, tx, subscription, ctx.clock.now(), ctx.requestId);
  return subscription;
}

export async function purchaseSubscription(
  tx: Tx,
  ctx: TenantContext,
  body: { skuId: string; seats: number; billingTerm: BillingTerm; autoRenew: boolean },
): Promise<Answer<BillingResult>> {
  const product = await productBySkuId(tx, body.skuId);
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
  await refreshConflictDeadline(tx, ctx.tenantId, product.id, now, false);
  // The invoice-number lock (the tenant's InvoiceCounter row) is always the last one taken (after seat rows), so
  // billing changes cannot deadlock.
  const recorded = await recordCharge(tx, who(ctx), {
    subscriptionId: subscription.id,
    productId: product.id,
    charge,
    payment: chargeStoredMethod("invoice", null),
  });
  await audit(tx, ctx, {
    action: "billing.subscriptionPurchased",
    targetType: "subscription",
    targetId: subscription.id,
    productIds: [product.id],
    after: { ...auditView(subscription), skuId: product.skuId, amountCents: charge.amountCents },
  });
  return { status: 201, body: await billingResult(tx, ctx.tenantId, subscription.id, recorded) };
}

/** The product's most recently licensed holders (for SeatsInUse), or those a buyer gave seats of one subscription. */
async function holdersOf(tx: Tx, tenantId: string, productId: string, subscriptionId: string | null) {
  const [rows, [count]] = await Promise.all([
    tx.$queryRaw<Array<{ id: string; displayName: string; email: string }>>`
      SELECT u.id::text AS id, u."displayName", u.email FROM "User" u
        JOIN LATERAL (SELECT max(la."createdAt") AS at FROM "LicenseAssignment" la
                       WHERE la."userId" = u.id AND la."productId" = ${productId}::uuid AND la.state <> 'error'
                         AND (${subscriptionId}::uuid IS NULL OR la."subscriptionId" = ${subscriptionId}::uuid)) h
          ON h.at IS NOT NULL
       WHERE u."tenantId" = ${tenantId}::uuid AND u."deletedAt" IS NULL
       ORDER BY h.at DESC, u.id LIMIT 100`,
    tx.$queryRaw<Array<{ count: number }>>`
      SELECT count(DISTINCT la."userId")::int AS count FROM "LicenseAssignment" la
       WHERE la."tenantId" = ${tenantId}::uuid AND la."productId" = ${productId}::uuid AND la.state <> 'error'
         AND (${subscriptionId}::uuid IS NULL OR la."subscriptionId" = ${subscriptionId}::uuid)`,
  ]);
  return { holders: rows, holderCount: count?.count ?? 0 };
}

/**
 * SeatsInUse with who holds the seats: a buyer's own subscription lists the people they gave its seats to, any other
 * the product's most recent holders.
 */
async function seatsInUse(
  tx: Tx,
  tenantId: string,
  subscription: SubscriptionRecord,
  shortfall: number,
  message: string,
): Promise<AppError> {
  const holders = await holdersOf(
    tx,
    tenantId,
    subscription.productId,
    isOwnerHeld(subscription) ? subscription.id : null,
  );
  return new AppError("SeatsInUse", message, undefined, undefined, { shortfall, ...holders });
}

/** Decides a seat change against the product's seats now (shared by the quote and the change). */
export async function planSeats(
  tx: Tx,
  ctx: TenantContext,
  subscription: SubscriptionRecord,
  seats: number,
  acceptConflict: boolean,
) {
  if (subscription.source === "trial")
    throw stateInvalid("A trial has a fixed number of seats: convert it to change them.");
  if (subscription.state !== "active") {
    throw stateInvalid(`Seats can be changed on an active subscription only; this one is ${subscription.state}.`);
  }
  const state = (await seatStates(tx, ctx.tenantId, [subscription.productId])).get(subscription.productId);
  const consumedUnits = state?.consumedUnits ?? 0;
  const summary = summarizeSeats(state?.subscriptions ?? [], consumedUnits);
  const own = state?.subscriptions.find((candidate) => candidate.id === subscription.id);
  const ownerHeld = isOwnerHeld(subscription);
  return planSeatChange({
    currentSeats: subscription.seats,
    newSeats: seats,
    subscriptionUsable: isUsable(subscription.state),
    usableUnits: summary.usableUnits,
    consumedUnits,
    ...(ownerHeld ? { assignedFromSubscription: own?.ownerAssigned ?? 0 } : {}),
    acceptConflict,
  });
}

export async function changeSeats(
  tx: Tx,
  ctx: TenantContext,
  subscriptionId: string,
  body: { seats: number; acceptConflict: boolean },
): Promise<Answer<BillingResult>> {
  const subscription = await lockForChange(tx, ctx, subscriptionId);
  assertCanManage(ctx, subscription);
  const outcome = await planSeats(tx, ctx, subscription, body.seats, body.acceptConflict);
  if (!outcome.ok) {
    if (outcome.code === "NoSeatChange") {
      throw new AppError("ValidationFailed", `The subscription already has ${subscription.seats} seats.`, [
        { path: "body.seats", message: "is the current number of seats" },
      ]);
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
  await tx.subscription.update({ where: { id: subscription.id }, data: { seats: body.seats } });
  const recorded = await recordCharge(tx, who(ctx), {
    subscriptionId: subscription.id,
    productId: subscription.productId,
    charge,
    payment: chargeStoredMethod(subscription.paymentProvider, subscription.cardLast4),
  });
  // Only a removal the admin accepted starts a deadline; adding seats to a product still short leaves it as it was.
  const accepted = body.acceptConflict && outcome.seatsDelta < 0 && outcome.shortfall > 0;
  const resolveBy = await refreshConflictDeadline(tx, ctx.tenantId, subscription.productId, now, accepted);
  await audit(tx, ctx, {
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
  });
  return { status: 200, body: await billingResult(tx, ctx.tenantId, subscription.id, recorded) };
}

export async function updateSubscription(
  tx: Tx,
  ctx: TenantContext,
  subscriptionId: string,
  body: { autoRenew: boolean },
): Promise<Subscription> {
  const subscription = await lockSubscription(tx, ctx.tenantId, subscriptionId);
  assertCanManage(ctx, subscription);
  if (subscription.source === "trial" && body.autoRenew) {
    throw stateInvalid("A trial does not renew: convert it to a paid subscription instead.");
  }
  if (subscription.state !== "active") {
    throw stateInvalid(`Auto-renew can be changed on an active subscription only; this one is ${subscription.state}.`);
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
}

export async function renew(tx: Tx, ctx: TenantContext, subscriptionId: string): Promise<Answer<BillingResult>> {
  const subscription = await lockForChange(tx, ctx, subscriptionId);
  assertCanManage(ctx, subscription);
  const now = ctx.clock.now();
  const outcome = renewSubscription(subscription, now);
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
    return { status: 200, body: await billingResult(tx, ctx.tenantId, subscription.id, null) };
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
  const recorded = await recordCharge(tx, who(ctx), {
    subscriptionId: subscription.id,
    productId: subscription.productId,
    charge,
    payment: chargeStoredMethod(subscription.paymentProvider, subscription.cardLast4),
  });
  await refreshConflictDeadline(tx, ctx.tenantId, subscription.productId, now, false);
  await audit(tx, ctx, {
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
  });
  return { status: 200, body: await billingResult(tx, ctx.tenantId, subscription.id, recorded) };
}

export async function cancel(tx: Tx, ctx: TenantContext, subscriptionId: string): Promise<Answer<BillingResult>> {
  const subscription = await lockForChange(tx, ctx, subscriptionId);
  assertCanManage(ctx, subscription);
  const now = ctx.clock.now();
  const product = await pricedProduct(ctx.db, tx, subscription.productId);
  // A credit for unused days ends the seats at once (disabled): the domain decides both from the same proration.
  const outcome = cancelSubscription(subscription, now, product.pricePerSeatMonthCents);
  if (!outcome.ok) throw stateInvalid(`The subscription is already ${subscription.state}.`);
  const charge = outcome.credit ? billable(priceCancellation(product, subscription, outcome.credit, now)) : null;
  await tx.subscription.update({
    where: { id: subscription.id },
    data: { state: outcome.state, stateChangedAt: now, cancelledAt: now, autoRenew: false },
  });
  const recorded = charge
    ? await recordCharge(tx, who(ctx), {
        subscriptionId: subscription.id,
        productId: subscription.productId,
        charge,
        payment: chargeStoredMethod(subscription.paymentProvider, subscription.cardLast4),
      })
    : null;
  await audit(tx, ctx, {
    action: "billing.subscriptionCancelled",
    targetType: "subscription",
    targetId: subscription.id,
    productIds: [subscription.productId],
    before: auditView(subscription),
    after: { state: outcome.state, creditCents: charge?.amountCents ?? 0 },
  });
  return { status: 200, body: await billingResult(tx, ctx.tenantId, subscription.id, recorded) };
}

export async function takeOver(tx: Tx, ctx: TenantContext, subscriptionId: string): Promise<Answer<BillingResult>> {
  const subscription = await lockForChange(tx, ctx, subscriptionId);
  if (subscription.source !== "selfService") throw stateInvalid("Only a self-service subscription can be taken over.");
  if (subscription.takenOverAt !== null) throw stateInvalid("This subscription was already taken over.");
  if (subscription.state === "deleted") throw stateInvalid("A deleted subscription cannot be taken over.");
  const now = ctx.clock.now();
  // From now on the organization pays on account; the maker's card is no longer charged.
  await tx.subscription.update({
    where: { id: subscription.id },
    data: { takenOverAt: now, paymentProvider: "invoice", cardLast4: null },
  });
  await audit(tx, ctx, {
    action: "billing.subscriptionTakenOver",
    targetType: "subscription",
    targetId: subscription.id,
    productIds: [subscription.productId],
    before: { ownerUserId: subscription.ownerUserId, paymentProvider: subscription.paymentProvider },
    after: { takenOverAt: now, paymentProvider: "invoice" },
  });
  return { status: 200, body: await billingResult(tx, ctx.tenantId, subscription.id, null) };
}

export async function convertTrial(
  tx: Tx,
  ctx: TenantContext,
  subscriptionId: string,
  body: { billingTerm: BillingTerm; seats?: number | undefined },
): Promise<Answer<BillingResult>> {
  const subscription = await lockForChange(tx, ctx, subscriptionId);
  if (subscription.source !== "trial") throw stateInvalid("Only a trial can be converted to a paid subscription.");
  if (subscription.state === "deleted") throw stateInvalid("A deleted trial cannot be converted: buy the product.");
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
  const recorded = await recordCharge(tx, who(ctx), {
    subscriptionId: subscription.id,
    productId: subscription.productId,
    charge,
    payment: chargeStoredMethod("invoice", null),
  });
  await refreshConflictDeadline(tx, ctx.tenantId, subscription.productId, now, false);
  await audit(tx, ctx, {
    action: "billing.trialConverted",
    targetType: "subscription",
    targetId: subscription.id,
    productIds: [subscription.productId],
    before: auditView(subscription),
    after: { source: "admin", seats, billingTerm: body.billingTerm, amountCents: charge.amountCents },
  });
  return { status: 200, body: await billingResult(tx, ctx.tenantId, subscription.id, recorded) };
}
