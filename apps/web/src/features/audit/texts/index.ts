import { defineTexts } from "@/lib/i18n";
import type { AuditTexts } from "./en";

export type { AuditTexts };

/** The audit log's texts, loaded with the feature in the language shown. */
export const auditTexts = defineTexts<AuditTexts>({ en: () => import("./en"), nl: () => import("./nl") });

export const useAuditTexts = auditTexts.useTexts;
