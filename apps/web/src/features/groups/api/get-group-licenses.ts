import { type GroupLicenses, groupLicensesSchema } from "@allot/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { licensingKeys } from "@/lib/licensing/keys";

/** A group's licenses and the members whose inherited license could not be applied (the first 100). */
export function getGroupLicenses(tenantId: string, groupId: string, signal?: AbortSignal): Promise<GroupLicenses> {
  return apiRequest(tenantPath(tenantId, "groups", groupId, "licenses"), { schema: groupLicensesSchema, signal });
}

export function groupLicensesQueryOptions(tenantId: string, groupId: string) {
  return queryOptions({
    queryKey: licensingKeys.groupLicenses(tenantId, groupId),
    queryFn: ({ signal }) => getGroupLicenses(tenantId, groupId, signal),
  });
}

export function useGroupLicenses(tenantId: string, groupId: string) {
  return useQuery(groupLicensesQueryOptions(tenantId, groupId));
}
