import { type Capacity, capacitySchema, type SetEnvironmentCapacityRequest } from "@allot/contracts";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { invalidatePowerPlatform, ppKeys } from "./keys";

export function capacityQueryOptions(tenantId: string) {
  return queryOptions({
    queryKey: ppKeys.capacity(tenantId),
    queryFn: ({ signal }): Promise<Capacity> =>
      apiRequest(tenantPath(tenantId, "capacity"), { schema: capacitySchema, signal }),
  });
}

export function useCapacity(tenantId: string) {
  return useQuery(capacityQueryOptions(tenantId));
}

/** Sets the whole set of add-ons allocated to one environment. */
export function useSetEnvironmentCapacity(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ environmentId, body }: { environmentId: string; body: SetEnvironmentCapacityRequest }) =>
      apiRequest(tenantPath(tenantId, "environments", environmentId, "capacity"), { method: "PUT", body }),
    onSuccess: () => invalidatePowerPlatform(queryClient, tenantId),
  });
}
