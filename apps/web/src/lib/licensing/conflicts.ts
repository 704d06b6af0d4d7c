import { type CapacityConflict, type LicenseConflictReport, licenseConflictsSchema } from "@allot/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { licensingKeys } from "./keys";

export function getLicenseConflicts(tenantId: string, signal?: AbortSignal): Promise<LicenseConflictReport[]> {
  return apiRequest(tenantPath(tenantId, "licenseConflicts"), { schema: licenseConflictsSchema, signal }).then(
    (body) => body.value,
  );
}

export function licenseConflictsQueryOptions(tenantId: string) {
  return queryOptions({
    queryKey: licensingKeys.conflicts(tenantId),
    queryFn: ({ signal }) => getLicenseConflicts(tenantId, signal),
  });
}

/** Products with more holders than usable seats, each with its holders and the fixes that apply. */
export function useLicenseConflicts(tenantId: string, enabled = true) {
  return useQuery({ ...licenseConflictsQueryOptions(tenantId), enabled });
}

export function getCapacityConflicts(tenantId: string, signal?: AbortSignal): Promise<CapacityConflict[]> {
  return apiRequest(tenantPath(tenantId, "licenseConflicts"), { schema: licenseConflictsSchema, signal }).then(
    (body) => body.capacityConflicts,
  );
}

/** Capacity add-ons allocated to environments beyond what is bought (under the conflicts key: refreshed with it). */
export function useCapacityConflicts(tenantId: string, enabled = true) {
  return useQuery({
    queryKey: [...licensingKeys.conflicts(tenantId), "capacity"],
    queryFn: ({ signal }) => getCapacityConflicts(tenantId, signal),
    enabled,
  });
}
