import { type StaffPage, staffPageSchema } from "@allot/contracts";
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { apiRequest } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";
import { partnerPath } from "./partner-path";

export const STAFF_PAGE_SIZE = 50;

/** Every query of the partner's staff list, to refresh after a change of staff or access. */
export const staffKey = (partnerTenantId: string) => [...queryKeys.partnerCenter(partnerTenantId), "staff"] as const;

export function getStaff(
  partnerTenantId: string,
  search: string,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<StaffPage> {
  return apiRequest(partnerPath(partnerTenantId, "staff"), {
    query: { search, cursor, limit: STAFF_PAGE_SIZE },
    schema: staffPageSchema,
    signal,
  });
}

/** The partner's staff by name, one keyset page after the other; the last list stays while a search loads. */
export function useStaff(partnerTenantId: string, search: string, enabled = true) {
  return useInfiniteQuery({
    ...infiniteQueryOptions({
      queryKey: [...staffKey(partnerTenantId), search],
      queryFn: ({ pageParam, signal }) => getStaff(partnerTenantId, search, pageParam, signal),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
      placeholderData: keepPreviousData,
    }),
    enabled,
  });
}
