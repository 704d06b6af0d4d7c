import { userPageSchema } from "@allot/contracts";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { groupKeys } from "./keys";

export const USER_SEARCH_LIMIT = 20;

/** Candidates for group membership, by name or email. */
export async function searchUsers(tenantId: string, search: string, signal?: AbortSignal) {
  const page = await apiRequest(tenantPath(tenantId, "users"), {
    query: { search: search || undefined, limit: USER_SEARCH_LIMIT },
    schema: userPageSchema,
    signal,
  });
  return page.items;
}

export function userSearchQueryOptions(tenantId: string, search: string) {
  return queryOptions({
    queryKey: groupKeys.userSearch(tenantId, search),
    queryFn: ({ signal }) => searchUsers(tenantId, search, signal),
    placeholderData: keepPreviousData,
  });
}

export function useUserSearch(tenantId: string, search: string, enabled: boolean) {
  return useQuery({ ...userSearchQueryOptions(tenantId, search), enabled });
}
