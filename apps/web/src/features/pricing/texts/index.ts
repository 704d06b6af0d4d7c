import { defineTexts } from "@/lib/i18n";
import type { PricingTexts } from "./en";

export type { PricingTexts } from "./en";

/** The pricing page (products, buying for oneself, requesting, trials); loaded with it, in the language shown. */
export const pricingTexts = defineTexts<PricingTexts>({ en: () => import("./en"), nl: () => import("./nl") });
export const usePricingTexts = pricingTexts.useTexts;
