import type { USER_IMPORT_ACTIONS, USER_IMPORT_OUTCOMES } from "@allot/contracts";
import { queryKeys } from "@/lib/query-keys";

/** Which rows of an import a table shows: by the action the preview chose, or by the outcome once applied. */
export interface ImportRowsFilter {
  action?: (typeof USER_IMPORT_ACTIONS)[number] | undefined;
  outcome?: (typeof USER_IMPORT_OUTCOMES)[number] | undefined;
}

// Under the users' keys: applying an import changes users (and licensing, refreshed on its own).
export const importKeys = {
  all: (tenantId: string) => [...queryKeys.users(tenantId), "imports"] as const,
  detail: (tenantId: string, importId: string) => [...importKeys.all(tenantId), importId] as const,
  rows: (tenantId: string, importId: string, filter: ImportRowsFilter) =>
    [...importKeys.detail(tenantId, importId), "rows", filter] as const,
};
