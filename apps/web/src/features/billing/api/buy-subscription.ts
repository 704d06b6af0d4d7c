import { type BillingResult, billingResultSchema, type PurchaseRequest } from "@allot/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { invalidateAfterBillingChange } from "@/lib/billing/invalidate";

export function buySubscription(
  tenantId: string,
  request: PurchaseRequest,
  idempotencyKey: string,
): Promise<BillingResult> {
  return apiRequest(tenantPath(tenantId, "subscriptions"), {
    method: "POST",
    body: request,
    schema: billingResultSchema,
    idempotencyKey,
  });
}

/** Buys a new subscription: seats of a product for a monthly or annual term, billed now. */
export function useBuySubscription(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ request, idempotencyKey }: { request: PurchaseRequest; idempotencyKey: string }) =>
      buySubscription(tenantId, request, idempotencyKey),
    onSuccess: () => invalidateAfterBillingChange(queryClient, tenantId),
  });
}
