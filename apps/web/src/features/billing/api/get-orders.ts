import { type CsvDelimiter, orderPageSchema } from "@allot/contracts";
import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { csvExportUrl } from "@/lib/api/csv-export";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { billingKeys } from "./keys";

export const ORDERS_PAGE_SIZE = 50;
export type OrderPage = z.infer<typeof orderPageSchema>;

export function getOrders(
  tenantId: string,
  subscriptionId: string | null,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<OrderPage> {
  return apiRequest(tenantPath(tenantId, "orders"), {
    query: { cursor, limit: ORDERS_PAGE_SIZE, subscriptionId },
    schema: orderPageSchema,
    signal,
  });
}

/** Where the CSV of every order downloads from (a plain link: the browser saves the attachment). */
export function ordersExportUrl(tenantId: string, delimiter: CsvDelimiter): string {
  return csvExportUrl(tenantId, "orders", delimiter);
}

export function ordersQueryOptions(tenantId: string, subscriptionId: string | null = null) {
  return infiniteQueryOptions({
    queryKey: billingKeys.orders(tenantId, subscriptionId),
    queryFn: ({ pageParam, signal }) => getOrders(tenantId, subscriptionId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Orders, newest first, one keyset page after the other. */
export function useOrders(tenantId: string, subscriptionId: string | null = null, enabled = true) {
  return useInfiniteQuery({ ...ordersQueryOptions(tenantId, subscriptionId), enabled });
}
