import { type MyLicenses, myLicensesSchema } from "@allot/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { accountKeys } from "./keys";

export function getMyLicenses(tenantId: string, signal?: AbortSignal): Promise<MyLicenses> {
  return apiRequest(tenantPath(tenantId, "me", "licenses"), { schema: myLicensesSchema, signal });
}

export function myLicensesQueryOptions(tenantId: string) {
  return queryOptions({
    queryKey: accountKeys.myLicenses(tenantId),
    queryFn: ({ signal }) => getMyLicenses(tenantId, signal),
  });
}

/** Own organization only (a partner's agent has none here). What the signed-in person holds (and its apps), their requests, and the subscriptions they bought. */
export function useMyLicenses(tenantId: string, enabled = true) {
  return useQuery({ ...myLicensesQueryOptions(tenantId), enabled });
}
