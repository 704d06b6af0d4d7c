import { USER_TEMPLATE_COLUMNS } from "@allot/contracts";
import type { CsvCell } from "../../lib/csv.js";
import type { TenantContext } from "../../types.js";
import { getImport } from "./import-view.js";

export const PROBLEM_CSV_COLUMNS = ["Line", "Column", "Code", "Message"] as const;
export const RESULT_CSV_COLUMNS = [
  "Line",
  "User Name",
  "Display Name",
  "Action",
  "Changes",
  "Outcome",
  "Error code",
  "Error message",
] as const;

/** The verify log: every problem of every row, in line order. */
export async function problemCsvRows(ctx: TenantContext, importId: string): Promise<CsvCell[][]> {
  await getImport(ctx, importId);
  const rows = await ctx.db.$queryRaw<Array<{ line: number; column: string | null; code: string; message: string }>>`
    SELECT r.line, p->>'column' AS column, p->>'code' AS code, p->>'message' AS message
      FROM "UserImportRow" r CROSS JOIN LATERAL jsonb_array_elements(r.problems) WITH ORDINALITY AS e(p, n)
     WHERE r."tenantId" = ${ctx.tenantId}::uuid AND r."importId" = ${importId}::uuid
     ORDER BY r.line, e.n`;
  return rows.map((row) => [row.line, row.column, row.code, row.message]);
}

/** Every row's action and outcome (never a password). */
export async function resultCsvRows(ctx: TenantContext, importId: string): Promise<CsvCell[][]> {
  await getImport(ctx, importId);
  const rows = await ctx.db.userImportRow.findMany({
    where: { tenantId: ctx.tenantId, importId },
    orderBy: { line: "asc" },
    select: {
      line: true,
      userPrincipalName: true,
      displayName: true,
      action: true,
      changes: true,
      outcome: true,
      errorCode: true,
      errorMessage: true,
    },
  });
  return rows.map((row) => [
    row.line,
    row.userPrincipalName,
    row.displayName,
    row.action,
    row.changes.join("; "),
    row.outcome,
    row.errorCode,
    row.errorMessage,
  ]);
}

/** Microsoft's two sample rows (to be overwritten), with its kind of values. */
const SAMPLES: Record<"en" | "nl", string[][]> = {
  en: [
    [
      "chris@contoso.com",
      "Chris",
      "Green",
      "Chris Green",
      "IT Manager",
      "Information Technology",
      "123451",
      "123-555-1211",
      "123-555-6641",
      "123-555-9821",
      "",
      "1 Microsoft way",
      "Redmond",
      "Wa",
      "98052",
      "United States",
    ],
    [
      "ben@contoso.com",
      "Ben",
      "Andrews",
      "Ben Andrews",
      "IT Manager",
      "Information Technology",
      "123452",
      "123-555-1212",
      "123-555-6642",
      "123-555-9822",
      "",
      "1 Microsoft way",
      "Redmond",
      "Wa",
      "98052",
      "United States",
    ],
  ],
  nl: [
    [
      "chris@contoso.com",
      "Chris",
      "Groen",
      "Chris Groen",
      "IT-manager",
      "Informatietechnologie",
      "123451",
      "020-555-1211",
      "06-5556641",
      "020-555-9821",
      "",
      "Evert van de Beekstraat 354",
      "Schiphol",
      "Noord-Holland",
      "1118 CZ",
      "Nederland",
    ],
    [
      "ben@contoso.com",
      "Ben",
      "Andriessen",
      "Ben Andriessen",
      "IT-manager",
      "Informatietechnologie",
      "123452",
      "020-555-1212",
      "06-5556642",
      "020-555-9822",
      "",
      "Evert van de Beekstraat 354",
      "Schiphol",
      "Noord-Holland",
      "1118 CZ",
      "Nederland",
    ],
  ],
};

/** The template's header (English exactly as Microsoft's, or Dutch) and, when asked, the sample rows. */
export function templateCsv(language: "en" | "nl", samples: boolean) {
  return {
    columns: USER_TEMPLATE_COLUMNS.map((column) => column[language]),
    rows: samples ? SAMPLES[language] : [],
  };
}
