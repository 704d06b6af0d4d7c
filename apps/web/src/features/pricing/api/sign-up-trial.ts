import { type TrialSignUp, type TrialSignUpRequest, trialSignUpSchema } from "@allot/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

export function signUpForTrial(tenantId: string, request: TrialSignUpRequest): Promise<TrialSignUp> {
  return apiRequest(tenantPath(tenantId, "trials", "powerAutomate", "signUp"), {
    method: "POST",
    body: request,
    schema: trialSignUpSchema,
  });
}

/**
 * Starts the free Power Automate trial for the signed-in person (for the organization, or just for them). The
 * pricing page and My licenses both sit below queryKeys.account, so both show it afterwards.
 */
export function useSignUpForTrial(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: TrialSignUpRequest) => signUpForTrial(tenantId, request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.account(tenantId) }),
  });
}
