import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { invalidateAfterGroupChange } from "./invalidate";

export function deleteGroup(tenantId: string, groupId: string): Promise<undefined> {
  return apiRequest(tenantPath(tenantId, "groups", groupId), { method: "DELETE" });
}

export function useDeleteGroup(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (groupId: string) => deleteGroup(tenantId, groupId),
    onSuccess: () => invalidateAfterGroupChange(queryClient, tenantId),
  });
}
