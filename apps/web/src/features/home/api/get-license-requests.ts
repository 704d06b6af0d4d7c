import { licenseRequestPageSchema } from "@allot/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

/** How many license requests wait for a decision: one page of one item, whose `total` counts every page. */
export async function countPendingLicenseRequests(tenantId: string, signal?: AbortSignal): Promise<number> {
  const page = await apiRequest(tenantPath(tenantId, "licenseRequests"), {
    query: { status: "pending", limit: 1 },
    schema: licenseRequestPageSchema,
    signal,
  });
  return page.total;
}

export function pendingLicenseRequestCountQueryOptions(tenantId: string) {
  return queryOptions({
    queryKey: [...queryKeys.requests(tenantId), "pendingCount"],
    queryFn: ({ signal }) => countPendingLicenseRequests(tenantId, signal),
  });
}

/** Only for roles that approve requests (`requests.approve`); others pass enabled: false. */
export function usePendingLicenseRequestCount(tenantId: string, enabled: boolean) {
  return useQuery({ ...pendingLicenseRequestCountQueryOptions(tenantId), enabled });
}
