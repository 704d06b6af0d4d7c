import { useMemo } from "react";
import { useSubscribedSkus } from "@/lib/licensing/subscribed-skus";
import { useLicensingTexts } from "./texts";

/** A product to be given, with the ids of its apps switched off. */
export interface ProductWithAppsOff {
  skuId: string;
  disabledPlans: readonly string[];
}

/**
 * "Apps switched off in Microsoft 365 E3: Teams, Viva Engage": one line per product with apps off, by name, as every
 * preview of a license change shows them.
 */
export function useAppsOffLines(tenantId: string, products: readonly ProductWithAppsOff[]): string[] {
  const l = useLicensingTexts();
  const skus = useSubscribedSkus(tenantId);
  return useMemo(() => {
    const byId = new Map((skus.data ?? []).map((sku) => [sku.skuId, sku]));
    return products.flatMap(({ skuId, disabledPlans }) => {
      if (disabledPlans.length === 0) return [];
      const sku = byId.get(skuId);
      const planName = (id: string) => sku?.servicePlans.find((plan) => plan.servicePlanId === id)?.displayName ?? id;
      return [l.appsOff(sku?.displayName ?? skuId, disabledPlans.map(planName).join(", "))];
    });
  }, [skus.data, products, l]);
}
