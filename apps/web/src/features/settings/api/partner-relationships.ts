import {
  type PartnerRelationship,
  type PartnerRelationshipList,
  partnerRelationshipListSchema,
  partnerRelationshipSchema,
  type UpdatePartnerRelationshipRequest,
} from "@allot/contracts";
import { type QueryClient, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

/** The organization's partners, below the tenant's key (nothing else in the app reads them). */
export const partnerRelationshipsKey = (tenantId: string) =>
  [...queryKeys.tenant(tenantId), "partnerRelationships"] as const;

export function getPartnerRelationships(tenantId: string, signal?: AbortSignal): Promise<PartnerRelationshipList> {
  return apiRequest(tenantPath(tenantId, "partnerRelationships"), { schema: partnerRelationshipListSchema, signal });
}

export function partnerRelationshipsQueryOptions(tenantId: string) {
  return queryOptions({
    queryKey: partnerRelationshipsKey(tenantId),
    queryFn: ({ signal }) => getPartnerRelationships(tenantId, signal),
    select: (list) => list.value,
  });
}

/** The partners with delegated access to this organization, their roles and agents (its global admin only). */
export function usePartnerRelationships(tenantId: string, enabled = true) {
  return useQuery({ ...partnerRelationshipsQueryOptions(tenantId), enabled });
}

/** After a change: the list, and the audit log that recorded it. */
function invalidateAfterChange(queryClient: QueryClient, tenantId: string): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: partnerRelationshipsKey(tenantId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.audit(tenantId) }),
  ]).then(() => undefined);
}

export type PrivilegesChange = "removePrivileges" | "reinstatePrivileges";

export function changePartnerPrivileges(
  tenantId: string,
  relationshipId: string,
  change: PrivilegesChange,
): Promise<PartnerRelationship> {
  return apiRequest(tenantPath(tenantId, "partnerRelationships", relationshipId, change), {
    method: "POST",
    schema: partnerRelationshipSchema,
  });
}

/** Removes a partner's delegated admin privileges (its agents lose this organization at once) or reinstates them. */
export function useChangePartnerPrivileges(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ relationshipId, change }: { relationshipId: string; change: PrivilegesChange }) =>
      changePartnerPrivileges(tenantId, relationshipId, change),
    onSettled: () => invalidateAfterChange(queryClient, tenantId),
  });
}

export function updatePartnerRelationship(
  tenantId: string,
  relationshipId: string,
  body: UpdatePartnerRelationshipRequest,
): Promise<PartnerRelationship> {
  return apiRequest(tenantPath(tenantId, "partnerRelationships", relationshipId), {
    method: "PATCH",
    body,
    schema: partnerRelationshipSchema,
  });
}

/** Sets (an ISO instant in the future) or clears (null) the date a partner's access ends by itself. */
export function useUpdatePartnerRelationship(tenantId: string, relationshipId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdatePartnerRelationshipRequest) => updatePartnerRelationship(tenantId, relationshipId, body),
    onSuccess: () => invalidateAfterChange(queryClient, tenantId),
  });
}
