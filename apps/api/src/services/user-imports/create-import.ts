import { MAX_IMPORT_ROWS, type UserImport, type UserImportKind, type UserImportProblem } from "@allot/contracts";
import { can } from "@allot/domain";
import { AppError } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import { readCsv } from "../../lib/csv-read.js";
import type { TenantContext } from "../../types.js";
import { insertRows } from "./import-rows.js";
import { getImport } from "./import-view.js";
import { IMPORT_KINDS } from "./kinds/index.js";

/** Problems kept on the import itself (the rows keep all of them). */
export const PROBLEMS_ON_IMPORT = 1_000;

/** Rights an import needs: an "Add multiple users" file needs users.manage, a license file licenses.assign. */
export function assertImportRight(ctx: TenantContext, kind: UserImportKind): void {
  if (kind === "users" && !can(ctx.roles, "users.manage")) {
    throw new AppError("Forbidden", "Adding users from a file needs a role that may create users.");
  }
  if (kind === "licenses" && !can(ctx.roles, "licenses.assign")) {
    throw new AppError("Forbidden", "A license assignment file needs a role that may assign licenses.");
  }
}

/**
 * Upload: reads the file (InvalidCsvFile / TooManyRows for a file that cannot be taken), checks every row with its
 * kind, and stores the import with its rows as "verified". Nothing is applied: users are not touched.
 */
export async function createImport(
  ctx: TenantContext,
  query: { kind: UserImportKind; fileName?: string | undefined },
  bytes: Buffer,
): Promise<UserImport> {
  assertImportRight(ctx, query.kind);
  const file = readCsv(bytes, { maxRows: MAX_IMPORT_ROWS });
  const rows = await IMPORT_KINDS[query.kind].verify(ctx, file);
  const problems: UserImportProblem[] = rows.flatMap((row) => row.problems);
  const problemRowCount = rows.filter((row) => row.problems.length > 0).length;
  const id = await ctx.db.$transaction(
    async (tx) => {
      const created = await tx.userImport.create({
        data: {
          tenantId: ctx.tenantId,
          kind: query.kind,
          fileName: query.fileName ?? null,
          encoding: file.encoding,
          delimiter: file.delimiter,
          createdByUserId: ctx.actor.kind === "user" ? ctx.actor.userId : null,
          actorRoles: ctx.roles,
          // The file's data rows: a license file's removals are stored as rows of their own, but are no lines of it.
          rowCount: file.records.length,
          problemRowCount,
          problems: problems.slice(0, PROBLEMS_ON_IMPORT),
        },
        select: { id: true },
      });
      await insertRows(tx, ctx.tenantId, created.id, rows);
      await audit(tx, ctx, {
        action: "userImport.uploaded",
        targetType: "userImport",
        targetId: created.id,
        after: {
          kind: query.kind,
          fileName: query.fileName ?? null,
          rows: file.records.length,
          problemRows: problemRowCount,
        },
      });
      return created.id;
    },
    { timeout: 60_000 },
  );
  return getImport(ctx, id);
}
