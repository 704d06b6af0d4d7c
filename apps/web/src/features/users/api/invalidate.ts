import type { QueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/lib/query-keys";

/** After a change to users: lists, details, group member counts and the audit log are stale. */
export function invalidateAfterUserChange(queryClient: QueryClient, tenantId: string): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.users(tenantId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.groups(tenantId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.audit(tenantId) }),
  ]).then(() => undefined);
}
