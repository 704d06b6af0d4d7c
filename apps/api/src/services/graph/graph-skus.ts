import type { GraphCompanySubscription, GraphSubscribedSku } from "@allot/contracts";
import { notFound } from "../../lib/app-error.js";
import type { TenantContext } from "../../types.js";
import { subscribedSkus } from "../licenses/subscribed-skus.js";

/** Graph's `provisioningStatus` of a plan in a product the tenant subscribes to: Success, or Disabled once the
 * product's seats are suspended (the subscription is disabled). */
const planStatus = (capabilityStatus: string) => (capabilityStatus === "Suspended" ? "Disabled" : "Success");

/**
 * Graph's subscribedSkus: Allot's seat summary per product, with Graph's fields added (the tenant as account, the
 * ids of the subscriptions behind the seats, each plan's provisioning status) and Allot's own extras left out.
 */
export async function graphSubscribedSkus(ctx: TenantContext): Promise<GraphSubscribedSku[]> {
  const [{ value }, tenant, subscriptions] = await Promise.all([
    subscribedSkus(ctx),
    ctx.db.tenant.findUniqueOrThrow({ where: { id: ctx.tenantId }, select: { name: true } }),
    ctx.db.subscription.findMany({
      where: { tenantId: ctx.tenantId, state: { not: "deleted" } },
      select: { id: true, product: { select: { skuId: true } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  return value.map((sku) => ({
    id: sku.id,
    accountId: ctx.tenantId,
    accountName: tenant.name,
    appliesTo: sku.appliesTo,
    capabilityStatus: sku.capabilityStatus,
    consumedUnits: sku.consumedUnits,
    skuId: sku.skuId,
    skuPartNumber: sku.skuPartNumber,
    subscriptionIds: subscriptions.filter((s) => s.product.skuId === sku.skuId).map((s) => s.id),
    prepaidUnits: sku.prepaidUnits,
    servicePlans: sku.servicePlans.map((plan) => ({
      servicePlanId: plan.servicePlanId,
      servicePlanName: plan.servicePlanName,
      provisioningStatus: planStatus(sku.capabilityStatus),
      appliesTo: sku.appliesTo,
    })),
  }));
}

/** One subscribedSku by Graph's id (`{tenantId}_{skuId}`). */
export async function graphSubscribedSku(ctx: TenantContext, id: string): Promise<GraphSubscribedSku> {
  const sku = (await graphSubscribedSkus(ctx)).find((candidate) => candidate.id.toLowerCase() === id.toLowerCase());
  if (!sku) throw notFound("Subscribed SKU");
  return sku;
}

const STATUS = { active: "Enabled", expired: "Warning", disabled: "Suspended", deleted: "Deleted" } as const;

/** Graph's companySubscription per subscription (GET /directory/subscriptions), deleted ones left out. */
export async function graphCompanySubscriptions(ctx: TenantContext): Promise<GraphCompanySubscription[]> {
  const rows = await ctx.db.subscription.findMany({
    where: { tenantId: ctx.tenantId, state: { not: "deleted" } },
    select: {
      id: true,
      seats: true,
      state: true,
      source: true,
      ownerUserId: true,
      termEndsAt: true,
      createdAt: true,
      product: {
        select: {
          skuId: true,
          skuPartNumber: true,
          servicePlans: { select: { servicePlan: { select: { id: true, servicePlanName: true } } } },
          kind: true,
        },
      },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => ({
    id: row.id,
    commerceSubscriptionId: row.id,
    createdDateTime: row.createdAt.toISOString(),
    isTrial: row.source === "trial",
    nextLifecycleDateTime: row.termEndsAt.getUTCFullYear() >= 9999 ? null : row.termEndsAt.toISOString(),
    ownerId: row.ownerUserId,
    ownerTenantId: row.ownerUserId ? ctx.tenantId : null,
    ownerType: row.ownerUserId ? "User" : null,
    serviceStatus: row.product.servicePlans.map(({ servicePlan }) => ({
      servicePlanId: servicePlan.id,
      servicePlanName: servicePlan.servicePlanName,
      provisioningStatus: row.state === "disabled" ? "Disabled" : "Success",
      appliesTo: row.product.kind === "capacity" ? "Company" : "User",
    })),
    skuId: row.product.skuId,
    skuPartNumber: row.product.skuPartNumber,
    status: STATUS[row.state],
    totalLicenses: row.seats,
  }));
}
