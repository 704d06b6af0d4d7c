import {
  type CreateEnvironmentRequest,
  type Environment,
  environmentListSchema,
  environmentSchema,
  type UpdateEnvironmentRequest,
} from "@allot/contracts";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { invalidatePowerPlatform, ppKeys } from "./keys";

export function environmentsQueryOptions(tenantId: string) {
  return queryOptions({
    queryKey: ppKeys.environments(tenantId),
    queryFn: async ({ signal }) =>
      (await apiRequest(tenantPath(tenantId, "environments"), { schema: environmentListSchema, signal })).items,
  });
}

export function useEnvironments(tenantId: string) {
  return useQuery(environmentsQueryOptions(tenantId));
}

export function useCreateEnvironment(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateEnvironmentRequest): Promise<Environment> =>
      apiRequest(tenantPath(tenantId, "environments"), { method: "POST", body, schema: environmentSchema }),
    onSuccess: () => invalidatePowerPlatform(queryClient, tenantId),
  });
}

export function useUpdateEnvironment(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateEnvironmentRequest }): Promise<Environment> =>
      apiRequest(tenantPath(tenantId, "environments", id), { method: "PATCH", body, schema: environmentSchema }),
    onSuccess: () => invalidatePowerPlatform(queryClient, tenantId),
  });
}

export function useDeleteEnvironment(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(tenantPath(tenantId, "environments", id), { method: "DELETE" }),
    onSuccess: () => invalidatePowerPlatform(queryClient, tenantId),
  });
}
