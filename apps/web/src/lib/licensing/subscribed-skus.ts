import { type SubscribedSku, subscribedSkusSchema } from "@allot/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { licensingKeys } from "./keys";

export function getSubscribedSkus(tenantId: string, signal?: AbortSignal): Promise<SubscribedSku[]> {
  return apiRequest(tenantPath(tenantId, "subscribedSkus"), { schema: subscribedSkusSchema, signal }).then(
    (body) => body.value,
  );
}

export function subscribedSkusQueryOptions(tenantId: string) {
  return queryOptions({
    queryKey: licensingKeys.subscribedSkus(tenantId),
    queryFn: ({ signal }) => getSubscribedSkus(tenantId, signal),
  });
}

/** Every product of the tenant with seats bought, consumed and available, in the API's order. */
export function useSubscribedSkus(tenantId: string, enabled = true) {
  return useQuery({ ...subscribedSkusQueryOptions(tenantId), enabled });
}

/** Products people can be given (capacity add-ons go to environments, not users). */
export function userProducts(skus: readonly SubscribedSku[]): SubscribedSku[] {
  return skus.filter((sku) => sku.appliesTo === "User");
}

/** Those products by name in the language shown, as Microsoft's license panels list them. */
export function userProductsByName(skus: readonly SubscribedSku[], language: string): SubscribedSku[] {
  return userProducts(skus).sort((a, b) => a.displayName.localeCompare(b.displayName, language));
}

/**
 * The colour of a product's usage bar, the same wherever it is drawn (Home, Licenses, a product's page): red while
 * holders outnumber the usable seats, amber when it is full (no seat left to assign), the brand colour otherwise.
 */
export function usageBarColor(sku: Pick<SubscribedSku, "conflicts" | "available">): "error" | "warning" | "brand" {
  if (sku.conflicts > 0 || sku.available < 0) return "error";
  return sku.available === 0 ? "warning" : "brand";
}
