import { type PricingProduct, pricingSchema } from "@allot/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { pricingKeys } from "./keys";

export function getPricing(tenantId: string, signal?: AbortSignal): Promise<PricingProduct[]> {
  return apiRequest(tenantPath(tenantId, "pricing"), { schema: pricingSchema, signal }).then((body) => body.value);
}

export function pricingQueryOptions(tenantId: string) {
  return queryOptions({
    queryKey: pricingKeys.products(tenantId),
    queryFn: ({ signal }) => getPricing(tenantId, signal),
  });
}

/** The products with their prices and what the signed-in person can do about each (buy, request, trial). */
export function usePricing(tenantId: string) {
  return useQuery(pricingQueryOptions(tenantId));
}
