import { type DlpPolicies, dlpPoliciesSchema, type PutDlpPoliciesRequest } from "@allot/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { invalidatePowerPlatform, ppKeys } from "./keys";

export function useDlpPolicies(tenantId: string) {
  return useQuery({
    queryKey: ppKeys.dlp(tenantId),
    queryFn: ({ signal }): Promise<DlpPolicies> =>
      apiRequest(tenantPath(tenantId, "dlpPolicies"), { schema: dlpPoliciesSchema, signal }),
  });
}

/** Replaces the whole set of the tenant's policies; answers the saved set and the flows it suspends. */
export function useSaveDlpPolicies(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PutDlpPoliciesRequest): Promise<DlpPolicies> =>
      apiRequest(tenantPath(tenantId, "dlpPolicies"), { method: "PUT", body, schema: dlpPoliciesSchema }),
    onSuccess: (saved) => {
      queryClient.setQueryData(ppKeys.dlp(tenantId), saved);
      return invalidatePowerPlatform(queryClient, tenantId);
    },
  });
}
