import { type ReclaimPage, reclaimPageSchema } from "@allot/contracts";
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { licensingKeys } from "@/lib/licensing/keys";

export const RECLAIM_PAGE_SIZE = 100;
export const DEFAULT_INACTIVE_DAYS = 90;
export const MIN_INACTIVE_DAYS = 1;
export const MAX_INACTIVE_DAYS = 3650;

/** The number of days typed, if it is one the API takes (a whole number from 1 to 3650); null otherwise. */
export function parseInactiveDays(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,4}$/.test(trimmed)) return null;
  const days = Number(trimmed);
  return days >= MIN_INACTIVE_DAYS && days <= MAX_INACTIVE_DAYS ? days : null;
}

export function getReclaimCandidates(
  tenantId: string,
  inactiveDays: number,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<ReclaimPage> {
  return apiRequest(tenantPath(tenantId, "licenses", "reclaimCandidates"), {
    query: { inactiveDays, cursor, limit: RECLAIM_PAGE_SIZE },
    schema: reclaimPageSchema,
    signal,
  });
}

/** One keyset page after the other; the previous list stays on screen while another number of days loads. */
export function reclaimCandidatesQueryOptions(tenantId: string, inactiveDays: number) {
  return infiniteQueryOptions({
    queryKey: licensingKeys.reclaim(tenantId, inactiveDays),
    queryFn: ({ pageParam, signal }) => getReclaimCandidates(tenantId, inactiveDays, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** Users inactive for `inactiveDays` who hold paid licenses directly, with the totals over all of them. */
export function useReclaimCandidates(tenantId: string, inactiveDays: number) {
  return useInfiniteQuery(reclaimCandidatesQueryOptions(tenantId, inactiveDays));
}
