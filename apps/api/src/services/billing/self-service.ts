import type { BillingResult, SubscriptionAssignments } from "@allot/contracts";
import type { Tx } from "@allot/db";
import { type BillingTerm, isUsable, priceTerm, termEnd } from "@allot/domain";
import { AppError, notFound } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import type { Answer } from "../../lib/idempotency.js";
import type { TenantContext } from "../../types.js";
import { applyLicenseChanges } from "../licenses/apply-changes.js";
import { catalogOf } from "../licenses/catalog.js";
import { violationError } from "../licenses/violations.js";
import { lockSeats } from "../seats/seat-ledger.js";
import {
  assertCanRead,
  auditView,
  billingResult,
  isOwnerOf,
  productBySkuId,
  readSubscription,
  type SubscriptionRecord,
  stateInvalid,
} from "./access.js";
import { billable, recordCharge } from "./charges.js";
import { selfServiceAllowed } from "./eligibility.js";
import { type Card, chargeTestCard } from "./payments.js";
import { loadSubscriptions } from "./subscription-view.js";

/**
 * Self-service purchases: a maker buys seats for themself with a card. The subscription is theirs: they
 * give its seats to people in the organization and manage or cancel it, while admins see it but cannot assign
 * from it until they take it over.
 */

/** Gives seats of the buyer's subscription to users (or takes them back), with every license rule applied. */
async function changeOwnerSeats(
  tx: Tx,
  ctx: TenantContext,
  subscription: SubscriptionRecord,
  userIds: readonly string[],
  direction: "assign" | "unassign",
) {
  const catalog = await catalogOf(ctx.db, tx);
  const outcome = await applyLicenseChanges(tx, ctx, catalog, {
    userIds,
    add: direction === "assign" ? [{ productId: subscription.productId, disabledServicePlanIds: [] }] : [],
    remove: direction === "unassign" ? [subscription.productId] : [],
    mode: "add",
    atomic: true,
    dryRun: false,
    fromSubscription: { id: subscription.id, productId: subscription.productId },
  });
  const refused = outcome.results.filter((result) => !result.ok);
  if (refused.length > 0) {
    throw violationError(
      refused.flatMap((result) => (result.ok ? [] : result.violations.map((v) => ({ ...v, userId: result.userId })))),
      "body.userIds",
    );
  }
  return outcome;
}

/** Only people of the organization buy for themselves: a partner's agent is not one of its users. */
export function assertOwnPerson(ctx: TenantContext): void {
  if (ctx.actor.tenantId !== ctx.tenantId) {
    throw new AppError("Forbidden", "Only people of this organization can buy a subscription for themselves.");
  }
}

export async function purchaseForSelf(
  tx: Tx,
  ctx: TenantContext,
  body: { skuId: string; seats: number; billingTerm: BillingTerm; card: Card },
): Promise<Answer<BillingResult>> {
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
      ownerUserId: ctx.actor.userId,
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
    userIds: [ctx.actor.userId],
    add: [{ productId: product.id, disabledServicePlanIds: [] }],
    remove: [],
    mode: "add",
    atomic: false,
    dryRun: false,
    fromSubscription: { id: created.id, productId: product.id },
  });
  // Billed last: the invoice-number lock (the tenant's InvoiceCounter row) is always taken after the users' and seat
  // rows' locks.
  const recorded = await recordCharge(
    tx,
    { tenantId: ctx.tenantId, userId: ctx.actor.userId, now },
    { subscriptionId: created.id, productId: product.id, charge, payment },
  );
  return { status: 201, body: await billingResult(tx, ctx.tenantId, created.id, recorded) };
}

async function assignmentsOf(tx: Tx, tenantId: string, subscriptionId: string): Promise<SubscriptionAssignments> {
  const [[subscription], users] = await Promise.all([
    loadSubscriptions(tx, tenantId, { ids: [subscriptionId] }),
    tx.$queryRaw<SubscriptionAssignments["users"]>`
      SELECT u.id::text AS id, u."displayName", u.email FROM "LicenseAssignment" la JOIN "User" u ON u.id = la."userId"
       WHERE la."subscriptionId" = ${subscriptionId}::uuid ORDER BY u."displayName", u.id`,
  ]);
  if (!subscription) throw notFound("Subscription");
  return { subscription, users };
}

export async function subscriptionAssignments(ctx: TenantContext, subscriptionId: string) {
  return ctx.db.$transaction(async (tx) => {
    const subscription = await tx.subscription.findFirst({
      where: { id: subscriptionId, tenantId: ctx.tenantId },
      select: { ownerUserId: true, source: true },
    });
    if (!subscription) throw notFound("Subscription");
    assertCanRead(ctx, subscription);
    return assignmentsOf(tx, ctx.tenantId, subscriptionId);
  });
}

/** The buyer gives seats of their subscription to people in the organization, or takes them back. */
export async function changeOwnerAssignments(
  ctx: TenantContext,
  subscriptionId: string,
  userIds: readonly string[],
  direction: "assign" | "unassign",
): Promise<SubscriptionAssignments> {
  return ctx.db.$transaction(
    async (tx) => {
      // Not locked here: the license engine locks the users, the seat row, then this subscription, in the order
      // every seat change takes them (a seat change locks the seat row before the subscription).
      const subscription = await readSubscription(tx, ctx.tenantId, subscriptionId);
      if (!isOwnerOf(ctx, subscription)) {
        if (subscription.ownerUserId === ctx.actor.userId && subscription.takenOverAt !== null) {
          throw stateInvalid("Your admin took this subscription over: they assign its seats now.");
        }
        assertCanRead(ctx, subscription);
        throw new AppError("Forbidden", "Only the person who bought this subscription gives out its seats.");
      }
      if (!isUsable(subscription.state)) {
        throw stateInvalid(`Seats of a ${subscription.state} subscription cannot be given out.`);
      }
      if (direction === "unassign") {
        const held = await tx.licenseAssignment.findMany({
          where: { subscriptionId, userId: { in: [...userIds] } },
          select: { userId: true },
        });
        const heldIds = new Set(held.map((row) => row.userId));
        const missing = userIds.filter((id) => !heldIds.has(id));
        if (missing.length > 0) {
          throw new AppError(
            "NotAssigned",
            "Some of these people did not get their seat from this subscription.",
            missing.map((userId) => ({ path: "body.userIds", message: "has no seat of this subscription", userId })),
          );
        }
      }
      await changeOwnerSeats(tx, ctx, subscription, userIds, direction);
      await audit(tx, ctx, {
        action:
          direction === "assign" ? "licenses.assignedBySubscriptionOwner" : "licenses.unassignedBySubscriptionOwner",
        targetType: "subscription",
        targetId: subscription.id,
        productIds: [subscription.productId],
        after: { userIds },
      });
      return assignmentsOf(tx, ctx.tenantId, subscriptionId);
    },
    { maxWait: 30_000, timeout: 60_000 },
  );
}

/** Per product: may makers buy it themselves here (Microsoft's AllowSelfServicePurchase policy). */
export async function selfServicePolicies(ctx: TenantContext) {
  const rows = await ctx.db.$queryRaw<
    Array<{ skuId: string; skuPartNumber: string; productName: string; available: boolean; enabled: boolean }>
  >`
    SELECT p."skuId"::text AS "skuId", p."skuPartNumber", p."displayName" AS "productName",
           p."selfServiceAvailable" AS available, COALESCE(tp."selfServicePurchaseEnabled", true) AS enabled
      FROM "Product" p
      LEFT JOIN "TenantProduct" tp ON tp."productId" = p.id AND tp."tenantId" = ${ctx.tenantId}::uuid
     WHERE p.kind = 'user'
     ORDER BY p."displayName"`;
  return { value: rows };
}

export async function setSelfServicePolicy(ctx: TenantContext, skuId: string, enabled: boolean) {
  return ctx.db.$transaction(async (tx) => {
    const product = await productBySkuId(tx, skuId, "params.skuId");
    if (product.kind !== "user") {
      throw new AppError("ValidationFailed", "Capacity add-ons cannot be bought through self-service.", [
        { path: "params.skuId", message: "is a capacity add-on" },
      ]);
    }
    await lockSeats(tx, ctx.tenantId, [product.id]);
    const before = await tx.tenantProduct.findUniqueOrThrow({
      where: { tenantId_productId: { tenantId: ctx.tenantId, productId: product.id } },
    });
    if (before.selfServicePurchaseEnabled !== enabled) {
      await tx.tenantProduct.update({
        where: { tenantId_productId: { tenantId: ctx.tenantId, productId: product.id } },
        data: { selfServicePurchaseEnabled: enabled },
      });
      await audit(tx, ctx, {
        action: "billing.selfServicePolicyChanged",
        targetType: "product",
        targetId: product.skuId,
        productIds: [product.id],
        before: { enabled: before.selfServicePurchaseEnabled },
        after: { enabled },
      });
    }
    return {
      skuId: product.skuId,
      skuPartNumber: product.skuPartNumber,
      productName: product.displayName,
      available: product.selfServiceAvailable,
      enabled,
    };
  });
}
