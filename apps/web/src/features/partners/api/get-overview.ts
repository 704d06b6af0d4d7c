import { type CsvDelimiter, partnerOverviewSchema } from "@allot/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest, buildUrl } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";
import { partnerPath } from "./partner-path";

/** Every product across the customers the caller may see. */
export function partnerOverviewQueryOptions(partnerTenantId: string) {
  return queryOptions({
    queryKey: [...queryKeys.partnerCenter(partnerTenantId), "overview"],
    queryFn: ({ signal }) =>
      apiRequest(partnerPath(partnerTenantId, "overview"), { schema: partnerOverviewSchema, signal }),
  });
}

export function usePartnerOverview(partnerTenantId: string) {
  return useQuery(partnerOverviewQueryOptions(partnerTenantId));
}

/**
 * The overview's CSV download. A plain link: the session cookie goes along (same origin, GET needs no CSRF token)
 * and the server names the file.
 */
export function partnerOverviewExportUrl(partnerTenantId: string, delimiter: CsvDelimiter): string {
  return buildUrl(partnerPath(partnerTenantId, "overview", "export"), { delimiter });
}
