import { type BillingResult, billingResultSchema } from "@allot/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { invalidateAfterBillingChange } from "@/lib/billing/invalidate";

export function takeOverSubscription(tenantId: string, subscriptionId: string): Promise<BillingResult> {
  return apiRequest(tenantPath(tenantId, "subscriptions", subscriptionId, "takeOver"), {
    method: "POST",
    // The API takes an empty JSON object (and refuses a POST without a body).
    body: {},
    schema: billingResultSchema,
  });
}

/** Takes over a maker's self-service subscription: from then on admins assign its seats like any other. */
export function useTakeOverSubscription(tenantId: string, subscriptionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => takeOverSubscription(tenantId, subscriptionId),
    onSuccess: () => invalidateAfterBillingChange(queryClient, tenantId),
  });
}
