import { type UserPage, userPageSchema } from "@allot/contracts";
import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { groupKeys } from "./keys";

export const MEMBERS_PAGE_SIZE = 50;

export function getGroupMembers(
  tenantId: string,
  groupId: string,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<UserPage> {
  return apiRequest(tenantPath(tenantId, "groups", groupId, "members"), {
    query: { cursor, limit: MEMBERS_PAGE_SIZE },
    schema: userPageSchema,
    signal,
  });
}

export function groupMembersQueryOptions(tenantId: string, groupId: string) {
  return infiniteQueryOptions({
    queryKey: groupKeys.members(tenantId, groupId),
    queryFn: ({ pageParam, signal }) => getGroupMembers(tenantId, groupId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useGroupMembers(tenantId: string, groupId: string) {
  return useInfiniteQuery(groupMembersQueryOptions(tenantId, groupId));
}
