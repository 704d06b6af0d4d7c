import {
  type CreateMachineRequest,
  type Machine,
  machineListSchema,
  machineSchema,
  type UpdateMachineRequest,
} from "@allot/contracts";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { invalidatePowerPlatform, ppKeys } from "./keys";

export function machinesQueryOptions(tenantId: string, environmentId: string) {
  return queryOptions({
    queryKey: ppKeys.machines(tenantId, environmentId),
    queryFn: async ({ signal }) =>
      (
        await apiRequest(tenantPath(tenantId, "environments", environmentId, "machines"), {
          schema: machineListSchema,
          signal,
        })
      ).items,
  });
}

export function useMachines(tenantId: string, environmentId: string | undefined) {
  return useQuery({ ...machinesQueryOptions(tenantId, environmentId ?? ""), enabled: environmentId !== undefined });
}

export function useRegisterMachine(tenantId: string, environmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateMachineRequest): Promise<Machine> =>
      apiRequest(tenantPath(tenantId, "environments", environmentId, "machines"), {
        method: "POST",
        body,
        schema: machineSchema,
      }),
    onSuccess: () => invalidatePowerPlatform(queryClient, tenantId),
  });
}

export function useUpdateMachine(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateMachineRequest }): Promise<Machine> =>
      apiRequest(tenantPath(tenantId, "machines", id), { method: "PATCH", body, schema: machineSchema }),
    onSuccess: () => invalidatePowerPlatform(queryClient, tenantId),
  });
}

export function useRemoveMachine(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(tenantPath(tenantId, "machines", id), { method: "DELETE" }),
    onSuccess: () => invalidatePowerPlatform(queryClient, tenantId),
  });
}
