import { queryKeys } from "@/lib/query-keys";

export interface UsersFilter {
  search?: string | undefined;
  type?: "member" | "guest" | undefined;
  role?: string | undefined;
  licensed?: boolean | undefined;
  deleted?: boolean | undefined;
  /** Only holders of this product (skuId), directly or through a group. */
  skuId?: string | undefined;
  /** Directory filters: exact names, any letter case; `country` an ISO code. */
  department?: string | undefined;
  jobTitle?: string | undefined;
  city?: string | undefined;
  country?: string | undefined;
}

export const userKeys = {
  all: (tenantId: string) => queryKeys.users(tenantId),
  list: (tenantId: string, filter: UsersFilter) => [...queryKeys.users(tenantId), "list", filter] as const,
  ids: (tenantId: string, filter: UsersFilter) => [...queryKeys.users(tenantId), "ids", filter] as const,
  detail: (tenantId: string, userId: string) => [...queryKeys.users(tenantId), "detail", userId] as const,
  memberOf: (tenantId: string, userId: string) => [...queryKeys.users(tenantId), "detail", userId, "memberOf"] as const,
};
