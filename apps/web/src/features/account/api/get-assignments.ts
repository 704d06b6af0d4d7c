import { type SubscriptionAssignments, subscriptionAssignmentsSchema } from "@allot/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { accountKeys } from "./keys";

export function getAssignments(
  tenantId: string,
  subscriptionId: string,
  signal?: AbortSignal,
): Promise<SubscriptionAssignments> {
  return apiRequest(tenantPath(tenantId, "subscriptions", subscriptionId, "assignments"), {
    schema: subscriptionAssignmentsSchema,
    signal,
  });
}

export function assignmentsQueryOptions(tenantId: string, subscriptionId: string) {
  return queryOptions({
    queryKey: accountKeys.assignments(tenantId, subscriptionId),
    queryFn: ({ signal }) => getAssignments(tenantId, subscriptionId, signal),
  });
}

/** The people the buyer gave a seat of their self-service subscription. */
export function useAssignments(tenantId: string, subscriptionId: string, enabled = true) {
  return useQuery({ ...assignmentsQueryOptions(tenantId, subscriptionId), enabled });
}
