import { defineTexts } from "@/lib/i18n";
import type { UsersTexts } from "./en";

/** The users pages' texts; loaded with them, in the language shown. */
export const usersTexts = defineTexts<UsersTexts>({ en: () => import("./en"), nl: () => import("./nl") });

export const useUsersTexts = usersTexts.useTexts;
