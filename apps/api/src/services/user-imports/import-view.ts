import type { UserImport, UserImportRow } from "@allot/contracts";
import { Prisma, type Tx } from "@allot/db";
import { notFound } from "../../lib/app-error.js";
import { decodeCursor, keysetPage } from "../../lib/cursor.js";
import type { TenantContext } from "../../types.js";

const importSelect = {
  id: true,
  kind: true,
  fileName: true,
  status: true,
  encoding: true,
  delimiter: true,
  rowCount: true,
  problemRowCount: true,
  problems: true,
  preview: true,
  total: true,
  processed: true,
  succeeded: true,
  failed: true,
  skipped: true,
  passwords: true,
  error: true,
  errorCode: true,
  createdAt: true,
  completedAt: true,
} as const;

type ImportRecord = Prisma.UserImportGetPayload<{ select: typeof importSelect }>;

function toImport(row: ImportRecord): UserImport {
  const started = row.status === "applying" || row.status === "completed" || row.status === "failed";
  return {
    id: row.id,
    kind: row.kind as UserImport["kind"],
    fileName: row.fileName,
    status: row.status,
    encoding: row.encoding as UserImport["encoding"],
    delimiter: row.delimiter as UserImport["delimiter"],
    rowCount: row.rowCount,
    problemRowCount: row.problemRowCount,
    problems: row.problems as UserImport["problems"],
    preview: (row.preview as UserImport["preview"]) ?? null,
    progress: started ? { done: row.processed, total: row.total } : null,
    outcomes:
      row.status === "completed" || row.status === "failed"
        ? { succeeded: row.succeeded, failed: row.failed, skipped: row.skipped }
        : null,
    passwordsAvailable: row.passwords === "pending",
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    error: row.errorCode ? { code: row.errorCode, message: row.error ?? "" } : null,
  };
}

/** An import of this tenant (another tenant's id is unknown: 404). */
export async function getImport(ctx: TenantContext, importId: string, db: Tx = ctx.db): Promise<UserImport> {
  const row = await db.userImport.findFirst({ where: { id: importId, tenantId: ctx.tenantId }, select: importSelect });
  if (!row) throw notFound("Import");
  return toImport(row);
}

/** The tenant's imports, newest first, keyset-paged. */
export async function listImports(ctx: TenantContext, query: { cursor?: string | undefined; limit: number }) {
  const after = query.cursor ? decodeCursor(query.cursor, ["datetime", "uuid"]) : undefined;
  const rows = await ctx.db.userImport.findMany({
    where: {
      tenantId: ctx.tenantId,
      ...(after
        ? {
            OR: [
              { createdAt: { lt: new Date(after[0] as string) } },
              { createdAt: new Date(after[0] as string), id: { lt: after[1] as string } },
            ],
          }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: importSelect,
  });
  const page = keysetPage(rows, query.limit, (row) => [row.createdAt.toISOString(), row.id]);
  return { items: page.rows.map(toImport), nextCursor: page.nextCursor };
}

interface RowsQuery {
  action?: string | undefined;
  outcome?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** An import's rows in line order, by action or outcome, keyset-paged by line. */
export async function listImportRows(ctx: TenantContext, importId: string, query: RowsQuery) {
  await getImport(ctx, importId);
  const after = query.cursor ? Number(decodeCursor(query.cursor, ["text"])[0]) : 0;
  const rows = await ctx.db.$queryRaw<Array<UserImportRow & { errorCode: string | null; errorMessage: string | null }>>`
    SELECT line, "userPrincipalName", "displayName", product, action, changes, problems, outcome,
           "errorCode", "errorMessage", "userId"::text AS "userId"
      FROM "UserImportRow"
     WHERE "tenantId" = ${ctx.tenantId}::uuid AND "importId" = ${importId}::uuid AND line > ${Number.isFinite(after) ? after : 0}
       ${query.action ? Prisma.sql`AND action = ${query.action}` : Prisma.empty}
       ${query.outcome ? Prisma.sql`AND outcome = ${query.outcome}` : Prisma.empty}
     ORDER BY line LIMIT ${query.limit + 1}`;
  const page = keysetPage(rows, query.limit, (row) => [String(row.line)]);
  return {
    items: page.rows.map(({ errorCode, errorMessage, ...row }) => ({
      ...row,
      error: errorCode ? { code: errorCode, message: errorMessage ?? "" } : null,
    })) as UserImportRow[],
    nextCursor: page.nextCursor,
  };
}
