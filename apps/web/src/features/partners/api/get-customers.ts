import { partnerCustomerPageSchema } from "@allot/contracts";
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiRequest } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";
import { partnerPath } from "./partner-path";

export const CUSTOMERS_PAGE_SIZE = 50;
export type PartnerCustomerPage = z.infer<typeof partnerCustomerPageSchema>;

export function getPartnerCustomers(
  partnerTenantId: string,
  search: string,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<PartnerCustomerPage> {
  return apiRequest(partnerPath(partnerTenantId, "customers"), {
    query: { search, cursor, limit: CUSTOMERS_PAGE_SIZE },
    schema: partnerCustomerPageSchema,
    signal,
  });
}

/** The partner's customers by name, one keyset page after the other; the last list stays while a search loads. */
export function partnerCustomersQueryOptions(partnerTenantId: string, search: string) {
  return infiniteQueryOptions({
    queryKey: [...queryKeys.partnerCenter(partnerTenantId), "customers", search],
    queryFn: ({ pageParam, signal }) => getPartnerCustomers(partnerTenantId, search, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function usePartnerCustomers(partnerTenantId: string, search: string) {
  return useInfiniteQuery(partnerCustomersQueryOptions(partnerTenantId, search));
}
