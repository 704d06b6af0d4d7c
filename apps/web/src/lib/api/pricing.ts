import { type PricingProduct, pricingSchema } from "@allot/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

/**
 * The product catalogue with prices, and what the signed-in person can do about each (buy, request, start a trial).
 * It says what the person holds and requested, so it sits below queryKeys.account: purchases, billing changes and
 * requests all refresh it.
 */
export function getPricing(tenantId: string, signal?: AbortSignal): Promise<PricingProduct[]> {
  return apiRequest(tenantPath(tenantId, "pricing"), { schema: pricingSchema, signal }).then((body) => body.value);
}

/** One cache entry for the pricing page and the billing dialogs that offer products. */
export function pricingQueryOptions(tenantId: string) {
  return queryOptions({
    queryKey: [...queryKeys.account(tenantId), "pricing"] as const,
    queryFn: ({ signal }) => getPricing(tenantId, signal),
  });
}

/** The pricing of the tenant's products; `enabled: false` until a dialog opens, `staleTime` to reuse a fresh copy. */
export function usePricing(tenantId: string, options: { enabled?: boolean; staleTime?: number } = {}) {
  return useQuery({ ...pricingQueryOptions(tenantId), ...options });
}
