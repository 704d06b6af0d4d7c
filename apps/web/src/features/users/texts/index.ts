import { defineTexts } from "@/lib/i18n";
import type { DirectoryTexts } from "./directory-en";
import type { UsersTexts } from "./en";

/** The users pages' texts; loaded with them, in the language shown. */
export const usersTexts = defineTexts<UsersTexts>({ en: () => import("./en"), nl: () => import("./nl") });

export const useUsersTexts = usersTexts.useTexts;

/** A user's contact information (the directory fields), its filters and Export users. */
export const directoryTexts = defineTexts<DirectoryTexts>({
  en: () => import("./directory-en"),
  nl: () => import("./directory-nl"),
});

export const useDirectoryTexts = directoryTexts.useTexts;
