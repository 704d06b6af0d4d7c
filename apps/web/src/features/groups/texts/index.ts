import { defineTexts } from "@/lib/i18n";
import type { GroupsTexts } from "./en";

export type { GroupsTexts };

/** The groups pages' texts, loaded with the feature in the language shown. */
export const groupsTexts = defineTexts<GroupsTexts>({ en: () => import("./en"), nl: () => import("./nl") });

export const useGroupsTexts = groupsTexts.useTexts;
