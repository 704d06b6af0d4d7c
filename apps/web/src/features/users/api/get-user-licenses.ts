import { type LicensedUser, licensedUserSchema } from "@allot/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { licensingKeys } from "@/lib/licensing/keys";

/** A user with its licenses in effect and every assignment (direct and inherited from groups) with its state. */
export function getUserLicenses(tenantId: string, userId: string, signal?: AbortSignal): Promise<LicensedUser> {
  return apiRequest(tenantPath(tenantId, "users", userId, "licenses"), { schema: licensedUserSchema, signal });
}

export function userLicensesQueryOptions(tenantId: string, userId: string) {
  return queryOptions({
    queryKey: licensingKeys.userLicenses(tenantId, userId),
    queryFn: ({ signal }) => getUserLicenses(tenantId, userId, signal),
  });
}

export function useUserLicenses(tenantId: string, userId: string, enabled = true) {
  return useQuery({ ...userLicensesQueryOptions(tenantId, userId), enabled });
}
