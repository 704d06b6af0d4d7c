import { setupStatusSchema } from "@allot/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "@/lib/api-client";

/** Whether the portal still waits for its first organization (a production start on an empty database). */
export function setupStatusQueryOptions() {
  return queryOptions({
    queryKey: ["setup-status"] as const,
    queryFn: ({ signal }) => apiRequest("/api/setup", { schema: setupStatusSchema, signal }),
    staleTime: 60_000,
    retry: false,
  });
}

export function useSetupStatus() {
  return useQuery(setupStatusQueryOptions());
}
