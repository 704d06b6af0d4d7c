import type { UserImportProblem, usersImportOptionsSchema } from "@allot/contracts";
import { summarizeSeats } from "@allot/domain";
import type { z } from "zod";
import type { TenantContext } from "../../../types.js";
import { type CatalogEntry, catalogOf, resolveChange } from "../../licenses/catalog.js";
import { foreignPlanViolations, violationError } from "../../licenses/violations.js";
import { seatStates } from "../../seats/seat-states.js";
import type { ImportAction, ImportPreview, PreviewedRow, StoredRow } from "./kind.js";
import type { UsersRowData } from "./users-verify.js";

export type UsersOptions = z.output<typeof usersImportOptionsSchema>;

/** Problems a preview adds (and takes away again when previewed with other options). */
export const PREVIEW_PROBLEM_CODES = new Set(["CountViolation", "UsageLocationRequired"]);

const OPTIONS_PATH = "body.licenses";

/**
 * What applying would do with these options: new users get the options' sign-in, usage location and licenses;
 * existing users of this tenant get the row's changed fields (and the usage location when they have none). New
 * users beyond the free seats of any chosen product are refused (CountViolation), in file order, as applying
 * would refuse them; licenses without a usage location are refused for every new user (UsageLocationRequired).
 */
export async function previewUsers(
  ctx: TenantContext,
  rows: readonly StoredRow[],
  options: UsersOptions,
): Promise<{ rows: PreviewedRow[]; preview: ImportPreview }> {
  const products = await chosenProducts(ctx, options);
  const states =
    products.length > 0
      ? await seatStates(
          ctx.db,
          ctx.tenantId,
          products.map((p) => p.id),
        )
      : new Map();
  const before = products.map((product) => {
    const state = states.get(product.id);
    return { product, available: state ? summarizeSeats(state.subscriptions, state.consumedUnits).available : 0 };
  });
  const free = Math.min(...before.map((line) => line.available));
  const counts: Record<ImportAction, number> = {
    create: 0,
    update: 0,
    assign: 0,
    remove: 0,
    change: 0,
    unchanged: 0,
    refuse: 0,
  };
  let accepted = 0;
  const newUserChanges = [
    ...(options.accountEnabled ? [] : ["Sign-in blocked"]),
    ...(options.usageLocation ? [`Usage location: ${options.usageLocation}`] : []),
    ...products.map((product) => `License: ${product.displayName}`),
  ];
  const previewed = rows.map((row): PreviewedRow => {
    const data = row.data as unknown as UsersRowData;
    const problems = row.problems.filter((problem) => !PREVIEW_PROBLEM_CODES.has(problem.code));
    const refuse = (extra: UserImportProblem[]): PreviewedRow => ({
      line: row.line,
      action: "refuse",
      changes: [],
      problems: [...problems, ...extra],
    });
    let result: PreviewedRow;
    if (problems.length > 0) result = refuse([]);
    else if (row.existingUserId) {
      const changes = [...data.verifiedChanges];
      if (options.usageLocation && !data.existingUsageLocation) {
        changes.push(`Usage location: (none) → ${options.usageLocation}`);
      }
      result = { line: row.line, action: changes.length > 0 ? "update" : "unchanged", changes, problems };
    } else if (products.length > 0 && !options.usageLocation) {
      result = refuse([
        problem(row.line, "UsageLocationRequired", "Licenses need a usage location: choose one in the options."),
      ]);
    } else if (accepted >= free) {
      const short = before.filter((line) => line.available <= accepted).map((line) => line.product.displayName);
      result = refuse([
        problem(row.line, "CountViolation", `No free seat of ${short.join(", ")} is left for this user.`),
      ]);
    } else {
      accepted += 1;
      result = { line: row.line, action: "create", changes: newUserChanges, problems };
    }
    counts[result.action] += 1;
    return result;
  });
  return {
    rows: previewed,
    preview: {
      counts,
      seats: before.map(({ product, available }) => ({
        skuId: product.skuId,
        skuPartNumber: product.skuPartNumber,
        displayName: product.displayName,
        availableBefore: available,
        availableAfter: available - accepted,
      })),
    },
  };
}

const problem = (line: number, code: string, message: string): UserImportProblem => ({
  line,
  column: null,
  code,
  message,
});

/** The options' products (404/422 when a skuId or plan is unknown, as every license route answers). */
async function chosenProducts(ctx: TenantContext, options: UsersOptions): Promise<CatalogEntry[]> {
  if (options.licenses.length === 0) return [];
  const catalog = await catalogOf(ctx.db);
  const change = resolveChange(catalog, options.licenses, [], { add: OPTIONS_PATH, remove: OPTIONS_PATH });
  const foreign = foreignPlanViolations(catalog, change);
  if (foreign.length > 0) throw violationError(foreign, OPTIONS_PATH);
  return change.add.map((entry) => entry.product);
}
