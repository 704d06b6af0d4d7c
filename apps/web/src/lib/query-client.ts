import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { ApiError, setCsrfRefresher } from "./api-client";
import { getMe, meQueryKey } from "./auth";

/**
 * A 401 anywhere means the session ended: forget the user, so the app shows the sign-in page. A 404 may mean an
 * organization went out of reach (a customer removed its partner's privileges): read /api/me again, so the tenant
 * switcher and the tenant's pages follow at once.
 */
function onError(error: unknown, client: () => QueryClient) {
  if (!(error instanceof ApiError)) return;
  if (error.code === "Unauthenticated") client().setQueryData(meQueryKey, null);
  else if (error.code === "NotFound") void client().invalidateQueries({ queryKey: meQueryKey });
}

export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => onError(error, () => queryClient) }),
    mutationCache: new MutationCache({ onError: (error) => onError(error, () => queryClient) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) =>
          failureCount < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      },
    },
  });
  setCsrfRefresher(async () => {
    const me = await getMe();
    queryClient.setQueryData(meQueryKey, me);
    return me?.csrfToken ?? null;
  });
  return queryClient;
}
