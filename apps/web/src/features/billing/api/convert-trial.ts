import { type BillingResult, billingResultSchema, type convertTrialRequestSchema } from "@allot/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { invalidateAfterBillingChange } from "@/lib/billing/invalidate";

export type ConvertTrialRequest = z.input<typeof convertTrialRequestSchema>;

export function convertTrial(
  tenantId: string,
  subscriptionId: string,
  request: ConvertTrialRequest,
  idempotencyKey: string,
): Promise<BillingResult> {
  return apiRequest(tenantPath(tenantId, "subscriptions", subscriptionId, "convert"), {
    method: "POST",
    body: request,
    schema: billingResultSchema,
    idempotencyKey,
  });
}

/** Turns a trial into a paid subscription of the chosen term (and seats). */
export function useConvertTrial(tenantId: string, subscriptionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ request, idempotencyKey }: { request: ConvertTrialRequest; idempotencyKey: string }) =>
      convertTrial(tenantId, subscriptionId, request, idempotencyKey),
    onSuccess: () => invalidateAfterBillingChange(queryClient, tenantId),
  });
}
