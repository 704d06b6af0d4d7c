import { usersImportOptionsSchema } from "@allot/contracts";
import type { ImportKindHandler } from "./kind.js";
import { applyUsersChunk } from "./users-apply.js";
import { previewUsers, type UsersOptions } from "./users-preview.js";
import { verifyUsers } from "./users-verify.js";

/** Microsoft 365's "Add multiple users" file: create new users, update existing ones of this tenant. */
export const usersKind: ImportKindHandler<UsersOptions> = {
  optionsSchema: usersImportOptionsSchema,
  needsLicenseRight: (options) => options.licenses.length > 0,
  verify: verifyUsers,
  preview: previewUsers,
  applyChunk: applyUsersChunk,
};
