import { type User, userPageSchema } from "@allot/contracts";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { licensesKeys } from "./keys";

export const SUGGESTION_LIMIT = 20;

/** Suggestions for the people picker: users whose name or email matches what was typed. */
export async function searchUsers(tenantId: string, search: string, signal?: AbortSignal): Promise<User[]> {
  const page = await apiRequest(tenantPath(tenantId, "users"), {
    query: { search: search || undefined, limit: SUGGESTION_LIMIT },
    schema: userPageSchema,
    signal,
  });
  return page.items;
}

export function userSuggestionsQueryOptions(tenantId: string, search: string) {
  return queryOptions({
    queryKey: licensesKeys.userSuggestions(tenantId, search),
    queryFn: ({ signal }) => searchUsers(tenantId, search, signal),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

export function useUserSuggestions(tenantId: string, search: string, enabled: boolean) {
  return useQuery({ ...userSuggestionsQueryOptions(tenantId, search), enabled });
}
