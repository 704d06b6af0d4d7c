import { queryKeys } from "@/lib/query-keys";

/** Query keys of My licenses: the person's own data below queryKeys.account, quotes (src/lib/billing/quote.ts) below queryKeys.billing. */
export const accountKeys = {
  myLicenses: (tenantId: string) => [...queryKeys.account(tenantId), "me"] as const,
  assignments: (tenantId: string, subscriptionId: string) =>
    [...queryKeys.account(tenantId), "subscription", subscriptionId, "assignments"] as const,
  people: (tenantId: string, search: string) => [...queryKeys.tenant(tenantId), "people", search] as const,
};
