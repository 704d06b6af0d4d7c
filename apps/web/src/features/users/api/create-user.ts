import {
  type BulkLicenseReport,
  bulkLicenseReportSchema,
  type CreatedUser,
  type CreateUserRequest,
  createdUserSchema,
} from "@allot/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { invalidateAfterLicenseChange } from "@/lib/licensing/invalidate";
import { invalidateAfterUserChange } from "./invalidate";

export function createUser(tenantId: string, body: CreateUserRequest): Promise<CreatedUser> {
  return apiRequest(tenantPath(tenantId, "users"), {
    method: "POST",
    body: { ...body, dryRun: false },
    schema: createdUserSchema,
  });
}

/** What creating the user (with its licenses) would do, creating nothing: the step's preview. */
export function previewCreateUser(tenantId: string, body: CreateUserRequest): Promise<BulkLicenseReport> {
  return apiRequest(tenantPath(tenantId, "users"), {
    method: "POST",
    body: { ...body, dryRun: true },
    schema: bulkLicenseReportSchema,
  });
}

export function useCreateUser(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserRequest) => createUser(tenantId, body),
    onSuccess: (_, body) =>
      Promise.all([
        invalidateAfterUserChange(queryClient, tenantId),
        // Licenses given in the same step move seats.
        (body.assignedLicenses ?? []).length > 0 ? invalidateAfterLicenseChange(queryClient, tenantId) : undefined,
      ]),
  });
}

export function usePreviewCreateUser(tenantId: string) {
  return useMutation({ mutationFn: (body: CreateUserRequest) => previewCreateUser(tenantId, body) });
}
