import type { z } from "zod";
import { csvExportQuery } from "./common.js";
import { USER_TEMPLATE_COLUMNS } from "./user-imports.js";
import { listUsersQuerySchema } from "./users.js";

/**
 * "Export users": the Active users list's filters (no paging) and the field separator. The file opens with the
 * columns of Microsoft's "Add multiple users" template, so an export (or a part of it) re-imports as is; the
 * columns after them are the account's state, which the import ignores.
 */
export const userExportQuerySchema = listUsersQuerySchema.omit({ cursor: true, limit: true }).extend(csvExportQuery);
export type UserExportQuery = z.infer<typeof userExportQuerySchema>;

/** What an export adds after the template's columns. */
export const USER_EXPORT_EXTRA_COLUMNS = [
  "Usage location",
  "User type",
  "Sign-in allowed",
  "Licenses",
  "Last sign-in",
  "Created",
] as const;

/** The export's header row, in order: the template's English headers, then the account's state. */
export const USER_EXPORT_COLUMNS: readonly string[] = [
  ...USER_TEMPLATE_COLUMNS.map((column) => column.en),
  ...USER_EXPORT_EXTRA_COLUMNS,
];

/** Most users one export holds (a bigger directory is exported in parts, by filter). */
export const USER_EXPORT_MAX_ROWS = 100_000;
