import type { UserImportProblem } from "@allot/contracts";
import { Prisma, type Tx } from "@allot/db";
import type { StoredRow, VerifiedRow } from "./kinds/kind.js";

/** Rows per INSERT: 50,000 rows go in a handful of statements. */
const INSERT_BATCH = 2_000;

/** Stores verified rows (in the caller's transaction). */
export async function insertRows(tx: Tx, tenantId: string, importId: string, rows: readonly VerifiedRow[]) {
  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    const batch = rows.slice(start, start + INSERT_BATCH);
    await tx.$executeRaw`
      INSERT INTO "UserImportRow" ("tenantId", "importId", line, "userPrincipalName", "displayName", product, data,
                                   problems, "existingUserId", action, changes)
      SELECT ${tenantId}::uuid, ${importId}::uuid, x.line, x.upn, x.display_name, x.product, x.data::jsonb,
             x.problems::jsonb, x.existing::uuid, x.action, ARRAY(SELECT jsonb_array_elements_text(x.changes::jsonb))
        FROM unnest(${batch.map((r) => r.line)}::int[], ${batch.map((r) => r.userPrincipalName)}::text[],
                    ${batch.map((r) => r.displayName)}::text[], ${batch.map((r) => r.product)}::text[],
                    ${batch.map((r) => JSON.stringify(r.data))}::text[],
                    ${batch.map((r) => JSON.stringify(r.problems))}::text[],
                    ${batch.map((r) => r.existingUserId)}::text[], ${batch.map((r) => r.action)}::text[],
                    ${batch.map((r) => JSON.stringify(r.changes))}::text[])
             AS x(line, upn, display_name, product, data, problems, existing, action, changes)`;
  }
}

interface RowRecord {
  line: number;
  userPrincipalName: string;
  displayName: string | null;
  product: string | null;
  data: Record<string, unknown>;
  problems: UserImportProblem[];
  existingUserId: string | null;
  action: StoredRow["action"];
  changes: string[];
  outcome: string | null;
}

/** Rows of an import in line order; `where` narrows them (e.g. the rows still to apply). */
export async function readRows(
  db: Pick<Tx, "$queryRaw">,
  tenantId: string,
  importId: string,
  where: Prisma.Sql = Prisma.empty,
  limit?: number,
): Promise<StoredRow[]> {
  return db.$queryRaw<RowRecord[]>`
    SELECT line, "userPrincipalName", "displayName", product, data, problems, "existingUserId"::text AS "existingUserId",
           action, changes, outcome
      FROM "UserImportRow"
     WHERE "tenantId" = ${tenantId}::uuid AND "importId" = ${importId}::uuid ${where}
     ORDER BY line ${limit === undefined ? Prisma.empty : Prisma.sql`LIMIT ${limit}`}`;
}

/** Writes a preview's decisions back to the rows. */
export async function writeDecisions(
  tx: Tx,
  tenantId: string,
  importId: string,
  rows: ReadonlyArray<{ line: number; action: string; changes: string[]; problems: UserImportProblem[] }>,
) {
  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    const batch = rows.slice(start, start + INSERT_BATCH);
    await tx.$executeRaw`
      UPDATE "UserImportRow" r
         SET action = x.action, problems = x.problems::jsonb,
             changes = ARRAY(SELECT jsonb_array_elements_text(x.changes::jsonb))
        FROM unnest(${batch.map((r) => r.line)}::int[], ${batch.map((r) => r.action)}::text[],
                    ${batch.map((r) => JSON.stringify(r.problems))}::text[],
                    ${batch.map((r) => JSON.stringify(r.changes))}::text[]) AS x(line, action, problems, changes)
       WHERE r."tenantId" = ${tenantId}::uuid AND r."importId" = ${importId}::uuid AND r.line = x.line`;
  }
}
