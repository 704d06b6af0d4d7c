import type { LicenseRequest } from "@allot/contracts";
import { queryKeys } from "@/lib/query-keys";

export type RequestStatus = LicenseRequest["status"];

/** Query keys of the Requests page; all below queryKeys.requests, which decisions and the nav badge share. */
export const requestsKeys = {
  list: (tenantId: string, status: RequestStatus | null) =>
    [...queryKeys.requests(tenantId), "list", { status }] as const,
};
