import { DEFAULT_TRIAL_DAYS, type PricingProduct } from "@allot/contracts";
import { can, isTrialSignUpProduct } from "@allot/domain";
import { personOf } from "../../lib/tenant.js";
import type { TenantContext } from "../../types.js";
import { catalogOf } from "../licenses/catalog.js";
import { selfServiceAllowed, trialedProducts, trialSignUpAllowed } from "./eligibility.js";

/**
 * The pricing page: every product with its price and what is included, and what the signed-in person can do about
 * it here: start a trial (billing admins, once per product per tenant), buy it for themself (self-service, when
 * the tenant allows it), whether they hold it already and their pending request for it. User licenses come first,
 * then capacity add-ons, each by name.
 */
export async function pricing(ctx: TenantContext): Promise<{ value: PricingProduct[] }> {
  const userId = personOf(ctx.actor).userId;
  const [catalog, trialDays, allowed, trialed, held, pending, signUpAllowed] = await Promise.all([
    catalogOf(ctx.db),
    // The catalog cache leaves out trial lengths: read them (a few dozen rows).
    ctx.db.product.findMany({ select: { id: true, trialDays: true } }),
    selfServiceAllowed(ctx.db, ctx.tenantId),
    trialedProducts(ctx.db, ctx.tenantId),
    ctx.db.licenseAssignment.findMany({
      where: { tenantId: ctx.tenantId, userId, state: { not: "error" } },
      select: { productId: true },
      distinct: ["productId"],
    }),
    ctx.db.licenseRequest.findMany({
      where: { tenantId: ctx.tenantId, requesterUserId: userId, status: "pending" },
      select: { id: true, productId: true },
      orderBy: { createdAt: "asc" },
    }),
    trialSignUpAllowed(ctx.db, ctx.tenantId),
  ]);
  const trialDaysOf = new Map(trialDays.map((product) => [product.id, product.trialDays]));
  const licensed = new Set(held.map((assignment) => assignment.productId));
  // Newest last, so the map keeps the newest should there ever be two.
  const pendingRequest = new Map(pending.map((request) => [request.productId, request.id]));
  const mayTrial = can(ctx.roles, "billing.manage");
  // A partner's agent is not one of the organization's people: it cannot buy for itself here.
  const mayBuy = can(ctx.roles, "billing.selfServicePurchase") && ctx.actor.tenantId === ctx.tenantId;

  // Only the organization's own people sign up for a trial (a partner's agent is not one of them).
  const maySignUp = ctx.actor.tenantId === ctx.tenantId;

  const value = [...catalog.byId.values()]
    .sort((a, b) => (a.kind === b.kind ? a.displayName.localeCompare(b.displayName) : a.kind === "user" ? -1 : 1))
    .map((product): PricingProduct => {
      // A trial sign-up product (Power Automate Free) is neither bought, requested nor trialled by admins.
      const signUpOnly = isTrialSignUpProduct(product.skuPartNumber);
      return {
        skuId: product.skuId,
        skuPartNumber: product.skuPartNumber,
        displayName: product.displayName,
        kind: product.kind,
        pricePerSeatMonthCents: product.pricePerSeatMonthCents,
        pricePerSeatYearCents: 12 * product.pricePerSeatMonthCents,
        currency: product.currency,
        servicePlans: product.servicePlans.map((plan) => ({
          servicePlanId: plan.id,
          servicePlanName: plan.name,
          displayName: plan.displayName,
        })),
        trialDays: trialDaysOf.get(product.id) ?? DEFAULT_TRIAL_DAYS,
        trialAvailable: product.kind === "user" && !signUpOnly && mayTrial && !trialed.has(product.id),
        selfServicePurchase: product.kind === "user" && !signUpOnly && mayBuy && allowed.get(product.id) === true,
        licensed: licensed.has(product.id),
        pendingRequestId: pendingRequest.get(product.id) ?? null,
        trialSignUpOnly: signUpOnly,
        trialSignUpAvailable:
          signUpOnly && maySignUp && !licensed.has(product.id) && signUpAllowed.get(product.id) !== false,
      };
    });
  return { value };
}
