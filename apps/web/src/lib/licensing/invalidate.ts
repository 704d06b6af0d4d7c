import type { QueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/lib/query-keys";

/** After licenses changed: seats, conflicts, users' license counts, group license errors and the audit log moved. */
export function invalidateAfterLicenseChange(queryClient: QueryClient, tenantId: string): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.licensing(tenantId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.users(tenantId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.groups(tenantId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.audit(tenantId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.requests(tenantId) }),
  ]).then(() => undefined);
}
