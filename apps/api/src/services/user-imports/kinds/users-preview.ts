import type { UserImportProblem, usersImportOptionsSchema } from "@allot/contracts";
import { summarizeSeats, validateLicenseChanges } from "@allot/domain";
import type { z } from "zod";
import type { TenantContext } from "../../../types.js";
import { type Catalog, type CatalogEntry, catalogOf, directLicenses, resolveChange } from "../../licenses/catalog.js";
import { describeViolation, foreignPlanViolations, violationError } from "../../licenses/violations.js";
import { seatStates } from "../../seats/seat-states.js";
import { type ImportPreview, noActionCounts, type PreviewedRow, type StoredRow } from "./kind.js";
import type { UsersRowData } from "./users-verify.js";

export type UsersOptions = z.output<typeof usersImportOptionsSchema>;

/** Problems verify finds; the others are a preview's (seats, license rules) and go when previewed again. */
const VERIFY_PROBLEM_CODES = new Set([
  "Required",
  "TooLong",
  "InvalidEmail",
  "UnknownCountry",
  "DuplicateUserName",
  "UserNameTaken",
  "TooManyColumns",
]);

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
  const { products, ruleRefusal } = await chosenProducts(ctx, options);
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
  const counts = noActionCounts();
  let accepted = 0;
  const newUserChanges = [
    ...(options.accountEnabled ? [] : ["Sign-in blocked"]),
    ...(options.usageLocation ? [`Usage location: ${options.usageLocation}`] : []),
    ...products.map((product) => `License: ${product.displayName}`),
  ];
  const previewed = rows.map((row): PreviewedRow => {
    const data = row.data as unknown as UsersRowData;
    const problems = row.problems.filter((problem) => VERIFY_PROBLEM_CODES.has(problem.code));
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
    } else if (ruleRefusal) {
      result = refuse([problem(row.line, ruleRefusal.code, ruleRefusal.message)]);
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

/**
 * The options' products (404/422 when a skuId or plan is unknown, as every license route answers), and the rules'
 * verdict on them for a new user: every new user is alike (no licenses yet, the options' usage location), so the
 * domain's validator judges one of them — exclusions, prerequisites, products unavailable in the location — and
 * that verdict is every new row's. Seats are counted by the caller, row by row.
 */
async function chosenProducts(
  ctx: TenantContext,
  options: UsersOptions,
): Promise<{ products: CatalogEntry[]; ruleRefusal: { code: string; message: string } | null }> {
  if (options.licenses.length === 0) return { products: [], ruleRefusal: null };
  const catalog = await catalogOf(ctx.db);
  const change = resolveChange(catalog, options.licenses, [], { add: OPTIONS_PATH, remove: OPTIONS_PATH });
  const foreign = foreignPlanViolations(catalog, change);
  if (foreign.length > 0) throw violationError(foreign, OPTIONS_PATH);
  const products = change.add.map((entry) => entry.product);
  return { products, ruleRefusal: options.usageLocation ? newUserRefusal(ctx, catalog, change, options) : null };
}

function newUserRefusal(
  ctx: TenantContext,
  catalog: Catalog,
  change: ReturnType<typeof resolveChange>,
  options: UsersOptions,
): { code: string; message: string } | null {
  const userId = "new-user";
  const validation = validateLicenseChanges({
    actorRoles: ctx.roles,
    catalog: catalog.byId,
    // Seats are counted apart: here only the rules that do not depend on how many there are.
    seats: new Map(
      change.add.map(({ product }) => [product.id, { available: Number.MAX_SAFE_INTEGER, assignable: true }]),
    ),
    users: new Map([
      [userId, { userId, userType: "member", usageLocation: options.usageLocation, direct: [], inherited: new Set() }],
    ]),
    changes: [{ userId, add: directLicenses(change), remove: [] }],
  });
  const [result] = validation.results;
  if (!result || result.ok) return null;
  const [first] = result.violations.map((violation) => describeViolation(catalog, violation));
  return first ? { code: first.code, message: first.message } : null;
}
