import { queryKeys } from "@/lib/query-keys";

/**
 * Query keys of the pricing page. The product list says what the signed-in person holds and requested, so it sits
 * below queryKeys.account (refreshed by purchases and requests); quotes (src/lib/billing/quote.ts) sit below queryKeys.billing.
 */
export const pricingKeys = {
  products: (tenantId: string) => [...queryKeys.account(tenantId), "pricing"] as const,
};
