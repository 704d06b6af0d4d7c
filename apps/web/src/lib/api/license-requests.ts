import { type LicenseRequest, type LicenseRequestPage, licenseRequestPageSchema } from "@allot/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

export interface LicenseRequestQuery {
  status: LicenseRequest["status"] | null;
  cursor?: string | null;
  limit: number;
}

/** One keyset page of the tenant's license requests, newest first; `total` counts every page of the filter. */
export function getLicenseRequests(
  tenantId: string,
  { status, cursor = null, limit }: LicenseRequestQuery,
  signal?: AbortSignal,
): Promise<LicenseRequestPage> {
  return apiRequest(tenantPath(tenantId, "licenseRequests"), {
    query: { status, cursor, limit },
    schema: licenseRequestPageSchema,
    signal,
  });
}

/** How many license requests wait for a decision: one page of one item, whose `total` counts every page. */
export async function countPendingLicenseRequests(tenantId: string, signal?: AbortSignal): Promise<number> {
  const page = await getLicenseRequests(tenantId, { status: "pending", limit: 1 }, signal);
  return page.total;
}

/** One cache entry for Home's widget and the navigation's badge; request decisions invalidate queryKeys.requests. */
export function pendingLicenseRequestCountQueryOptions(tenantId: string) {
  return queryOptions({
    queryKey: [...queryKeys.requests(tenantId), "pendingCount"] as const,
    queryFn: ({ signal }) => countPendingLicenseRequests(tenantId, signal),
  });
}

/** Only for roles that approve requests (`requests.approve`); others pass enabled: false. */
export function usePendingLicenseRequestCount(tenantId: string, enabled: boolean, refetchInterval?: number) {
  return useQuery({ ...pendingLicenseRequestCountQueryOptions(tenantId), enabled, refetchInterval });
}
