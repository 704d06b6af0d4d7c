import type { QueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/lib/query-keys";

/** After a change to groups or membership: group lists and members, users' memberOf, the audit log. */
export function invalidateAfterGroupChange(queryClient: QueryClient, tenantId: string): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.groups(tenantId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.users(tenantId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.audit(tenantId) }),
  ]).then(() => undefined);
}
