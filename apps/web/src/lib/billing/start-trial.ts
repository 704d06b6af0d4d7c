import { type BillingResult, billingResultSchema } from "@allot/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { invalidateAfterBillingChange } from "./invalidate";

export function startTrial(tenantId: string, skuId: string, idempotencyKey: string): Promise<BillingResult> {
  return apiRequest(tenantPath(tenantId, "trials"), {
    method: "POST",
    body: { skuId },
    schema: billingResultSchema,
    idempotencyKey,
  });
}

/** Starts the free trial of a product for the organization (admins, once per product per organization). */
export function useStartTrial(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ skuId, idempotencyKey }: { skuId: string; idempotencyKey: string }) =>
      startTrial(tenantId, skuId, idempotencyKey),
    onSuccess: () => invalidateAfterBillingChange(queryClient, tenantId),
  });
}
