import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { invalidateAfterUserChange } from "./invalidate";

export function deleteUser(tenantId: string, userId: string): Promise<undefined> {
  return apiRequest(tenantPath(tenantId, "users", userId), { method: "DELETE" });
}

export interface DeleteUsersResult {
  deleted: string[];
  failed: { userId: string; error: unknown }[];
}

/**
 * Deletes several users one call each (the API has no bulk delete), reporting progress; one failure does not stop
 * the others.
 */
export async function deleteUsers(
  tenantId: string,
  userIds: readonly string[],
  onProgress?: (done: number) => void,
): Promise<DeleteUsersResult> {
  const result: DeleteUsersResult = { deleted: [], failed: [] };
  let done = 0;
  const queue = [...userIds];
  const worker = async () => {
    for (let userId = queue.shift(); userId !== undefined; userId = queue.shift()) {
      try {
        await deleteUser(tenantId, userId);
        result.deleted.push(userId);
      } catch (error) {
        result.failed.push({ userId, error });
      }
      done += 1;
      onProgress?.(done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, userIds.length) }, worker));
  return result;
}

export function useDeleteUsers(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userIds, onProgress }: { userIds: readonly string[]; onProgress?: (done: number) => void }) =>
      deleteUsers(tenantId, userIds, onProgress),
    onSettled: () => invalidateAfterUserChange(queryClient, tenantId),
  });
}
