import { selfServicePoliciesSchema, selfServicePolicySchema } from "@allot/contracts";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { invalidateAfterBillingChange } from "@/lib/billing/invalidate";
import { billingKeys } from "./keys";

export type SelfServicePolicy = z.infer<typeof selfServicePolicySchema>;

export function getSelfServicePolicies(tenantId: string, signal?: AbortSignal): Promise<SelfServicePolicy[]> {
  return apiRequest(tenantPath(tenantId, "selfService", "policies"), {
    schema: selfServicePoliciesSchema,
    signal,
  }).then((body) => body.value);
}

export function selfServicePoliciesQueryOptions(tenantId: string) {
  return queryOptions({
    queryKey: billingKeys.policies(tenantId),
    queryFn: ({ signal }) => getSelfServicePolicies(tenantId, signal),
  });
}

/** Per product: whether makers may buy it for themselves. */
export function useSelfServicePolicies(tenantId: string, enabled = true) {
  return useQuery({ ...selfServicePoliciesQueryOptions(tenantId), enabled });
}

/** What to switch: self-service purchase, trial sign-up (products that have one), or both. */
export interface PolicyChange {
  enabled?: boolean;
  trialSignUpEnabled?: boolean;
}

export function updateSelfServicePolicy(
  tenantId: string,
  skuId: string,
  change: PolicyChange,
): Promise<SelfServicePolicy> {
  return apiRequest(tenantPath(tenantId, "selfService", "policies", skuId), {
    method: "PUT",
    body: change,
    schema: selfServicePolicySchema,
  });
}

/**
 * Allows or stops self-service purchase of one product (makers then see "Buy" or "Request from my admin"), or the
 * trial sign-up of a product that has one.
 */
export function useUpdateSelfServicePolicy(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ skuId, ...change }: PolicyChange & { skuId: string }) =>
      updateSelfServicePolicy(tenantId, skuId, change),
    onSuccess: (policy) => {
      queryClient.setQueryData<SelfServicePolicy[]>(billingKeys.policies(tenantId), (current) =>
        current?.map((candidate) => (candidate.skuId === policy.skuId ? policy : candidate)),
      );
      return invalidateAfterBillingChange(queryClient, tenantId);
    },
  });
}
