import { type UserPage, userPageSchema } from "@allot/contracts";
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { licensesKeys } from "./keys";

export const HOLDERS_PAGE_SIZE = 50;

/** One keyset page of the users who hold a product (directly or through a group), optionally searched. */
export function getProductHolders(
  tenantId: string,
  skuId: string,
  search: string,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<UserPage> {
  return apiRequest(tenantPath(tenantId, "users"), {
    query: { skuId, search: search || undefined, cursor, limit: HOLDERS_PAGE_SIZE },
    schema: userPageSchema,
    signal,
  });
}

export function productHoldersQueryOptions(tenantId: string, skuId: string, search: string) {
  return infiniteQueryOptions({
    queryKey: licensesKeys.holders(tenantId, skuId, search),
    queryFn: ({ pageParam, signal }) => getProductHolders(tenantId, skuId, search, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** Holders of a product, sorted by display name, page after page. */
export function useProductHolders(tenantId: string, skuId: string, search: string) {
  return useInfiniteQuery(productHoldersQueryOptions(tenantId, skuId, search));
}
