import type { QueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/lib/query-keys";

/** Refreshes what a billing change moved; a feature may pass its own (wider) one to the shared mutation hooks. */
export type InvalidateAfterChange = (queryClient: QueryClient, tenantId: string) => Promise<void>;

/**
 * After a billing change (a purchase, trial, seat change, renewal, cancellation…): subscriptions, orders, invoices
 * and quotes moved, and so did seats and conflicts (Licenses), what people may buy or hold (pricing, My licenses),
 * and the audit log.
 */
export function invalidateAfterBillingChange(queryClient: QueryClient, tenantId: string): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.billing(tenantId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.licensing(tenantId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.account(tenantId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.audit(tenantId) }),
  ]).then(() => undefined);
}
