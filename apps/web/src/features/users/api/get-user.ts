import { type User, userSchema } from "@allot/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { userKeys } from "./keys";

export function getUser(tenantId: string, userId: string, signal?: AbortSignal): Promise<User> {
  return apiRequest(tenantPath(tenantId, "users", userId), { schema: userSchema, signal });
}

export function userQueryOptions(tenantId: string, userId: string) {
  return queryOptions({
    queryKey: userKeys.detail(tenantId, userId),
    queryFn: ({ signal }) => getUser(tenantId, userId, signal),
  });
}

/** One user; `initial` (the row from the list) shows at once while the fresh copy loads. */
export function useUser(tenantId: string, userId: string | null, initial?: User) {
  return useQuery({
    ...userQueryOptions(tenantId, userId ?? ""),
    enabled: userId !== null,
    placeholderData: initial,
  });
}
