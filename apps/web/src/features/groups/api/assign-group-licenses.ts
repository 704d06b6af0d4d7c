import { type AssignLicenseRequest, type GroupLicenses, groupLicensesSchema } from "@allot/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { invalidateAfterLicenseChange } from "@/lib/licensing/invalidate";
import { licensingKeys } from "@/lib/licensing/keys";

/** Changes the group's licenses; members inherit them before the answer comes back. */
export function assignGroupLicenses(
  tenantId: string,
  groupId: string,
  body: AssignLicenseRequest,
): Promise<GroupLicenses> {
  return apiRequest(tenantPath(tenantId, "groups", groupId, "assignLicense"), {
    method: "POST",
    body,
    schema: groupLicensesSchema,
  });
}

export function useAssignGroupLicenses(tenantId: string, groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AssignLicenseRequest) => assignGroupLicenses(tenantId, groupId, body),
    onSuccess: (licenses) => {
      queryClient.setQueryData(licensingKeys.groupLicenses(tenantId, groupId), licenses);
      return invalidateAfterLicenseChange(queryClient, tenantId);
    },
  });
}
