import { type SubscriptionAssignments, subscriptionAssignmentsSchema } from "@allot/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { invalidateAfterSubscriptionChange } from "./invalidate";

export type AssignmentDirection = "assign" | "unassign";

export function changeAssignments(
  tenantId: string,
  subscriptionId: string,
  direction: AssignmentDirection,
  userIds: string[],
): Promise<SubscriptionAssignments> {
  return apiRequest(tenantPath(tenantId, "subscriptions", subscriptionId, `${direction}Licenses`), {
    method: "POST",
    body: { userIds },
    schema: subscriptionAssignmentsSchema,
  });
}

/** The buyer gives seats of their subscription to people, or takes them back (their data in its apps goes). */
export function useChangeAssignments(tenantId: string, subscriptionId: string, direction: AssignmentDirection) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userIds: string[]) => changeAssignments(tenantId, subscriptionId, direction, userIds),
    onSuccess: () => invalidateAfterSubscriptionChange(queryClient, tenantId),
  });
}
