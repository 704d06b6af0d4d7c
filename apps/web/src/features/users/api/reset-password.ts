import { type ResetPasswordRequest, resetPasswordResponseSchema } from "@allot/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

export function resetPassword(tenantId: string, userId: string, request: ResetPasswordRequest) {
  return apiRequest(tenantPath(tenantId, "users", userId, "resetPassword"), {
    method: "POST",
    body: request,
    schema: resetPasswordResponseSchema,
  });
}

export function useResetPassword(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, ...request }: ResetPasswordRequest & { userId: string }) =>
      resetPassword(tenantId, userId, request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.audit(tenantId) }),
  });
}
