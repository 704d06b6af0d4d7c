import { type PartnerActivityPage, partnerActivityPageSchema } from "@allot/contracts";
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { apiRequest } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";
import type { ActivityFilter } from "../lib/activity";
import { partnerPath } from "./partner-path";

export const ACTIVITY_PAGE_SIZE = 50;

function getActivity(
  partnerTenantId: string,
  filter: ActivityFilter,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<PartnerActivityPage> {
  return apiRequest(partnerPath(partnerTenantId, "activity"), {
    query: {
      customerTenantId: filter.customer,
      actorUserId: filter.staff,
      cursor,
      limit: ACTIVITY_PAGE_SIZE,
    },
    schema: partnerActivityPageSchema,
    signal,
  });
}

/** The partner's activity, newest first, one keyset page after the other; the last list stays while a filter loads. */
export function usePartnerActivity(partnerTenantId: string, filter: ActivityFilter) {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: [...queryKeys.partnerCenter(partnerTenantId), "activity", filter],
      queryFn: ({ pageParam, signal }) => getActivity(partnerTenantId, filter, pageParam, signal),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.nextCursor,
      placeholderData: keepPreviousData,
    }),
  );
}
