import { useCallback, useMemo } from "react";
import { useSubscribedSkus } from "@/lib/licensing/subscribed-skus";

/**
 * A product's display name by skuId, from the tenant's subscribed SKUs; falls back to the part number a report
 * carries (or the id) while the list loads or for a product the tenant no longer has.
 */
export function useProductName(tenantId: string): (skuId: string, fallback?: string) => string {
  const skus = useSubscribedSkus(tenantId);
  const names = useMemo(() => new Map((skus.data ?? []).map((sku) => [sku.skuId, sku.displayName])), [skus.data]);
  return useCallback((skuId, fallback) => names.get(skuId) ?? fallback ?? skuId, [names]);
}
