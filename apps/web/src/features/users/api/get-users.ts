import { type UserPage, userPageSchema } from "@allot/contracts";
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { type UsersFilter, userKeys } from "./keys";

export const USERS_PAGE_SIZE = 50;

/** The list's filters as query parameters: one mapping for the pages and for "select all that match". */
export function filterQuery(filter: UsersFilter) {
  return {
    search: filter.search?.trim() || undefined,
    type: filter.type,
    role: filter.role,
    licensed: filter.licensed,
    deleted: filter.deleted ? true : undefined,
    skuId: filter.skuId,
    department: filter.department,
    jobTitle: filter.jobTitle,
    city: filter.city,
    country: filter.country,
  };
}

export function getUsers(
  tenantId: string,
  filter: UsersFilter,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<UserPage> {
  return apiRequest(tenantPath(tenantId, "users"), {
    query: { ...filterQuery(filter), cursor, limit: USERS_PAGE_SIZE },
    schema: userPageSchema,
    signal,
  });
}

/** Users sorted by display name, one keyset page after the other. */
export function usersQueryOptions(tenantId: string, filter: UsersFilter) {
  return infiniteQueryOptions({
    queryKey: userKeys.list(tenantId, filter),
    queryFn: ({ pageParam, signal }) => getUsers(tenantId, filter, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useUsers(tenantId: string, filter: UsersFilter) {
  return useInfiniteQuery(usersQueryOptions(tenantId, filter));
}
