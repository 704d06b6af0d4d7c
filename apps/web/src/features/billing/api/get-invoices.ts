import { type CsvDelimiter, invoicePageSchema } from "@allot/contracts";
import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { csvExportUrl } from "@/lib/api/csv-export";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { billingKeys } from "./keys";

export const INVOICES_PAGE_SIZE = 50;
export type InvoicePage = z.infer<typeof invoicePageSchema>;

export function getInvoices(
  tenantId: string,
  subscriptionId: string | null,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<InvoicePage> {
  return apiRequest(tenantPath(tenantId, "invoices"), {
    query: { cursor, limit: INVOICES_PAGE_SIZE, subscriptionId },
    schema: invoicePageSchema,
    signal,
  });
}

/** Where the CSV of every invoice downloads from. */
export function invoicesExportUrl(tenantId: string, delimiter: CsvDelimiter): string {
  return csvExportUrl(tenantId, "invoices", delimiter);
}

export function invoicesQueryOptions(tenantId: string, subscriptionId: string | null = null) {
  return infiniteQueryOptions({
    queryKey: billingKeys.invoices(tenantId, subscriptionId),
    queryFn: ({ pageParam, signal }) => getInvoices(tenantId, subscriptionId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Invoices, newest first, one keyset page after the other. */
export function useInvoices(tenantId: string, subscriptionId: string | null = null, enabled = true) {
  return useInfiniteQuery({ ...invoicesQueryOptions(tenantId, subscriptionId), enabled });
}
