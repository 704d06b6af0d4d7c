import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { ApiError, setCsrfRefresher } from "./api-client";
import { getMe, meQueryKey } from "./auth";

/** A 401 anywhere means the session ended: forget the user, so the app shows the sign-in page. */
function onError(error: unknown, client: () => QueryClient) {
  if (error instanceof ApiError && error.code === "Unauthenticated") {
    client().setQueryData(meQueryKey, null);
  }
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
