import { auditPageSchema } from "@allot/contracts";
import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

export const AUDIT_PAGE_SIZE = 50;
export type AuditPage = z.infer<typeof auditPageSchema>;

export function getAuditLog(tenantId: string, cursor: string | null, signal?: AbortSignal): Promise<AuditPage> {
  return apiRequest(tenantPath(tenantId, "auditLog"), {
    query: { cursor, limit: AUDIT_PAGE_SIZE },
    schema: auditPageSchema,
    signal,
  });
}

/** Newest first, one keyset page after the other. */
export function auditLogQueryOptions(tenantId: string) {
  return infiniteQueryOptions({
    queryKey: [...queryKeys.audit(tenantId), "list"],
    queryFn: ({ pageParam, signal }) => getAuditLog(tenantId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useAuditLog(tenantId: string) {
  return useInfiniteQuery(auditLogQueryOptions(tenantId));
}
