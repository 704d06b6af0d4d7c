import type { useQueryParams } from "@/lib/hooks";

export const BILLING_TABS = ["subscriptions", "orders", "invoices", "selfService"] as const;
export type BillingTab = (typeof BILLING_TABS)[number];

function isTab(value: string | null): value is BillingTab {
  return value !== null && (BILLING_TABS as readonly string[]).includes(value);
}

/** The billing page's tab, kept in the address (`?tab=`; none for the first), and a way to switch it. */
export function useBillingTab([params, setParams]: ReturnType<typeof useQueryParams>): [
  BillingTab,
  (tab: BillingTab) => void,
] {
  const value = params.get("tab");
  const tab: BillingTab = isTab(value) ? value : "subscriptions";
  return [tab, (next) => setParams({ tab: next === "subscriptions" ? undefined : next })];
}
