import { type LicenseRequestPage, licenseRequestPageSchema } from "@allot/contracts";
import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { type RequestStatus, requestsKeys } from "./keys";

export const REQUESTS_PAGE_SIZE = 50;

export function getLicenseRequests(
  tenantId: string,
  status: RequestStatus | null,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<LicenseRequestPage> {
  return apiRequest(tenantPath(tenantId, "licenseRequests"), {
    query: { status, cursor, limit: REQUESTS_PAGE_SIZE },
    schema: licenseRequestPageSchema,
    signal,
  });
}

export function licenseRequestsQueryOptions(tenantId: string, status: RequestStatus | null) {
  return infiniteQueryOptions({
    queryKey: requestsKeys.list(tenantId, status),
    queryFn: ({ pageParam, signal }) => getLicenseRequests(tenantId, status, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** License requests, newest first, one keyset page at a time; `total` counts every page of the filter. */
export function useLicenseRequests(tenantId: string, status: RequestStatus | null) {
  return useInfiniteQuery(licenseRequestsQueryOptions(tenantId, status));
}
