import {
  type CreatedPersonalToken,
  type CreatePersonalToken,
  createdPersonalTokenSchema,
  personalTokenListSchema,
} from "@allot/contracts";
import { type QueryClient, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

/**
 * The signed-in person's tokens: not below a tenant (a token reaches every organization its person does), and not
 * below "me" either, so that signing in as someone else drops them with everything else of the previous person.
 */
export const personalTokensKey = ["personalTokens"] as const;

export function personalTokensQueryOptions() {
  return queryOptions({
    queryKey: personalTokensKey,
    queryFn: ({ signal }) => apiRequest("/api/me/tokens", { schema: personalTokenListSchema, signal }),
    select: (list) => list.tokens,
  });
}

/** My account › Personal access tokens: newest first, expired ones kept until revoked (never their text). */
export function usePersonalTokens() {
  return useQuery(personalTokensQueryOptions());
}

/** After a change: the list, and the audit log of the person's own organization that recorded it. */
function invalidateAfterChange(queryClient: QueryClient, homeTenantId: string): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: personalTokensKey }),
    queryClient.invalidateQueries({ queryKey: queryKeys.audit(homeTenantId) }),
  ]).then(() => undefined);
}

/** Makes a token with some of the person's rights: the answer is the only time its text is shown. */
export function useCreatePersonalToken(homeTenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePersonalToken): Promise<CreatedPersonalToken> =>
      apiRequest("/api/me/tokens", { method: "POST", body, schema: createdPersonalTokenSchema }),
    onSuccess: () => invalidateAfterChange(queryClient, homeTenantId),
  });
}

/** Revokes a token: refused from the next request on. */
export function useRevokePersonalToken(homeTenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => apiRequest(`/api/me/tokens/${encodeURIComponent(tokenId)}`, { method: "DELETE" }),
    onSuccess: () => invalidateAfterChange(queryClient, homeTenantId),
  });
}
