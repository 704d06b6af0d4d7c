import type { UserImportProblem } from "@allot/contracts";
import { summarizeSeats } from "@allot/domain";
import type { TenantContext } from "../../../types.js";
import { catalogOf } from "../../licenses/catalog.js";
import { seatStates } from "../../seats/seat-states.js";
import { type ImportAction, type ImportPreview, noActionCounts, type PreviewedRow, type StoredRow } from "./kind.js";
import type { LicensesRowData } from "./licenses-verify.js";

/** Problems a preview adds (and takes back when previewed again). */
const PREVIEW_PROBLEM_CODES = new Set(["CountViolation"]);
const CHANGING = new Set<ImportAction>(["assign", "change", "remove"]);

/**
 * The license file's preview (it takes no options): the rows as verify planned them, except users whose change
 * would need a seat no longer free, walked in file order as applying walks them (a user's own removals free seats
 * first): those users' rows are refused with CountViolation. Seats before → after per product the file touches.
 */
export async function previewLicenses(
  ctx: TenantContext,
  rows: readonly StoredRow[],
): Promise<{ rows: PreviewedRow[]; preview: ImportPreview }> {
  const dataOf = (row: StoredRow) => row.data as unknown as LicensesRowData;
  const touched = [
    ...new Set(rows.flatMap((row) => (CHANGING.has(dataOf(row).planned) ? [dataOf(row).productId ?? ""] : []))),
  ].filter((id) => id !== "");
  const states = touched.length > 0 ? await seatStates(ctx.db, ctx.tenantId, touched) : new Map();
  const before = new Map(
    touched.map((productId) => {
      const state = states.get(productId);
      return [productId, state ? summarizeSeats(state.subscriptions, state.consumedUnits).available : 0];
    }),
  );

  // Each user's seat moves, by the line carrying its change.
  const moves = new Map<number, Map<string, number>>();
  for (const row of rows) {
    const data = dataOf(row);
    if (data.leadLine === null || data.productId === null || data.seatDelta === 0) continue;
    const user = moves.get(data.leadLine) ?? new Map<string, number>();
    user.set(data.productId, (user.get(data.productId) ?? 0) + data.seatDelta);
    moves.set(data.leadLine, user);
  }
  const left = new Map(before);
  const short = new Map<number, string[]>();
  for (const [leadLine, user] of [...moves].sort((a, b) => a[0] - b[0])) {
    const lacking = [...user].filter(([productId, delta]) => delta < 0 && (left.get(productId) ?? 0) + delta < 0);
    if (lacking.length > 0) {
      short.set(
        leadLine,
        lacking.map(([productId]) => productId),
      );
      continue;
    }
    for (const [productId, delta] of user) left.set(productId, (left.get(productId) ?? 0) + delta);
  }

  const catalog = await catalogOf(ctx.db);
  const part = (productId: string) => catalog.byId.get(productId)?.skuPartNumber ?? productId;
  const counts = noActionCounts();
  const previewed = rows.map((row): PreviewedRow => {
    const data = dataOf(row);
    const problems = row.problems.filter((problem) => !PREVIEW_PROBLEM_CODES.has(problem.code));
    const lacking = data.leadLine === null ? undefined : short.get(data.leadLine);
    let result: PreviewedRow = { line: row.line, action: data.planned, changes: row.changes, problems };
    if (lacking) {
      const problem: UserImportProblem = {
        line: row.line,
        column: null,
        code: "CountViolation",
        message: `No free seat of ${lacking.map(part).join(", ")} is left for ${row.userPrincipalName}; the user's changes go together, so none is applied.`,
      };
      result = { ...result, action: "refuse", problems: [...problems, problem] };
    }
    counts[result.action] += 1;
    return result;
  });
  return {
    rows: previewed,
    preview: {
      counts,
      seats: touched
        .map((productId) => {
          const product = catalog.byId.get(productId);
          const available = before.get(productId) ?? 0;
          return {
            skuId: product?.skuId ?? productId,
            skuPartNumber: part(productId),
            displayName: product?.displayName ?? productId,
            availableBefore: available,
            availableAfter: left.get(productId) ?? available,
          };
        })
        .sort((a, b) => (a.skuPartNumber < b.skuPartNumber ? -1 : 1)),
    },
  };
}
