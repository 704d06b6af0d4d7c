import { queryKeys } from "@/lib/query-keys";

/**
 * Query keys of the licenses pages. Holders sit below queryKeys.licensing, so invalidateAfterLicenseChange (called
 * when a bulk job ends) refreshes them; user suggestions sit below queryKeys.users.
 */
export const licensesKeys = {
  holders: (tenantId: string, skuId: string, search: string) =>
    [...queryKeys.licensing(tenantId), "holders", skuId, search] as const,
  holderCounts: (tenantId: string, skuId: string) => [...queryKeys.licensing(tenantId), "holderCounts", skuId] as const,
  userSuggestions: (tenantId: string, search: string) => [...queryKeys.users(tenantId), "suggestions", search] as const,
};
