import { type RestoredUser, restoredUserSchema } from "@allot/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { invalidateAfterUserChange } from "./invalidate";

/** Restores a deleted user; licenses come back only where seats are free (the rest are listed). */
export function restoreUser(tenantId: string, userId: string): Promise<RestoredUser> {
  return apiRequest(tenantPath(tenantId, "users", userId, "restore"), { method: "POST", schema: restoredUserSchema });
}

export function useRestoreUser(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => restoreUser(tenantId, userId),
    onSettled: () => invalidateAfterUserChange(queryClient, tenantId),
  });
}
