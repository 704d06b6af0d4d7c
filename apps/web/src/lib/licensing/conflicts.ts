import { type LicenseConflicts, licenseConflictsSchema } from "@allot/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { licensingKeys } from "./keys";

/** The whole license conflicts report: seat conflicts per product (`value`) and over-allocated capacity add-ons. */
export function getLicenseConflicts(tenantId: string, signal?: AbortSignal): Promise<LicenseConflicts> {
  return apiRequest(tenantPath(tenantId, "licenseConflicts"), { schema: licenseConflictsSchema, signal });
}

export function licenseConflictsQueryOptions(tenantId: string) {
  return queryOptions({
    queryKey: licensingKeys.conflicts(tenantId),
    queryFn: ({ signal }) => getLicenseConflicts(tenantId, signal),
  });
}

/** Products with more holders than usable seats, each with its holders and the fixes that apply. */
export function useLicenseConflicts(tenantId: string, enabled = true) {
  return useQuery({ ...licenseConflictsQueryOptions(tenantId), enabled, select: (report) => report.value });
}

/** Capacity add-ons allocated to environments beyond what is bought: the same report, read once for both. */
export function useCapacityConflicts(tenantId: string, enabled = true) {
  return useQuery({ ...licenseConflictsQueryOptions(tenantId), enabled, select: (report) => report.capacityConflicts });
}
