import { type HolderCounts, holderCountsSchema } from "@allot/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { licensesKeys } from "./keys";

/** How many users hold a product in effect, and of them directly and through a group. */
export function getHolderCounts(tenantId: string, skuId: string, signal?: AbortSignal): Promise<HolderCounts> {
  return apiRequest(tenantPath(tenantId, "licenses", "holderCounts"), {
    query: { skuId },
    schema: holderCountsSchema,
    signal,
  });
}

export function holderCountsQueryOptions(tenantId: string, skuId: string) {
  return queryOptions({
    queryKey: licensesKeys.holderCounts(tenantId, skuId),
    queryFn: ({ signal }) => getHolderCounts(tenantId, skuId, signal),
  });
}

export function useHolderCounts(tenantId: string, skuId: string) {
  return useQuery(holderCountsQueryOptions(tenantId, skuId));
}
