import type { QueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/lib/query-keys";

export const ppKeys = {
  all: (tenantId: string) => queryKeys.powerPlatform(tenantId),
  environments: (tenantId: string) => [...queryKeys.powerPlatform(tenantId), "environments"] as const,
  capacity: (tenantId: string) => [...queryKeys.powerPlatform(tenantId), "capacity"] as const,
  flows: (tenantId: string, environmentId: string) =>
    [...queryKeys.powerPlatform(tenantId), "flows", environmentId] as const,
  flow: (tenantId: string, flowId: string) => [...queryKeys.powerPlatform(tenantId), "flow", flowId] as const,
  connectors: (tenantId: string) => [...queryKeys.powerPlatform(tenantId), "connectors"] as const,
  machines: (tenantId: string, environmentId: string) =>
    [...queryKeys.powerPlatform(tenantId), "machines", environmentId] as const,
  dlp: (tenantId: string) => [...queryKeys.powerPlatform(tenantId), "dlp"] as const,
  /** Users offered by the pickers: user data, so it refreshes with the users key. */
  userSearch: (tenantId: string, search: string) =>
    [...queryKeys.users(tenantId), "powerPlatformPicker", { search }] as const,
};

/**
 * After any Power Platform change: capacity in use, flow counts, suspended flows and licenses move together, so the
 * whole area is refreshed, and the audit log.
 */
export function invalidatePowerPlatform(queryClient: QueryClient, tenantId: string): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.powerPlatform(tenantId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.audit(tenantId) }),
  ]).then(() => undefined);
}
