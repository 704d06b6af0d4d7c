import { type Subscription, subscriptionsSchema } from "@allot/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { billingKeys } from "./keys";

export function getSubscriptions(
  tenantId: string,
  includeDeleted: boolean,
  signal?: AbortSignal,
): Promise<Subscription[]> {
  return apiRequest(tenantPath(tenantId, "subscriptions"), {
    query: { includeDeleted },
    schema: subscriptionsSchema,
    signal,
  }).then((body) => body.value);
}

export function subscriptionsQueryOptions(tenantId: string, includeDeleted = false) {
  return queryOptions({
    queryKey: billingKeys.subscriptions(tenantId, includeDeleted),
    queryFn: ({ signal }) => getSubscriptions(tenantId, includeDeleted, signal),
  });
}

/** The tenant's subscriptions (deleted ones only when asked). */
export function useSubscriptions(tenantId: string, includeDeleted = false, enabled = true) {
  return useQuery({ ...subscriptionsQueryOptions(tenantId, includeDeleted), enabled });
}
