import { type DenyLicenseRequest, type LicenseRequest, licenseRequestSchema } from "@allot/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError, apiRequest, tenantPath } from "@/lib/api-client";
import { invalidateAfterDecision } from "./invalidate";

export function denyLicenseRequest(
  tenantId: string,
  requestId: string,
  body: DenyLicenseRequest,
): Promise<LicenseRequest> {
  return apiRequest(tenantPath(tenantId, "licenseRequests", requestId, "deny"), {
    method: "POST",
    body,
    schema: licenseRequestSchema,
  });
}

/** Denies a request with a reason the requester sees. */
export function useDenyLicenseRequest(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, body }: { requestId: string; body: DenyLicenseRequest }) =>
      denyLicenseRequest(tenantId, requestId, body),
    onSuccess: () => invalidateAfterDecision(queryClient, tenantId),
    onError: (error) => {
      if (error instanceof ApiError && error.code === "RequestNotPending") {
        void invalidateAfterDecision(queryClient, tenantId);
      }
    },
  });
}
