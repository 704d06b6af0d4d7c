import { defineTexts } from "@/lib/i18n";
import type { PartnersTexts } from "./en";

/** The partner center's texts; loaded with its pages, in the language shown. */
export const partnersTexts = defineTexts<PartnersTexts>({ en: () => import("./en"), nl: () => import("./nl") });

export const usePartnersTexts = partnersTexts.useTexts;
