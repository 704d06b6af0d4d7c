import {
  type AddedStaff,
  type AddStaffRequest,
  addedStaffSchema,
  type SetStaffAccessRequest,
  type StaffMember,
  staffMemberSchema,
} from "@allot/contracts";
import { type QueryClient, useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";
import { partnerPath } from "./partner-path";

/**
 * A change of staff or of their access moves the staff list, the customers' "your roles" (the admin's own), the
 * activity, and the partner's own users list.
 */
function invalidate(queryClient: QueryClient, partnerTenantId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.partnerCenter(partnerTenantId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.users(partnerTenantId) }),
  ]);
}

export function useAddStaff(partnerTenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AddStaffRequest): Promise<AddedStaff> =>
      apiRequest(partnerPath(partnerTenantId, "staff"), { method: "POST", body, schema: addedStaffSchema }),
    onSuccess: () => invalidate(queryClient, partnerTenantId),
  });
}

export function useRemoveStaff(partnerTenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string): Promise<void> =>
      apiRequest(partnerPath(partnerTenantId, "staff", userId), { method: "DELETE" }),
    onSuccess: () => invalidate(queryClient, partnerTenantId),
  });
}

/** Where roles are set: one customer (its relationship's id) or every customer ("all"). */
export type AccessScope = "all" | { relationshipId: string };

export function useSetStaffAccess(partnerTenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      userId,
      scope,
      body,
    }: {
      userId: string;
      scope: AccessScope;
      body: SetStaffAccessRequest;
    }): Promise<StaffMember> => {
      const segments = scope === "all" ? [] : [scope.relationshipId];
      return apiRequest(partnerPath(partnerTenantId, "staff", userId, "customerAccess", ...segments), {
        method: "PUT",
        body,
        schema: staffMemberSchema,
      });
    },
    onSuccess: () => invalidate(queryClient, partnerTenantId),
  });
}
