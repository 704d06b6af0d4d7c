import { userImportRowPageSchema } from "@allot/contracts";
import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { type ImportRowsFilter, importKeys } from "./keys";

export const IMPORT_ROWS_PAGE_SIZE = 50;

export type UserImportRowPage = z.infer<typeof userImportRowPageSchema>;

export function getImportRows(
  tenantId: string,
  importId: string,
  filter: ImportRowsFilter,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<UserImportRowPage> {
  return apiRequest(tenantPath(tenantId, "userImports", importId, "rows"), {
    query: { ...filter, cursor, limit: IMPORT_ROWS_PAGE_SIZE },
    schema: userImportRowPageSchema,
    signal,
  });
}

/** The import's rows in line order, one page after the other. */
export function importRowsQueryOptions(tenantId: string, importId: string, filter: ImportRowsFilter) {
  return infiniteQueryOptions({
    queryKey: importKeys.rows(tenantId, importId, filter),
    queryFn: ({ pageParam, signal }) => getImportRows(tenantId, importId, filter, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useImportRows(tenantId: string, importId: string, filter: ImportRowsFilter, enabled = true) {
  return useInfiniteQuery({ ...importRowsQueryOptions(tenantId, importId, filter), enabled });
}
