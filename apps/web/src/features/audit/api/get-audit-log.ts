import { auditPageSchema, type CsvDelimiter } from "@allot/contracts";
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { csvExportUrl } from "@/lib/api/csv-export";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

export const AUDIT_PAGE_SIZE = 50;
export type AuditPage = z.infer<typeof auditPageSchema>;

/** The filters as the API takes them: action codes, and instants with an offset (`to` exclusive). */
export interface AuditQuery {
  action?: string | undefined;
  byPartners?: "true" | "false" | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export function getAuditLog(
  tenantId: string,
  filter: AuditQuery,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<AuditPage> {
  return apiRequest(tenantPath(tenantId, "auditLog"), {
    query: { ...filter, cursor, limit: AUDIT_PAGE_SIZE },
    schema: auditPageSchema,
    signal,
  });
}

/** Newest first, one keyset page after the other; the previous list stays on screen while a new filter loads. */
export function auditLogQueryOptions(tenantId: string, filter: AuditQuery = {}) {
  return infiniteQueryOptions({
    queryKey: [...queryKeys.audit(tenantId), "list", filter],
    queryFn: ({ pageParam, signal }) => getAuditLog(tenantId, filter, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** `enabled: false` while the filters are invalid: nothing is fetched until they are fixed. */
export function useAuditLog(tenantId: string, filter: AuditQuery = {}, enabled = true) {
  return useInfiniteQuery({ ...auditLogQueryOptions(tenantId, filter), enabled });
}

/**
 * The CSV download of the events matching the filters. A plain link: the session cookie goes along (same origin,
 * GET needs no CSRF token) and the server names the file.
 */
export function auditExportUrl(tenantId: string, filter: AuditQuery, delimiter: CsvDelimiter): string {
  return csvExportUrl(tenantId, "auditLog", delimiter, { ...filter });
}
