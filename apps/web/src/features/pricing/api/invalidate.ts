import type { QueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/lib/query-keys";

/** After a license request was sent (or refused as a duplicate): the person's requests and the approvers' list. */
export function invalidateAfterRequest(queryClient: QueryClient, tenantId: string): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.account(tenantId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.requests(tenantId) }),
  ]).then(() => undefined);
}
