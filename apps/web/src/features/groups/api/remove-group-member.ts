import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { invalidateAfterGroupChange } from "./invalidate";

export function removeGroupMember(tenantId: string, groupId: string, userId: string): Promise<undefined> {
  return apiRequest(tenantPath(tenantId, "groups", groupId, "members", userId), { method: "DELETE" });
}

export function useRemoveGroupMember(tenantId: string, groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => removeGroupMember(tenantId, groupId, userId),
    onSuccess: () => invalidateAfterGroupChange(queryClient, tenantId),
  });
}
