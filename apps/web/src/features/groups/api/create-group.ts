import { type Group, groupSchema } from "@allot/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { invalidateAfterGroupChange } from "./invalidate";

export interface CreateGroupBody {
  displayName: string;
  description?: string | null | undefined;
}

export function createGroup(tenantId: string, body: CreateGroupBody): Promise<Group> {
  return apiRequest(tenantPath(tenantId, "groups"), { method: "POST", body, schema: groupSchema });
}

export function useCreateGroup(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateGroupBody) => createGroup(tenantId, body),
    onSuccess: () => invalidateAfterGroupChange(queryClient, tenantId),
  });
}
