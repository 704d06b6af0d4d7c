import { queryKeys } from "@/lib/query-keys";

/** Query keys of the billing area; every key sits below queryKeys.billing so one invalidation refreshes them all. */
export const billingKeys = {
  all: (tenantId: string) => queryKeys.billing(tenantId),
  subscriptions: (tenantId: string, includeDeleted: boolean) =>
    [...queryKeys.billing(tenantId), "subscriptions", { includeDeleted }] as const,
  subscription: (tenantId: string, subscriptionId: string) =>
    [...queryKeys.billing(tenantId), "subscription", subscriptionId] as const,
  orders: (tenantId: string, subscriptionId: string | null) =>
    [...queryKeys.billing(tenantId), "orders", { subscriptionId }] as const,
  invoices: (tenantId: string, subscriptionId: string | null) =>
    [...queryKeys.billing(tenantId), "invoices", { subscriptionId }] as const,
  invoice: (tenantId: string, invoiceId: string) => [...queryKeys.billing(tenantId), "invoice", invoiceId] as const,
  policies: (tenantId: string) => [...queryKeys.billing(tenantId), "selfServicePolicies"] as const,
};
