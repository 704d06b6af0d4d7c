import { queryOptions, useQuery } from "@tanstack/react-query";
import { queryKeys } from "@/lib/query-keys";
import type { AccessCustomer } from "../lib/staff-access";
import { getPartnerCustomers } from "./get-customers";

/**
 * Every customer of the partner, for the Customer access dialog's and the Activity filter's choice: all pages of the customers list (the
 * global admin, who alone gives access, sees every customer there).
 */
async function getAccessCustomers(partnerTenantId: string, signal: AbortSignal): Promise<AccessCustomer[]> {
  const customers: AccessCustomer[] = [];
  let cursor: string | null = null;
  do {
    const page = await getPartnerCustomers(partnerTenantId, "", cursor, signal);
    for (const customer of page.items) {
      customers.push({
        relationshipId: customer.relationship.id,
        tenantId: customer.tenantId,
        name: customer.name,
        grantsAccess: customer.relationship.grantsAccess,
      });
    }
    cursor = page.nextCursor;
  } while (cursor !== null);
  return customers;
}

export function useAccessCustomers(partnerTenantId: string, enabled: boolean) {
  return useQuery({
    ...queryOptions({
      queryKey: [...queryKeys.partnerCenter(partnerTenantId), "accessCustomers"],
      queryFn: ({ signal }) => getAccessCustomers(partnerTenantId, signal),
    }),
    enabled,
  });
}
