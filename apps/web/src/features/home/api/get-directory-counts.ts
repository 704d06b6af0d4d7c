import { groupPageSchema, userPageSchema } from "@allot/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

/** The list endpoints have no totals; counting one page of this size tells "N" from "at least N". */
export const COUNT_LIMIT = 200;

export interface Count {
  count: number;
  /** True when there are more than `count`. */
  atLeast: boolean;
}

type UserCountFilter = { type?: "guest"; deleted?: true };

export async function countUsers(tenantId: string, filter: UserCountFilter, signal?: AbortSignal): Promise<Count> {
  const page = await apiRequest(tenantPath(tenantId, "users"), {
    query: { ...filter, limit: COUNT_LIMIT },
    schema: userPageSchema,
    signal,
  });
  return { count: page.items.length, atLeast: page.nextCursor !== null };
}

export async function countGroups(tenantId: string, signal?: AbortSignal): Promise<Count> {
  const page = await apiRequest(tenantPath(tenantId, "groups"), {
    query: { limit: COUNT_LIMIT },
    schema: groupPageSchema,
    signal,
  });
  return { count: page.items.length, atLeast: page.nextCursor !== null };
}

export function userCountQueryOptions(tenantId: string, filter: UserCountFilter) {
  return queryOptions({
    queryKey: [...queryKeys.users(tenantId), "count", filter],
    queryFn: ({ signal }) => countUsers(tenantId, filter, signal),
  });
}

export function groupCountQueryOptions(tenantId: string) {
  return queryOptions({
    queryKey: [...queryKeys.groups(tenantId), "count"],
    queryFn: ({ signal }) => countGroups(tenantId, signal),
  });
}

export function useUserCount(tenantId: string, filter: UserCountFilter, enabled: boolean) {
  return useQuery({ ...userCountQueryOptions(tenantId, filter), enabled });
}

export function useGroupCount(tenantId: string, enabled: boolean) {
  return useQuery({ ...groupCountQueryOptions(tenantId), enabled });
}
