import { type UserIds, userIdsSchema } from "@allot/contracts";
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { filterQuery } from "./get-users";
import { type UsersFilter, userKeys } from "./keys";

/** The ids of every user the list's filters match (at most 10,000, `truncated` when more match), in list order. */
export function getUserIds(tenantId: string, filter: UsersFilter, signal?: AbortSignal): Promise<UserIds> {
  return apiRequest(tenantPath(tenantId, "users", "ids"), {
    query: filterQuery(filter),
    schema: userIdsSchema,
    signal,
  });
}

export function userIdsQueryOptions(tenantId: string, filter: UsersFilter) {
  return queryOptions({
    queryKey: userKeys.ids(tenantId, filter),
    queryFn: ({ signal }) => getUserIds(tenantId, filter, signal),
  });
}

/** "Select all users that match": asks for the ids when the admin chooses it, always fresh. */
export function useSelectAllMatching(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (filter: UsersFilter) =>
      queryClient.fetchQuery({ ...userIdsQueryOptions(tenantId, filter), staleTime: 0 }),
  });
}
