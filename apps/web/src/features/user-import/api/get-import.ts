import { type UserImport, userImportSchema } from "@allot/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { importKeys } from "./keys";

export function getImport(tenantId: string, importId: string, signal?: AbortSignal): Promise<UserImport> {
  return apiRequest(tenantPath(tenantId, "userImports", importId), { schema: userImportSchema, signal });
}

const POLL_MS = 700;
const applying = (userImport: UserImport | undefined) => userImport?.status === "applying";

/** An import as the server has it; polled while it is being applied, so its progress bar moves. */
export function importQueryOptions(tenantId: string, importId: string) {
  return queryOptions({
    queryKey: importKeys.detail(tenantId, importId),
    queryFn: ({ signal }) => getImport(tenantId, importId, signal),
    refetchInterval: (query) => (applying(query.state.data) ? POLL_MS : false),
  });
}

export function useImport(tenantId: string, importId: string) {
  return useQuery(importQueryOptions(tenantId, importId));
}
