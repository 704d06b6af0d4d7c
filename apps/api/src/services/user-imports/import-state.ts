import type { UserImportKind } from "@allot/contracts";
import type { Tx } from "@allot/db";
import { can } from "@allot/domain";
import { AppError, notFound } from "../../lib/app-error.js";
import type { TenantContext } from "../../types.js";
import { assertImportRight } from "./create-import.js";
import { IMPORT_KINDS } from "./kinds/index.js";

/** Actions that change something when applied; refuse and unchanged rows are skipped. */
export const APPLY_ACTIONS = ["create", "update", "assign", "remove", "change"] as const;

export interface LockedImport {
  id: string;
  kind: UserImportKind;
  status: string;
  options: unknown;
  passwords: string;
}

/**
 * The import under a row lock for the rest of the transaction (its steps run one at a time), after the right
 * checks: 404 for another tenant's id, 403 without the kind's right (and licenses.assign when the options give
 * licenses).
 */
export async function lockImport(tx: Tx, ctx: TenantContext, importId: string): Promise<LockedImport> {
  const [row] = await tx.$queryRaw<LockedImport[]>`
    SELECT id::text AS id, kind, status::text AS status, options, passwords FROM "UserImport"
     WHERE id = ${importId}::uuid AND "tenantId" = ${ctx.tenantId}::uuid FOR UPDATE`;
  if (!row) throw notFound("Import");
  assertImportRight(ctx, row.kind);
  return row;
}

/** licenses.assign when the options give licenses (an "Add multiple users" file with licenses for new users). */
export function assertOptionsRight(ctx: TenantContext, kind: UserImportKind, options: unknown): void {
  if (IMPORT_KINDS[kind].needsLicenseRight(options) && !can(ctx.roles, "licenses.assign")) {
    throw new AppError("Forbidden", "Giving licenses needs a role that may assign licenses.");
  }
}

export const alreadyApplied = () =>
  new AppError("ImportAlreadyApplied", "This import has already been applied; upload the file again to redo it.");
