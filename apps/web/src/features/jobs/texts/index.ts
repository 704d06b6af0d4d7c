import { defineTexts } from "@/lib/i18n";
import type { JobsTexts } from "./en";

export type { JobsTexts };

/** A bulk license change's page's texts, loaded with the feature in the language shown. */
export const jobsTexts = defineTexts<JobsTexts>({ en: () => import("./en"), nl: () => import("./nl") });

export const useJobsTexts = jobsTexts.useTexts;
