import { resetPasswordResponseSchema } from "@allot/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

export function resetPassword(tenantId: string, userId: string, password?: string) {
  return apiRequest(tenantPath(tenantId, "users", userId, "resetPassword"), {
    method: "POST",
    body: password === undefined ? {} : { password },
    schema: resetPasswordResponseSchema,
  });
}

export function useResetPassword(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, password }: { userId: string; password?: string }) =>
      resetPassword(tenantId, userId, password),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.audit(tenantId) }),
  });
}
