import { type CreatedUser, type CreateUserRequest, createdUserSchema } from "@allot/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { invalidateAfterUserChange } from "./invalidate";

export function createUser(tenantId: string, body: CreateUserRequest): Promise<CreatedUser> {
  return apiRequest(tenantPath(tenantId, "users"), { method: "POST", body, schema: createdUserSchema });
}

export function useCreateUser(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserRequest) => createUser(tenantId, body),
    onSuccess: () => invalidateAfterUserChange(queryClient, tenantId),
  });
}
