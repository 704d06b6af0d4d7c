import { type Language, type LoginRequest, type Me, meSchema } from "@allot/contracts";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { ApiError, apiRequest, setCsrfToken } from "./api-client";

export const meQueryKey = ["me"] as const;

/** The signed-in user and the tenants they reach, or null when nobody is signed in. */
export async function getMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    const me = await apiRequest("/api/me", { schema: meSchema, signal });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function meQueryOptions() {
  return queryOptions({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => getMe(signal),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function useMe() {
  return useQuery(meQueryOptions());
}

export async function login(credentials: LoginRequest): Promise<Me> {
  const me = await apiRequest("/api/auth/login", { method: "POST", body: credentials, schema: meSchema });
  setCsrfToken(me.csrfToken);
  return me;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => {
      // Nothing cached for a previous user may leak into this session.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}

export async function logout(): Promise<void> {
  try {
    await apiRequest("/api/auth/logout", { method: "POST" });
  } catch (error) {
    // An ended session is as good as a signed-out one.
    if (!(error instanceof ApiError && error.status === 401)) throw error;
  } finally {
    setCsrfToken(null);
  }
}

/** Saves the portal language on the account, so it follows the user to other devices. */
export async function updatePreferredLanguage(preferredLanguage: Language): Promise<Me> {
  const me = await apiRequest("/api/me", { method: "PATCH", body: { preferredLanguage }, schema: meSchema });
  setCsrfToken(me.csrfToken);
  return me;
}

/**
 * True from the sign-out click until the sign-in page shows, so the signed-in layout, seeing the user gone, does not
 * mistake it for an expired session.
 */
let signingOut = false;
export function isSigningOut(): boolean {
  return signingOut;
}
/** Called by the sign-in page once it shows. */
export function signOutFinished(): void {
  signingOut = false;
}

/** Signs out, forgets everything cached for the user and shows the sign-in page. */
export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => {
      signingOut = true;
      return logout();
    },
    onSettled: () => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      queryClient.setQueryData(meQueryKey, null);
      navigate("/sign-in", { replace: true, state: { signedOut: true } });
    },
  });
}

/** A path inside the app to return to after sign-in; anything else (other origins, "//host") becomes "/". */
export function safeRedirect(target: string | null): string {
  if (!target?.startsWith("/") || target.startsWith("//") || target.startsWith("/sign-in")) return "/";
  return target;
}
