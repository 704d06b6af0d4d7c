import { type UpdateUserRequest, type User, userSchema } from "@allot/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { invalidateAfterUserChange } from "./invalidate";
import { userKeys } from "./keys";

export function updateUser(tenantId: string, userId: string, body: UpdateUserRequest): Promise<User> {
  return apiRequest(tenantPath(tenantId, "users", userId), { method: "PATCH", body, schema: userSchema });
}

export function useUpdateUser(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, body }: { userId: string; body: UpdateUserRequest }) => updateUser(tenantId, userId, body),
    onSuccess: (user) => {
      queryClient.setQueryData(userKeys.detail(tenantId, user.id), user);
      return invalidateAfterUserChange(queryClient, tenantId);
    },
  });
}
