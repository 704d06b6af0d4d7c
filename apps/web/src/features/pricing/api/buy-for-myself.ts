import { type BillingResult, billingResultSchema, type SelfServicePurchaseRequest } from "@allot/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { invalidateAfterBillingChange } from "@/lib/billing/invalidate";

export function buyForMyself(
  tenantId: string,
  request: SelfServicePurchaseRequest,
  idempotencyKey: string,
): Promise<BillingResult> {
  return apiRequest(tenantPath(tenantId, "selfService", "purchases"), {
    method: "POST",
    body: request,
    schema: billingResultSchema,
    idempotencyKey,
  });
}

/** A self-service purchase paid by card: a subscription the buyer owns, with one seat assigned to them. */
export function useBuyForMyself(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ request, idempotencyKey }: { request: SelfServicePurchaseRequest; idempotencyKey: string }) =>
      buyForMyself(tenantId, request, idempotencyKey),
    onSuccess: () => invalidateAfterBillingChange(queryClient, tenantId),
  });
}
