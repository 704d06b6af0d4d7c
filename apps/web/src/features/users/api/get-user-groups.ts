import { memberOfSchema } from "@allot/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { userKeys } from "./keys";

/** The groups a user belongs to (name and description). */
export async function getUserGroups(tenantId: string, userId: string, signal?: AbortSignal) {
  const result = await apiRequest(tenantPath(tenantId, "users", userId, "memberOf"), {
    schema: memberOfSchema,
    signal,
  });
  return result.items;
}

export function userGroupsQueryOptions(tenantId: string, userId: string) {
  return queryOptions({
    queryKey: userKeys.memberOf(tenantId, userId),
    queryFn: ({ signal }) => getUserGroups(tenantId, userId, signal),
  });
}

export function useUserGroups(tenantId: string, userId: string, enabled = true) {
  return useQuery({ ...userGroupsQueryOptions(tenantId, userId), enabled });
}
