import type { BillingResult } from "@allot/contracts";
import { type Db, Prisma, type SqlTx, type Tx } from "@allot/db";
import { can, isPowerPlatformProduct, isTrialSignUpProduct, type LifecycleSubscription } from "@allot/domain";
import { AppError, notFound } from "../../lib/app-error.js";
import type { TenantContext } from "../../types.js";
import { type CatalogEntry, catalogOf } from "../licenses/catalog.js";
import type { Recorded } from "./charges.js";
import { loadInvoices, loadOrders } from "./records-view.js";
import { loadSubscriptions } from "./subscription-view.js";

/** A subscription row as the billing services change it. */
export interface SubscriptionRecord extends LifecycleSubscription {
  id: string;
  tenantId: string;
  productId: string;
  /** The product's, for the rules that depend on which product it is (the trial people sign up for). */
  skuPartNumber: string;
  seats: number;
  ownerUserId: string | null;
  takenOverAt: Date | null;
  paymentProvider: string;
  cardLast4: string | null;
}

/** Reads and locks a subscription of the tenant (404 when it is not one). */
export function lockSubscription(tx: SqlTx, tenantId: string, subscriptionId: string): Promise<SubscriptionRecord> {
  return selectSubscription(tx, tenantId, subscriptionId, true);
}

/** Reads a subscription of the tenant without locking it (404 when it is not one). */
export function readSubscription(tx: SqlTx, tenantId: string, subscriptionId: string): Promise<SubscriptionRecord> {
  return selectSubscription(tx, tenantId, subscriptionId, false);
}

async function selectSubscription(
  tx: SqlTx,
  tenantId: string,
  subscriptionId: string,
  forUpdate: boolean,
): Promise<SubscriptionRecord> {
  const [row] = await tx.$queryRaw<SubscriptionRecord[]>`
    SELECT id::text AS id, "tenantId"::text AS "tenantId", "productId"::text AS "productId", seats, state::text AS state,
           source::text AS source, "ownerUserId"::text AS "ownerUserId", "takenOverAt", "autoRenew",
           "billingTerm"::text AS "billingTerm", "termStartsAt", "termEndsAt", "stateChangedAt", "cancelledAt",
           "paymentProvider", "cardLast4",
           (SELECT p."skuPartNumber" FROM "Product" p WHERE p.id = "productId") AS "skuPartNumber"
      FROM "Subscription" WHERE id = ${subscriptionId}::uuid AND "tenantId" = ${tenantId}::uuid
      ${forUpdate ? Prisma.sql`FOR UPDATE` : Prisma.empty}`;
  if (!row) throw notFound("Subscription");
  return row;
}

/** A maker's self-service subscription not yet taken over: its seats are the buyer's to give out. */
export function isOwnerHeld(subscription: Pick<SubscriptionRecord, "source" | "takenOverAt">): boolean {
  return subscription.source === "selfService" && subscription.takenOverAt === null;
}

/** The maker who bought it, while it is still theirs (self-service, not taken over). */
export function isOwnerOf(ctx: TenantContext, subscription: SubscriptionRecord): boolean {
  return (
    isOwnerHeld(subscription) &&
    subscription.ownerUserId === ctx.actor.userId &&
    can(ctx.roles, "billing.selfServicePurchase")
  );
}

/** Only people of the organization buy for themselves: a partner's agent is not one of its users. */
export function assertOwnPerson(ctx: TenantContext): void {
  if (ctx.actor.tenantId !== ctx.tenantId) {
    throw new AppError("Forbidden", "Only people of this organization can buy a subscription for themselves.");
  }
}

export function forbiddenToManage(): AppError {
  return new AppError("Forbidden", "Only global and billing admins (or the buyer, before a take-over) can do this.");
}

/**
 * Billing admins (and global admins) manage every subscription; a maker manages the self-service subscription they
 * bought until an admin takes it over. Others get 403 if they may read billing, else 404 (nothing revealed).
 */
export function assertCanManage(ctx: TenantContext, subscription: SubscriptionRecord): void {
  if (can(ctx.roles, "billing.manage") || isOwnerOf(ctx, subscription)) {
    assertNotSignUpTrial(subscription);
    return;
  }
  if (can(ctx.roles, "billing.read") || subscription.ownerUserId === ctx.actor.userId) {
    throw forbiddenToManage();
  }
  throw notFound("Subscription");
}

export function assertCanRead(ctx: TenantContext, subscription: Pick<SubscriptionRecord, "ownerUserId" | "source">) {
  if (can(ctx.roles, "billing.read")) return;
  if (subscription.source === "selfService" && subscription.ownerUserId === ctx.actor.userId) return;
  throw notFound("Subscription");
}

/**
 * The Power Automate trial's subscription (10,000 free licenses from the first sign-up) is not billed, renewed,
 * resized, converted or cancelled: each of its licenses ends on its own, 90 days after it was given.
 */
export function assertNotSignUpTrial(subscription: Pick<SubscriptionRecord, "skuPartNumber">): void {
  if (!isTrialSignUpProduct(subscription.skuPartNumber)) return;
  throw stateInvalid(
    "This is the free Power Automate trial people sign up for: its licenses end by themselves 90 days after each " +
      "was given, so the subscription cannot be changed, renewed, converted or cancelled.",
  );
}

export function stateInvalid(message: string): AppError {
  return new AppError("SubscriptionStateInvalid", message);
}

/**
 * A subscription's product with its price, from the cached catalog: prices are reference data only the seed
 * changes, and every billing change and quote needs one (a round trip less on each).
 */
export async function pricedProduct(db: Db, tx: SqlTx, productId: string): Promise<CatalogEntry> {
  const product = (await catalogOf(db, tx)).byId.get(productId);
  // A subscription's product is a foreign key into the catalog: missing only if the catalog lost a product.
  if (!product) throw new Error(`Product ${productId} is not in the catalog.`);
  return product;
}

/** A product by its skuId, or 404 naming the field it came from. */
export async function productBySkuId(tx: Tx, skuId: string, path = "body.skuId") {
  const product = await tx.product.findUnique({ where: { skuId } });
  if (!product)
    throw new AppError("NotFound", "No product has this skuId.", { errors: [{ path, message: "is not a product" }] });
  return product;
}

/** Refuses buying (or an admin's trial of) a product obtained only by signing up for its trial: Power Automate Free. */
export function assertForSale(product: { skuPartNumber: string; displayName: string }, path = "body.skuId"): void {
  if (!isTrialSignUpProduct(product.skuPartNumber)) return;
  throw new AppError("TrialNotOffered", `${product.displayName} is not sold: people sign up for its trial instead.`, {
    errors: [{ path, message: "is obtained by trial sign-up only" }],
  });
}

/** What every billing change answers: the subscription now, and the order and invoice it wrote. */
export async function billingResult(
  tx: SqlTx,
  tenantId: string,
  subscriptionId: string,
  recorded: Recorded | null,
): Promise<BillingResult> {
  const [[subscription], orders, invoices] = await Promise.all([
    loadSubscriptions(tx, tenantId, { ids: [subscriptionId] }),
    recorded ? loadOrders(tx, tenantId, { ids: [recorded.orderId] }) : Promise.resolve([]),
    recorded?.invoiceId ? loadInvoices(tx, tenantId, { ids: [recorded.invoiceId] }) : Promise.resolve([]),
  ]);
  if (!subscription) throw notFound("Subscription");
  return { subscription, order: orders[0] ?? null, invoice: invoices[0] ?? null };
}

/** Subscription fields for an audit event's before/after. */
export function auditView(subscription: Partial<SubscriptionRecord>) {
  return {
    seats: subscription.seats,
    state: subscription.state,
    source: subscription.source,
    autoRenew: subscription.autoRenew,
    billingTerm: subscription.billingTerm,
    termEndsAt: subscription.termEndsAt,
  };
}

/**
 * Buying for the organization: billing admins (billing.manage) buy any product, a Power Platform admin
 * (powerPlatform.buy) Power Platform products only (Power Automate, Power BI, Power Apps); anyone else 403.
 */
export function assertCanBuy(ctx: TenantContext, product: { skuPartNumber: string; displayName: string }): void {
  if (can(ctx.roles, "billing.manage")) return;
  if (can(ctx.roles, "powerPlatform.buy")) {
    if (isPowerPlatformProduct(product.skuPartNumber)) return;
    throw new AppError(
      "Forbidden",
      `As a Power Platform admin you can buy Power Platform products only (Power Automate, Power BI, Power Apps), not ${product.displayName}. Ask a billing admin.`,
    );
  }
  throw forbiddenToManage();
}
