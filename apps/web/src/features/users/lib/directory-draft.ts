import { USER_DIRECTORY_FIELDS, type UserDirectoryField, type UserDirectoryFields } from "@allot/contracts";

/** The directory fields as a form holds them: text as typed ("" for not set), the country as a code or null. */
export type DirectoryDraft = { [Field in Exclude<UserDirectoryField, "country">]: string } & { country: string | null };

/** What a request sends for the directory fields: a value, or null to clear one. */
export type DirectoryInput = Partial<Record<UserDirectoryField, string | null>>;

/** A typed value as the API stores it: blank is not set. */
function stored(value: string | null): string | null {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}

/** The form's fields for a user (empty for a new one). */
export function directoryDraftOf(user: UserDirectoryFields | null): DirectoryDraft {
  const draft = Object.fromEntries(USER_DIRECTORY_FIELDS.map((field) => [field, user?.[field] ?? ""]));
  return { ...draft, country: user?.country ?? null } as DirectoryDraft;
}

/**
 * Only the fields that differ from the user as loaded, as the update request takes them: a blanked field is null
 * (cleared), another is sent as typed for the schema to check (it trims).
 */
export function directoryChanges(user: UserDirectoryFields, draft: DirectoryDraft): DirectoryInput {
  const changes: DirectoryInput = {};
  for (const field of USER_DIRECTORY_FIELDS) {
    const value = stored(draft[field]);
    if (value !== user[field]) changes[field] = value === null ? null : (draft[field] as string);
  }
  return changes;
}

/** The fields filled in, as the create request takes them (those left blank are not sent). */
export function directoryInput(draft: Partial<DirectoryDraft>): DirectoryInput {
  const input: DirectoryInput = {};
  for (const field of USER_DIRECTORY_FIELDS) {
    const value = draft[field];
    if (value !== undefined && stored(value) !== null) input[field] = value;
  }
  return input;
}
