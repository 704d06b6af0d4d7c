import { userPageSchema } from "@allot/contracts";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { ppKeys } from "./keys";

/** Users by name or email, for the co-owner and run-check pickers. */
export function useUserSearch(tenantId: string, search: string, enabled: boolean) {
  return useQuery({
    queryKey: ppKeys.userSearch(tenantId, search),
    queryFn: async ({ signal }) =>
      (
        await apiRequest(tenantPath(tenantId, "users"), {
          query: { search: search || undefined, limit: 20 },
          schema: userPageSchema,
          signal,
        })
      ).items,
    placeholderData: keepPreviousData,
    enabled,
  });
}
