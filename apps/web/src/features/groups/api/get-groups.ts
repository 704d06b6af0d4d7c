import { groupPageSchema } from "@allot/contracts";
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { groupKeys } from "./keys";

export const GROUPS_PAGE_SIZE = 50;

export type GroupPage = z.infer<typeof groupPageSchema>;

export function getGroups(
  tenantId: string,
  search: string,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<GroupPage> {
  return apiRequest(tenantPath(tenantId, "groups"), {
    query: { search: search || undefined, cursor, limit: GROUPS_PAGE_SIZE },
    schema: groupPageSchema,
    signal,
  });
}

export function groupsQueryOptions(tenantId: string, search: string) {
  return infiniteQueryOptions({
    queryKey: groupKeys.list(tenantId, search),
    queryFn: ({ pageParam, signal }) => getGroups(tenantId, search, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useGroups(tenantId: string, search: string) {
  return useInfiniteQuery(groupsQueryOptions(tenantId, search));
}
