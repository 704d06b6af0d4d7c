import type { SubscribedSku } from "@allot/contracts";
import { holdersOnExpiredSeats } from "@allot/domain";
import type { TenantContext } from "../../types.js";
import { seatSummaries } from "../seats/seat-states.js";
import { catalogOf } from "./catalog.js";

/** Graph's subscribedSkus: every product the tenant has subscriptions of or licenses for, with its seat counts. */
export async function subscribedSkus(ctx: TenantContext): Promise<{ value: SubscribedSku[] }> {
  const [catalog, summaries] = await Promise.all([catalogOf(ctx.db), seatSummaries(ctx.db, ctx.tenantId)]);
  const value: SubscribedSku[] = [];
  for (const [productId, summary] of summaries) {
    const product = catalog.byId.get(productId);
    const prepaid = Object.values(summary.prepaidUnits).reduce((sum, units) => sum + units, 0);
    if (!product || (prepaid === 0 && summary.consumedUnits === 0)) continue;
    value.push({
      id: `${ctx.tenantId}_${product.skuId}`,
      skuId: product.skuId,
      skuPartNumber: product.skuPartNumber,
      displayName: product.displayName,
      appliesTo: product.kind === "capacity" ? "Company" : "User",
      capabilityStatus: summary.capabilityStatus,
      prepaidUnits: summary.prepaidUnits,
      consumedUnits: summary.consumedUnits,
      servicePlans: product.servicePlans.map((plan) => ({
        servicePlanId: plan.id,
        servicePlanName: plan.name,
        displayName: plan.displayName,
      })),
      available: summary.available,
      conflicts: Math.max(0, summary.consumedUnits - summary.usableUnits),
      expiring: holdersOnExpiredSeats(summary),
      pricePerSeatMonthCents: product.pricePerSeatMonthCents,
      currency: product.currency,
    });
  }
  value.sort((a, b) => a.skuPartNumber.localeCompare(b.skuPartNumber));
  return { value };
}
