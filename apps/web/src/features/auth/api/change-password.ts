import { type ChangePasswordRequest, meSchema } from "@allot/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest, setCsrfToken } from "@/lib/api-client";
import { meQueryKey } from "@/lib/auth";

export async function changePassword(request: ChangePasswordRequest) {
  const me = await apiRequest("/api/me/password", { method: "POST", body: request, schema: meSchema });
  setCsrfToken(me.csrfToken);
  return me;
}

/** Changes the signed-in user's password; the answer is the user without the one-time restriction. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: (me) => queryClient.setQueryData(meQueryKey, me),
  });
}
