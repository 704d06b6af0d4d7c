import { type Invoice, invoiceSchema } from "@allot/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { billingKeys } from "./keys";

export function getInvoice(tenantId: string, invoiceId: string, signal?: AbortSignal): Promise<Invoice> {
  return apiRequest(tenantPath(tenantId, "invoices", invoiceId), { schema: invoiceSchema, signal });
}

export function invoiceQueryOptions(tenantId: string, invoiceId: string) {
  return queryOptions({
    queryKey: billingKeys.invoice(tenantId, invoiceId),
    queryFn: ({ signal }) => getInvoice(tenantId, invoiceId, signal),
  });
}

/** One invoice with its lines. */
export function useInvoice(tenantId: string, invoiceId: string) {
  return useQuery(invoiceQueryOptions(tenantId, invoiceId));
}
