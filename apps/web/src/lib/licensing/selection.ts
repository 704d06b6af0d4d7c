import {
  type LicenseSelection,
  licenseSelectionSchema,
  type SelectionHolders,
  selectionHoldersSchema,
} from "@allot/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { licensingKeys } from "./keys";

/** Per product, how many of these users hold it directly and in effect (what the tri-state toggles show). */
export function getLicenseSelection(
  tenantId: string,
  userIds: readonly string[],
  signal?: AbortSignal,
): Promise<LicenseSelection> {
  return apiRequest(tenantPath(tenantId, "licenses", "selection"), {
    method: "POST",
    body: { userIds },
    schema: licenseSelectionSchema,
    signal,
  });
}

/**
 * A short, stable name for a set of up to 10,000 ids (count and an FNV-1a hash), so the query key stays small
 * instead of carrying every id.
 */
export function selectionKey(userIds: readonly string[]): string {
  let hash = 0x811c9dc5;
  for (const id of userIds) {
    for (let index = 0; index < id.length; index++) {
      hash ^= id.charCodeAt(index);
      hash = Math.imul(hash, 0x01000193);
    }
    hash ^= 0x2c; // a separator, so ["ab","c"] and ["a","bc"] differ
    hash = Math.imul(hash, 0x01000193);
  }
  return `${userIds.length}:${(hash >>> 0).toString(36)}`;
}

export function licenseSelectionQueryOptions(tenantId: string, userIds: readonly string[], key: string) {
  return queryOptions({
    queryKey: licensingKeys.selection(tenantId, key),
    queryFn: ({ signal }) => getLicenseSelection(tenantId, userIds, signal),
  });
}

export function useLicenseSelection(tenantId: string, userIds: readonly string[], key: string, enabled = true) {
  return useQuery({ ...licenseSelectionQueryOptions(tenantId, userIds, key), enabled: enabled && userIds.length > 0 });
}

/** Which of these users hold one product, by name (the list behind a Manage licenses page's Assigned count). */
export function getSelectionHolders(
  tenantId: string,
  userIds: readonly string[],
  skuId: string,
  signal?: AbortSignal,
): Promise<SelectionHolders> {
  return apiRequest(tenantPath(tenantId, "licenses", "selection", "holders"), {
    method: "POST",
    body: { userIds, skuId },
    schema: selectionHoldersSchema,
    signal,
  });
}

export function useSelectionHolders(tenantId: string, userIds: readonly string[], key: string, skuId: string | null) {
  return useQuery({
    queryKey: [...licensingKeys.selection(tenantId, key), "holders", skuId],
    queryFn: ({ signal }) => getSelectionHolders(tenantId, userIds, skuId as string, signal),
    enabled: skuId !== null && userIds.length > 0,
  });
}
