import { defineTexts } from "@/lib/i18n";
import type { PartnersTexts } from "./en";

/** The partner's Customers page's texts; loaded with it, in the language shown. */
export const partnersTexts = defineTexts<PartnersTexts>({ en: () => import("./en"), nl: () => import("./nl") });

export const usePartnersTexts = partnersTexts.useTexts;
