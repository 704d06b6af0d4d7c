import { queryKeys } from "@/lib/query-keys";

/** Query keys of licensing data; every key sits below queryKeys.licensing so one invalidation refreshes them all. */
export const licensingKeys = {
  all: (tenantId: string) => queryKeys.licensing(tenantId),
  subscribedSkus: (tenantId: string) => [...queryKeys.licensing(tenantId), "subscribedSkus"] as const,
  conflicts: (tenantId: string) => [...queryKeys.licensing(tenantId), "conflicts"] as const,
  userLicenses: (tenantId: string, userId: string) => [...queryKeys.licensing(tenantId), "user", userId] as const,
  groupLicenses: (tenantId: string, groupId: string) => [...queryKeys.licensing(tenantId), "group", groupId] as const,
  reclaim: (tenantId: string, inactiveDays: number) =>
    [...queryKeys.licensing(tenantId), "reclaim", inactiveDays] as const,
  /** What a set of users holds (keyed by selectionKey): the tri-state toggles of a bulk change. */
  selection: (tenantId: string, selectionKey: string) =>
    [...queryKeys.licensing(tenantId), "selection", selectionKey] as const,
  jobs: (tenantId: string) => [...queryKeys.licensing(tenantId), "jobs"] as const,
  job: (tenantId: string, jobId: string) => [...queryKeys.licensing(tenantId), "jobs", jobId] as const,
};
