import { type CreateLicenseRequest, type LicenseRequest, licenseRequestSchema } from "@allot/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError, apiRequest, tenantPath } from "@/lib/api-client";
import { invalidateAfterRequest } from "./invalidate";

export function requestLicense(tenantId: string, request: CreateLicenseRequest): Promise<LicenseRequest> {
  return apiRequest(tenantPath(tenantId, "licenseRequests"), {
    method: "POST",
    body: request,
    schema: licenseRequestSchema,
  });
}

/** Asks the organization's admins for a license; a second pending request for one product is refused. */
export function useRequestLicense(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateLicenseRequest) => requestLicense(tenantId, request),
    onSuccess: () => invalidateAfterRequest(queryClient, tenantId),
    // A duplicate means the page was out of date: refresh it so the product shows its pending request.
    onError: (error) => {
      if (error instanceof ApiError && error.code === "DuplicateRequest") {
        void invalidateAfterRequest(queryClient, tenantId);
      }
    },
  });
}
