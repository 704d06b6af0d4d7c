import { type GroupLicenses, groupLicensesSchema } from "@allot/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { invalidateAfterLicenseChange } from "@/lib/licensing/invalidate";
import { licensingKeys } from "@/lib/licensing/keys";

/** Retries the members' inherited licenses that are in error (after buying seats, setting a location, …). */
export function reprocessGroupLicenses(tenantId: string, groupId: string): Promise<GroupLicenses> {
  return apiRequest(tenantPath(tenantId, "groups", groupId, "reprocessLicenseAssignment"), {
    method: "POST",
    schema: groupLicensesSchema,
  });
}

export function useReprocessGroupLicenses(tenantId: string, groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => reprocessGroupLicenses(tenantId, groupId),
    onSuccess: (licenses) => {
      queryClient.setQueryData(licensingKeys.groupLicenses(tenantId, groupId), licenses);
      return invalidateAfterLicenseChange(queryClient, tenantId);
    },
  });
}
