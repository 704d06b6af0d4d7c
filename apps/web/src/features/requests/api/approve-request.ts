import { type ApproveLicenseRequest, type LicenseRequest, licenseRequestSchema } from "@allot/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError, apiRequest, tenantPath } from "@/lib/api-client";
import { invalidateAfterDecision } from "./invalidate";

export function approveLicenseRequest(
  tenantId: string,
  requestId: string,
  body: ApproveLicenseRequest,
): Promise<LicenseRequest> {
  return apiRequest(tenantPath(tenantId, "licenseRequests", requestId, "approve"), {
    method: "POST",
    body,
    schema: licenseRequestSchema,
  });
}

/** Approves a request: assigns the product asked for, or the other one given in skuId. */
export function useApproveLicenseRequest(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, body }: { requestId: string; body: ApproveLicenseRequest }) =>
      approveLicenseRequest(tenantId, requestId, body),
    onSuccess: () => invalidateAfterDecision(queryClient, tenantId),
    onError: (error) => {
      // Seats or the request itself changed meanwhile: show what is true now.
      if (error instanceof ApiError && error.status === 409) void invalidateAfterDecision(queryClient, tenantId);
    },
  });
}
