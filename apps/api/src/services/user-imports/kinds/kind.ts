import {
  USER_IMPORT_ACTIONS,
  type UserImportProblem,
  type userImportActionSchema,
  type userImportPreviewSchema,
} from "@allot/contracts";
import type { Tx } from "@allot/db";
import type { z } from "zod";
import type { CsvFile } from "../../../lib/csv-read.js";
import type { TenantContext } from "../../../types.js";

/**
 * The seam between the import's steps (upload → verify, preview, apply chunk by chunk, results) and what a kind of
 * file means. The steps (services/user-imports/*.ts) store the rows, keep the status, claim chunks, count outcomes
 * and hand out passwords; a kind (kinds/users.ts: "Add multiple users"; kinds/licenses.ts: the license assignment
 * CSV) reads its columns, checks its rows, decides each row's action and applies a chunk of rows.
 */

export type ImportAction = z.infer<typeof userImportActionSchema>;

/** A preview's counts before any row is counted: every action at 0. */
export function noActionCounts(): Record<ImportAction, number> {
  return Object.fromEntries(USER_IMPORT_ACTIONS.map((action) => [action, 0])) as Record<ImportAction, number>;
}
export type ImportPreview = z.infer<typeof userImportPreviewSchema>;

/** A row as verify leaves it (stored as a UserImportRow). */
export interface VerifiedRow {
  line: number;
  userPrincipalName: string;
  displayName: string | null;
  /** License file: the product the row names (skuPartNumber). */
  product: string | null;
  /** The row's values, the kind's own shape (JSON). */
  data: Record<string, unknown>;
  problems: UserImportProblem[];
  /** The live user of this tenant the row names. */
  existingUserId: string | null;
  /** What the row would do without options (refuse when it has problems). */
  action: ImportAction;
  changes: string[];
}

/** A row as stored, read back for preview and apply. */
export interface StoredRow extends VerifiedRow {
  outcome: string | null;
}

/** A row's new decision in a preview. */
export interface PreviewedRow {
  line: number;
  action: ImportAction;
  changes: string[];
  problems: UserImportProblem[];
}

/** What applying one row did. */
export interface RowOutcome {
  line: number;
  outcome: "succeeded" | "failed" | "skipped";
  error: { code: string; message: string } | null;
  userId: string | null;
  /** A created user's one-time password, kept until retrieved once. */
  password: string | null;
}

export interface ImportKindHandler<Options = unknown> {
  /** The options' schema of POST …/preview for this kind. */
  optionsSchema: z.ZodType<Options>;
  /** Rights needed to apply with these options, besides the upload's (e.g. licenses.assign for licenses). */
  needsLicenseRight(options: Options): boolean;
  /** Reads the header (InvalidCsvFile when a required column is missing) and checks every row. Writes nothing. */
  verify(ctx: TenantContext, file: CsvFile): Promise<VerifiedRow[]>;
  /** Decides every row's action with the options (refusals included), and the seats before → after. Writes nothing. */
  preview(
    ctx: TenantContext,
    rows: readonly StoredRow[],
    options: Options,
  ): Promise<{ rows: PreviewedRow[]; preview: ImportPreview }>;
  /**
   * Applies a chunk of rows (actions other than refuse/unchanged) inside the chunk's transaction, under the same
   * locks and rules as the single-user routes. A row that fails is reported, the others go on.
   */
  applyChunk(tx: Tx, ctx: TenantContext, rows: readonly StoredRow[], options: Options): Promise<RowOutcome[]>;
}
