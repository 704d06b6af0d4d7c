import { type AuditEvent, auditPageSchema } from "@allot/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

export const RECENT_CHANGES = 5;
/** Sign-ins and sign-outs are audited too but change nothing; one page this size leaves enough real changes. */
const SCAN = 25;
const isChange = (event: AuditEvent) => !event.action.startsWith("auth.");

/** The newest changes in the tenant (the audit log is newest first), sign-ins left out. */
export async function getRecentChanges(tenantId: string, signal?: AbortSignal): Promise<AuditEvent[]> {
  const page = await apiRequest(tenantPath(tenantId, "auditLog"), {
    query: { limit: SCAN },
    schema: auditPageSchema,
    signal,
  });
  return page.items.filter(isChange).slice(0, RECENT_CHANGES);
}

export function recentChangesQueryOptions(tenantId: string) {
  return queryOptions({
    queryKey: [...queryKeys.audit(tenantId), "recent", RECENT_CHANGES],
    queryFn: ({ signal }) => getRecentChanges(tenantId, signal),
  });
}

/** Only for roles that read the audit log (`audit.read`); others pass enabled: false. */
export function useRecentChanges(tenantId: string, enabled: boolean) {
  return useQuery({ ...recentChangesQueryOptions(tenantId), enabled });
}
