import { UsageError } from "./exit-codes.js";
import type { Session } from "./session.js";

/** A product (SKU) of the tenant with its service plans, from /api or Graph. */
export interface Product {
  skuId: string;
  skuPartNumber: string;
  displayName: string;
  plans: { servicePlanId: string; servicePlanName: string }[];
}

export async function products(session: Session): Promise<Product[]> {
  if (session.kind === "app") {
    return (await session.client.graph.subscribedSkus()).map((sku) => ({
      skuId: sku.skuId,
      skuPartNumber: sku.skuPartNumber,
      displayName: sku.skuPartNumber,
      plans: sku.servicePlans,
    }));
  }
  return (await session.client.subscribedSkus(session.tenantId)).value.map((sku) => ({
    skuId: sku.skuId,
    skuPartNumber: sku.skuPartNumber,
    displayName: sku.displayName,
    plans: sku.servicePlans,
  }));
}

/** A product by its part number (POWER_BI_PRO), display name or skuId. */
export function findProduct(all: readonly Product[], name: string): Product {
  const needle = name.toLowerCase();
  const product = all.find(
    (p) => p.skuPartNumber.toLowerCase() === needle || p.skuId === needle || p.displayName.toLowerCase() === needle,
  );
  if (!product) {
    const known = all.map((p) => p.skuPartNumber).join(", ");
    throw new UsageError(`--sku ${name}: the tenant has no such product (UnknownProduct). Known: ${known}.`);
  }
  return product;
}

/** Service plans by name (servicePlanName, as Microsoft's disabledPlans lists them) or id. */
export function planIds(product: Product, names: readonly string[]): string[] {
  return names.map((name) => {
    const needle = name.toLowerCase();
    const plan = product.plans.find((p) => p.servicePlanName.toLowerCase() === needle || p.servicePlanId === needle);
    if (!plan) {
      const known = product.plans.map((p) => p.servicePlanName).join(", ");
      throw new UsageError(
        `--disable-plan ${name}: ${product.skuPartNumber} has no such plan (UnknownServicePlan). Its plans: ${known}.`,
      );
    }
    return plan.servicePlanId;
  });
}
