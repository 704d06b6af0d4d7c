import type { QueryClient } from "@tanstack/react-query";
import { invalidateAfterLicenseChange } from "@/lib/licensing/invalidate";
import { queryKeys } from "@/lib/query-keys";

/** After a decision: the requests (and the nav badge), seats and licenses, and the requester's My licenses. */
export function invalidateAfterDecision(queryClient: QueryClient, tenantId: string): Promise<void> {
  return Promise.all([
    invalidateAfterLicenseChange(queryClient, tenantId),
    queryClient.invalidateQueries({ queryKey: queryKeys.requests(tenantId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.account(tenantId) }),
  ]).then(() => undefined);
}
