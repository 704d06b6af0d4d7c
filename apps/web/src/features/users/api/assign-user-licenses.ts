import { type AssignLicenseRequest, type LicensedUser, licensedUserSchema } from "@allot/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { invalidateAfterLicenseChange } from "@/lib/licensing/invalidate";
import { licensingKeys } from "@/lib/licensing/keys";

/**
 * One user's license change, all or nothing: licenses to add (a held one re-sent with other disabledPlans switches
 * its apps) and licenses to remove. Answers the user as it is after the change.
 */
export function assignUserLicenses(
  tenantId: string,
  userId: string,
  body: AssignLicenseRequest,
): Promise<LicensedUser> {
  return apiRequest(tenantPath(tenantId, "users", userId, "assignLicense"), {
    method: "POST",
    body,
    schema: licensedUserSchema,
  });
}

export function useAssignUserLicenses(tenantId: string, userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AssignLicenseRequest) => assignUserLicenses(tenantId, userId, body),
    onSuccess: (user) => {
      queryClient.setQueryData(licensingKeys.userLicenses(tenantId, userId), user);
      return invalidateAfterLicenseChange(queryClient, tenantId);
    },
  });
}
