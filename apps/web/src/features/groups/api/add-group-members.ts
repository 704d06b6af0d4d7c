import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { invalidateAfterGroupChange } from "./invalidate";

export function addGroupMembers(tenantId: string, groupId: string, userIds: readonly string[]): Promise<undefined> {
  return apiRequest(tenantPath(tenantId, "groups", groupId, "members"), { method: "POST", body: { userIds } });
}

export function useAddGroupMembers(tenantId: string, groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userIds: readonly string[]) => addGroupMembers(tenantId, groupId, userIds),
    onSuccess: () => invalidateAfterGroupChange(queryClient, tenantId),
  });
}
