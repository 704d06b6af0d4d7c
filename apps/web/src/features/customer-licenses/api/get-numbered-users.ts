import { type NumberedUserPage, numberedUserPageSchema } from "@allot/contracts";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

export interface NumberedUsersRequest {
  search: string;
  page: number;
  pageSize: number;
}

export function getNumberedUsers(
  tenantId: string,
  { search, page, pageSize }: NumberedUsersRequest,
  signal?: AbortSignal,
): Promise<NumberedUserPage> {
  return apiRequest(tenantPath(tenantId, "users", "paged"), {
    query: { search: search || undefined, page, pageSize },
    schema: numberedUserPageSchema,
    signal,
  });
}

/** One numbered page of the customer's users; the page shown stays while the next one loads. */
export function useNumberedUsers(tenantId: string, request: NumberedUsersRequest) {
  return useQuery({
    queryKey: [...queryKeys.users(tenantId), "numbered", request],
    queryFn: ({ signal }) => getNumberedUsers(tenantId, request, signal),
    placeholderData: keepPreviousData,
  });
}
