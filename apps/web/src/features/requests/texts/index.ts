import { defineTexts } from "@/lib/i18n";
import type { RequestsTexts } from "./en";

export type { RequestsTexts } from "./en";

/** The Requests page (the list, approving and denying); loaded with it, in the language shown. */
export const requestsTexts = defineTexts<RequestsTexts>({ en: () => import("./en"), nl: () => import("./nl") });
export const useRequestsTexts = requestsTexts.useTexts;
