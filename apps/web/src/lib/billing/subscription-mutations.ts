import {
  type BillingResult,
  billingResultSchema,
  type ChangeSeatsRequest,
  type Subscription,
  subscriptionSchema,
} from "@allot/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { type InvalidateAfterChange, invalidateAfterBillingChange } from "./invalidate";

/**
 * Changes of one subscription, made by a billing admin (Billing) or by the buyer of a self-service subscription
 * (My licenses). Each hook refreshes with `invalidate`: by default what any billing change moves.
 */

export function changeSeats(
  tenantId: string,
  subscriptionId: string,
  request: ChangeSeatsRequest,
  idempotencyKey: string,
): Promise<BillingResult> {
  return apiRequest(tenantPath(tenantId, "subscriptions", subscriptionId, "changeSeats"), {
    method: "POST",
    body: request,
    schema: billingResultSchema,
    idempotencyKey,
  });
}

/**
 * Sets a subscription's seats: more are billed prorated now, fewer credited. Below what is assigned it answers
 * SeatsInUse (with the holders) unless acceptConflict is set.
 */
export function useChangeSeats(
  tenantId: string,
  subscriptionId: string,
  invalidate: InvalidateAfterChange = invalidateAfterBillingChange,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ request, idempotencyKey }: { request: ChangeSeatsRequest; idempotencyKey: string }) =>
      changeSeats(tenantId, subscriptionId, request, idempotencyKey),
    onSuccess: () => invalidate(queryClient, tenantId),
  });
}

export function setAutoRenew(tenantId: string, subscriptionId: string, autoRenew: boolean): Promise<Subscription> {
  return apiRequest(tenantPath(tenantId, "subscriptions", subscriptionId), {
    method: "PATCH",
    body: { autoRenew },
    schema: subscriptionSchema,
  });
}

/**
 * Turns a subscription's auto-renew on or off. With `refreshOnError` it also refreshes after a refusal (for a
 * switch that shows the subscription as it is).
 */
export function useSetAutoRenew(
  tenantId: string,
  subscriptionId: string,
  {
    invalidate = invalidateAfterBillingChange,
    refreshOnError = false,
  }: { invalidate?: InvalidateAfterChange; refreshOnError?: boolean } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (autoRenew: boolean) => setAutoRenew(tenantId, subscriptionId, autoRenew),
    onSuccess: () => invalidate(queryClient, tenantId),
    onError: () => (refreshOnError ? invalidate(queryClient, tenantId) : undefined),
  });
}

export function cancelSubscription(
  tenantId: string,
  subscriptionId: string,
  idempotencyKey: string,
): Promise<BillingResult> {
  return apiRequest(tenantPath(tenantId, "subscriptions", subscriptionId, "cancel"), {
    method: "POST",
    // An action without parameters: the API takes no body or an empty JSON object; this sends the latter.
    body: {},
    schema: billingResultSchema,
    idempotencyKey,
  });
}

/**
 * Cancels a subscription: monthly ones are disabled at once, annual ones and trials enter their grace period.
 * Unused days are credited.
 */
export function useCancelSubscription(
  tenantId: string,
  subscriptionId: string,
  invalidate: InvalidateAfterChange = invalidateAfterBillingChange,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (idempotencyKey: string) => cancelSubscription(tenantId, subscriptionId, idempotencyKey),
    onSuccess: () => invalidate(queryClient, tenantId),
  });
}
