import { subscriptionDetailsSchema } from "@allot/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { billingKeys } from "./keys";

export type SubscriptionDetails = z.infer<typeof subscriptionDetailsSchema>;

export function getSubscription(
  tenantId: string,
  subscriptionId: string,
  signal?: AbortSignal,
): Promise<SubscriptionDetails> {
  return apiRequest(tenantPath(tenantId, "subscriptions", subscriptionId), {
    schema: subscriptionDetailsSchema,
    signal,
  });
}

export function subscriptionQueryOptions(tenantId: string, subscriptionId: string) {
  return queryOptions({
    queryKey: billingKeys.subscription(tenantId, subscriptionId),
    queryFn: ({ signal }) => getSubscription(tenantId, subscriptionId, signal),
  });
}

/** One subscription with the orders placed on it. */
export function useSubscription(tenantId: string, subscriptionId: string | null) {
  return useQuery({
    ...subscriptionQueryOptions(tenantId, subscriptionId ?? ""),
    enabled: subscriptionId !== null && subscriptionId !== "",
  });
}
