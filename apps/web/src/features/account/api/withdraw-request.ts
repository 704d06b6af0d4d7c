import { type LicenseRequest, licenseRequestSchema } from "@allot/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

export function withdrawLicenseRequest(tenantId: string, requestId: string): Promise<LicenseRequest> {
  return apiRequest(tenantPath(tenantId, "licenseRequests", requestId, "cancel"), {
    method: "POST",
    schema: licenseRequestSchema,
  });
}

/** The requester withdraws a pending request. */
export function useWithdrawLicenseRequest(tenantId: string) {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.account(tenantId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.requests(tenantId) }),
    ]);
  return useMutation({
    mutationFn: (requestId: string) => withdrawLicenseRequest(tenantId, requestId),
    onSuccess: refresh,
    onError: refresh,
  });
}
