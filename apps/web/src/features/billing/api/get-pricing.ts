import { type PricingProduct, pricingSchema } from "@allot/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { billingKeys } from "./keys";

export function getPricing(tenantId: string, signal?: AbortSignal): Promise<PricingProduct[]> {
  return apiRequest(tenantPath(tenantId, "pricing"), { schema: pricingSchema, signal }).then((body) => body.value);
}

export function pricingQueryOptions(tenantId: string) {
  return queryOptions({
    queryKey: billingKeys.pricing(tenantId),
    queryFn: ({ signal }) => getPricing(tenantId, signal),
    staleTime: 60_000,
  });
}

/** The product catalogue with prices and whether a trial can still be started: what the buy dialogs offer. */
export function usePricing(tenantId: string, enabled = true) {
  return useQuery({ ...pricingQueryOptions(tenantId), enabled });
}
