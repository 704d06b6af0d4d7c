import type { UserImportKind } from "@allot/contracts";
import type { ImportKindHandler } from "./kind.js";
import { licensesKind } from "./licenses.js";
import { usersKind } from "./users.js";

/** Each kind of file's verify, preview and apply (kinds/kind.ts describes the seam). */
export const IMPORT_KINDS: Record<UserImportKind, ImportKindHandler<unknown>> = {
  users: usersKind as ImportKindHandler<unknown>,
  licenses: licensesKind as ImportKindHandler<unknown>,
};
