import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { getLicenseRequests } from "@/lib/api/license-requests";
import { type RequestStatus, requestsKeys } from "./keys";

export const REQUESTS_PAGE_SIZE = 50;

export function licenseRequestsQueryOptions(tenantId: string, status: RequestStatus | null) {
  return infiniteQueryOptions({
    queryKey: requestsKeys.list(tenantId, status),
    queryFn: ({ pageParam, signal }) =>
      getLicenseRequests(tenantId, { status, cursor: pageParam, limit: REQUESTS_PAGE_SIZE }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** License requests, newest first, one keyset page at a time; `total` counts every page of the filter. */
export function useLicenseRequests(tenantId: string, status: RequestStatus | null) {
  return useInfiniteQuery(licenseRequestsQueryOptions(tenantId, status));
}
