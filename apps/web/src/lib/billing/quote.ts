import { type Quote, type QuoteRequest, quoteSchema } from "@allot/contracts";
import { keepPreviousData, queryOptions, skipToken, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { apiRequest, tenantPath } from "@/lib/api-client";
import { useDebouncedValue } from "@/lib/hooks";
import { queryKeys } from "@/lib/query-keys";

/** Quotes sit below queryKeys.billing, so every billing change refreshes them. */
export function quoteQueryKey(tenantId: string, request: QuoteRequest | null) {
  return [...queryKeys.billing(tenantId), "quote", request] as const;
}

/** What a billing change would cost (or credit), without making it: the change then bills exactly this. */
export function getQuote(tenantId: string, request: QuoteRequest, signal?: AbortSignal): Promise<Quote> {
  return apiRequest(tenantPath(tenantId, "billing", "quote"), {
    method: "POST",
    body: request,
    schema: quoteSchema,
    signal,
  });
}

/**
 * Null while the form does not yet say what to quote (seats not a number). The last quote stays shown while the
 * next one loads; never retried on a refusal.
 */
export function quoteQueryOptions(tenantId: string, request: QuoteRequest | null, staleTime = 30_000) {
  return queryOptions({
    queryKey: quoteQueryKey(tenantId, request),
    queryFn: request ? ({ signal }) => getQuote(tenantId, request, signal) : skipToken,
    placeholderData: keepPreviousData,
    staleTime,
    retry: false,
  });
}

/** The quote of a request as given (the caller debounces its inputs); null: nothing to ask yet. */
export function useQuote(tenantId: string, request: QuoteRequest | null) {
  return useQuery(quoteQueryOptions(tenantId, request));
}

/**
 * The live quote of a dialog: asked once the inputs have stopped changing for a moment (null: nothing valid to
 * quote yet), and asked again each time a dialog opens. The last quote stays shown, marked as updating, while the
 * next one loads.
 */
export function useDebouncedQuote(tenantId: string, request: QuoteRequest | null, delay = 300) {
  // Debounced by its text: a request object made anew on each render must not restart the timer.
  const signature = request === null ? null : JSON.stringify(request);
  const debouncedSignature = useDebouncedValue(signature, delay);
  const debounced = useMemo(
    () => (debouncedSignature === null ? null : (JSON.parse(debouncedSignature) as QuoteRequest)),
    [debouncedSignature],
  );
  // Until the debounced request has caught up, the shown quote is for other inputs.
  const settled = debouncedSignature === signature;
  const query = useQuery(quoteQueryOptions(tenantId, debounced, 0));
  return { ...query, settled, current: settled && !query.isPlaceholderData && query.isSuccess };
}
