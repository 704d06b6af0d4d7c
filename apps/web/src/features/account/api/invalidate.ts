import type { QueryClient } from "@tanstack/react-query";
import { invalidateAfterBillingChange } from "@/lib/billing/invalidate";
import { queryKeys } from "@/lib/query-keys";

/**
 * After the buyer changed their subscription, its seats or who holds them: what any billing change moves (billing,
 * seats and licenses, My licenses, audit) and users' licenses.
 */
export function invalidateAfterSubscriptionChange(queryClient: QueryClient, tenantId: string): Promise<void> {
  return Promise.all([
    invalidateAfterBillingChange(queryClient, tenantId),
    queryClient.invalidateQueries({ queryKey: queryKeys.users(tenantId) }),
  ]).then(() => undefined);
}
