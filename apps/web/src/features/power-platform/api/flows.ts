import {
  type CreateFlowRequest,
  connectorListSchema,
  type Flow,
  flowListSchema,
  flowSchema,
  type RunCheck,
  runCheckSchema,
  type UpdateFlowRequest,
} from "@allot/contracts";
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { invalidatePowerPlatform, ppKeys } from "./keys";

export function flowsQueryOptions(tenantId: string, environmentId: string) {
  return queryOptions({
    queryKey: ppKeys.flows(tenantId, environmentId),
    queryFn: async ({ signal }) =>
      (
        await apiRequest(tenantPath(tenantId, "environments", environmentId, "flows"), {
          schema: flowListSchema,
          signal,
        })
      ).items,
  });
}

export function useFlows(tenantId: string, environmentId: string | undefined) {
  return useQuery({ ...flowsQueryOptions(tenantId, environmentId ?? ""), enabled: environmentId !== undefined });
}

export function useFlow(tenantId: string, flowId: string | null, initial: Flow | undefined) {
  return useQuery({
    queryKey: ppKeys.flow(tenantId, flowId ?? ""),
    queryFn: ({ signal }) => apiRequest(tenantPath(tenantId, "flows", flowId ?? ""), { schema: flowSchema, signal }),
    enabled: flowId !== null,
    initialData: initial,
  });
}

export function useConnectors(tenantId: string, enabled = true) {
  return useQuery({
    queryKey: ppKeys.connectors(tenantId),
    queryFn: async ({ signal }) =>
      (await apiRequest(tenantPath(tenantId, "connectors"), { schema: connectorListSchema, signal })).items,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCreateFlow(tenantId: string, environmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateFlowRequest): Promise<Flow> =>
      apiRequest(tenantPath(tenantId, "environments", environmentId, "flows"), {
        method: "POST",
        body,
        schema: flowSchema,
      }),
    onSuccess: () => invalidatePowerPlatform(queryClient, tenantId),
  });
}

export function useUpdateFlow(tenantId: string, flowId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateFlowRequest): Promise<Flow> =>
      apiRequest(tenantPath(tenantId, "flows", flowId), { method: "PATCH", body, schema: flowSchema }),
    onSuccess: (flow) => {
      queryClient.setQueryData(ppKeys.flow(tenantId, flowId), flow);
      return invalidatePowerPlatform(queryClient, tenantId);
    },
  });
}

/** Whether one user may run the flow, and what pays for it: changes nothing. */
export function useRunCheck(tenantId: string, flowId: string) {
  return useMutation({
    mutationFn: (runAsUserId: string): Promise<RunCheck> =>
      apiRequest(tenantPath(tenantId, "flows", flowId, "runChecks"), {
        method: "POST",
        body: { runAsUserId },
        schema: runCheckSchema,
      }),
  });
}
