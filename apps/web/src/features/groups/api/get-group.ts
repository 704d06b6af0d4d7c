import { type Group, groupSchema } from "@allot/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { groupKeys } from "./keys";

export function getGroup(tenantId: string, groupId: string, signal?: AbortSignal): Promise<Group> {
  return apiRequest(tenantPath(tenantId, "groups", groupId), { schema: groupSchema, signal });
}

export function groupQueryOptions(tenantId: string, groupId: string) {
  return queryOptions({
    queryKey: groupKeys.detail(tenantId, groupId),
    queryFn: ({ signal }) => getGroup(tenantId, groupId, signal),
  });
}

export function useGroup(tenantId: string, groupId: string | null, initial?: Group) {
  return useQuery({
    ...groupQueryOptions(tenantId, groupId ?? ""),
    enabled: groupId !== null,
    placeholderData: initial,
  });
}
