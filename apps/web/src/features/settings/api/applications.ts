import {
  type Application,
  applicationListSchema,
  applicationSchema,
  type CreateApplication,
  type CreatedSecret,
  type CreateSecret,
  createdApplicationSchema,
  createdSecretSchema,
  type UpdateApplication,
} from "@allot/contracts";
import { type QueryClient, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { queryKeys } from "@/lib/query-keys";

/** The organization's app registrations, below the tenant's key (nothing else in the app reads them). */
export const applicationsKey = (tenantId: string) => [...queryKeys.tenant(tenantId), "applications"] as const;

export function applicationsQueryOptions(tenantId: string) {
  return queryOptions({
    queryKey: applicationsKey(tenantId),
    queryFn: ({ signal }) =>
      apiRequest(tenantPath(tenantId, "applications"), { schema: applicationListSchema, signal }),
    select: (list) => list.applications,
  });
}

/** Settings › App registrations: the apps, oldest first, each with its client secrets (never their text). */
export function useApplications(tenantId: string, enabled = true) {
  return useQuery({ ...applicationsQueryOptions(tenantId), enabled });
}

/**
 * One app of the list, for its details pane: null once it is gone (deleted in another window), so the pane can say
 * so instead of loading for ever.
 */
export function useApplication(tenantId: string, applicationId: string | null) {
  return useQuery({
    ...applicationsQueryOptions(tenantId),
    enabled: applicationId !== null,
    select: (list) => list.applications.find((app) => app.id === applicationId) ?? null,
  });
}

/** After a change: the list, and the audit log that recorded it. */
function invalidateAfterChange(queryClient: QueryClient, tenantId: string): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: applicationsKey(tenantId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.audit(tenantId) }),
  ]).then(() => undefined);
}

export function useCreateApplication(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApplication) =>
      apiRequest(tenantPath(tenantId, "applications"), {
        method: "POST",
        body,
        schema: createdApplicationSchema,
      }),
    onSuccess: () => invalidateAfterChange(queryClient, tenantId),
  });
}

/** Renames an app, changes its permissions, or enables or disables it (its tokens follow at once). */
export function useUpdateApplication(tenantId: string, applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateApplication): Promise<Application> =>
      apiRequest(tenantPath(tenantId, "applications", applicationId), {
        method: "PATCH",
        body,
        schema: applicationSchema,
      }),
    onSuccess: () => invalidateAfterChange(queryClient, tenantId),
  });
}

export function useDeleteApplication(tenantId: string, applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest(tenantPath(tenantId, "applications", applicationId), { method: "DELETE" }),
    // Not awaited: the details pane closes at once instead of first showing the app as gone.
    onSuccess: () => {
      void invalidateAfterChange(queryClient, tenantId);
    },
  });
}

/** Adds a client secret: the answer is the only time its text is shown. */
export function useCreateSecret(tenantId: string, applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSecret): Promise<CreatedSecret> =>
      apiRequest(tenantPath(tenantId, "applications", applicationId, "secrets"), {
        method: "POST",
        body,
        schema: createdSecretSchema,
      }),
    onSuccess: () => invalidateAfterChange(queryClient, tenantId),
  });
}

export function useDeleteSecret(tenantId: string, applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (secretId: string) =>
      apiRequest(tenantPath(tenantId, "applications", applicationId, "secrets", secretId), { method: "DELETE" }),
    onSuccess: () => invalidateAfterChange(queryClient, tenantId),
  });
}
