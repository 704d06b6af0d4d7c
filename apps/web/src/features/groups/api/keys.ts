import { queryKeys } from "@/lib/query-keys";

export const groupKeys = {
  all: (tenantId: string) => queryKeys.groups(tenantId),
  list: (tenantId: string, search: string) => [...queryKeys.groups(tenantId), "list", { search }] as const,
  detail: (tenantId: string, groupId: string) => [...queryKeys.groups(tenantId), "detail", groupId] as const,
  members: (tenantId: string, groupId: string) =>
    [...queryKeys.groups(tenantId), "detail", groupId, "members"] as const,
  /** Users offered when adding members: user data, so it lives under the users key and refreshes with it. */
  userSearch: (tenantId: string, search: string) => [...queryKeys.users(tenantId), "picker", { search }] as const,
};
