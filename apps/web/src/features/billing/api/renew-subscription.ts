import { type BillingResult, billingResultSchema } from "@allot/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { invalidateAfterBillingChange } from "@/lib/billing/invalidate";

export function renewSubscription(
  tenantId: string,
  subscriptionId: string,
  idempotencyKey: string,
): Promise<BillingResult> {
  return apiRequest(tenantPath(tenantId, "subscriptions", subscriptionId, "renew"), {
    method: "POST",
    // The API takes an empty JSON object (and refuses a POST without a body).
    body: {},
    schema: billingResultSchema,
    idempotencyKey,
  });
}

/** Renews an active subscription (pays its next term) or reactivates an expired or disabled one. */
export function useRenewSubscription(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ subscriptionId, idempotencyKey }: { subscriptionId: string; idempotencyKey: string }) =>
      renewSubscription(tenantId, subscriptionId, idempotencyKey),
    onSuccess: () => invalidateAfterBillingChange(queryClient, tenantId),
  });
}
