import {
  directoryFieldsFromGraph,
  type GraphUpdateUser,
  type UpdateUserRequest,
  USER_DIRECTORY_FIELDS,
  type UserDirectoryField,
} from "@allot/contracts";

/** Graph names these two differently (lists): see directoryFieldsFromGraph. */
const SAME_NAMES = USER_DIRECTORY_FIELDS.filter((field) => field !== "businessPhone" && field !== "alternateEmail");

type GraphDirectoryBody = Partial<Record<UserDirectoryField, string | null>> & {
  businessPhones?: string[] | undefined;
  otherMails?: string[] | undefined;
};

/** The directory fields a Graph body names, under Allot's names (left out: unchanged; null or []: cleared). */
export function graphDirectoryOf(body: GraphDirectoryBody): Partial<Record<UserDirectoryField, string | null>> {
  const same = SAME_NAMES.filter((field) => body[field] !== undefined).map((field) => [field, body[field] ?? null]);
  return { ...Object.fromEntries(same), ...directoryFieldsFromGraph(body) };
}

/** PATCH /users/{id}'s body as the admin center's update. */
export function userUpdateOf({
  displayName,
  usageLocation,
  accountEnabled,
  ...directory
}: GraphUpdateUser): UpdateUserRequest {
  return {
    ...(displayName === undefined ? {} : { displayName }),
    ...(usageLocation === undefined ? {} : { usageLocation }),
    ...(accountEnabled === undefined ? {} : { accountEnabled }),
    ...graphDirectoryOf(directory),
  };
}
