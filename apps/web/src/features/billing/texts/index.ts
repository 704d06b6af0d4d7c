import { defineTexts } from "@/lib/i18n";
import type { BillingChangeTexts } from "./changes/en";
import type { BillingTexts } from "./en";

export type { BillingChangeTexts } from "./changes/en";
export type { BillingTexts } from "./en";

/** The billing pages' texts: subscriptions, a subscription, orders, invoices, self-service; in the language shown. */
export const billingTexts = defineTexts<BillingTexts>({ en: () => import("./en"), nl: () => import("./nl") });
export const useBillingTexts = billingTexts.useTexts;

/** The billing changes' texts (buy, trial, renew, seats, cancel, convert, and their price), loaded with the pages. */
export const billingChangeTexts = defineTexts<BillingChangeTexts>({
  en: () => import("./changes/en"),
  nl: () => import("./changes/nl"),
});
export const useBillingChangeTexts = billingChangeTexts.useTexts;
