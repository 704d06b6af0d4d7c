import type { PartnerOverview } from "@allot/contracts";
import { productSeatHealth, relationshipGrantsAccess } from "@allot/domain";
import { customerSeats } from "./customer-licensing.js";
import { customersSeenBy, type PartnerContext } from "./partner-context.js";
import { productsByIdQuery, visibleRelationshipsQuery } from "./partner-queries.js";

/**
 * Per product, over every customer the caller may see whose relationship grants access: seats bought, assigned and
 * free, and how many customers are in conflict on it; by product name. What Partner Center lacks: where to sell
 * more (little free, conflicts) and where to reclaim (much free).
 */
export async function partnerOverview(ctx: PartnerContext): Promise<PartnerOverview> {
  const now = ctx.clock.now();
  const customers = await ctx.db.$queryRaw<
    Array<{ tenantId: string; status: "active" | "terminated"; endsAt: Date | null }>
  >(visibleRelationshipsQuery(customersSeenBy(ctx)));
  const byTenant = await customerSeats(
    ctx.db,
    customers.filter((customer) => relationshipGrantsAccess(customer, now)).map((customer) => customer.tenantId),
  );
  const totals = new Map<string, PartnerOverview["value"][number]>();
  for (const products of byTenant.values()) {
    for (const [productId, product] of products) {
      if (product.subscriptions.length === 0) continue;
      const health = productSeatHealth(product);
      const row = totals.get(productId) ?? {
        skuId: "",
        skuPartNumber: "",
        displayName: "",
        customers: 0,
        bought: 0,
        assigned: 0,
        free: 0,
        conflicts: 0,
      };
      row.customers += 1;
      row.bought += health.total;
      row.assigned += health.assigned;
      row.free += Math.max(0, health.total - health.assigned);
      if (health.inConflict) row.conflicts += 1;
      totals.set(productId, row);
    }
  }
  if (totals.size === 0) return { value: [] };
  const catalog = await ctx.db.$queryRaw<
    Array<{ id: string; skuId: string; skuPartNumber: string; displayName: string }>
  >(productsByIdQuery([...totals.keys()]));
  const value = catalog.map((product) => ({
    ...(totals.get(product.id) as PartnerOverview["value"][number]),
    skuId: product.skuId,
    skuPartNumber: product.skuPartNumber,
    displayName: product.displayName,
  }));
  return { value: value.sort((a, b) => a.displayName.localeCompare(b.displayName, "en")) };
}

/** The overview as CSV text (a few dozen rows at most: one per product). */
export async function partnerOverviewCsvRows(ctx: PartnerContext) {
  const { value } = await partnerOverview(ctx);
  return value.map((row) => [
    row.skuPartNumber,
    row.displayName,
    row.customers,
    row.bought,
    row.assigned,
    row.free,
    row.conflicts,
  ]);
}
