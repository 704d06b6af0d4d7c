import type { UserImportProblem, UserImportProblemCode } from "@allot/contracts";
import { type DirectLicense, samePlans } from "@allot/domain";
import { parseAssignedBy, parseDisabledPlans } from "./assignment-file-format.js";

/**
 * Reading one row of the license assignment CSV against the tenant's catalog and users: which user, product and
 * disabled plans it names, and what is wrong with it. Pure: the caller loads everything first.
 */

/** One data row as the CSV reader hands it over: the cells of LICENSE_ASSIGNMENT_COLUMNS, trimmed or not. */
export interface LicenseFileRow {
  /** The file's line (the header is line 1). */
  line: number;
  userName: string;
  product: string;
  disabledPlans: string;
  assignedBy: string;
}

/** The columns as the file's header names them (English or Dutch), for problems people can find. */
export interface LicenseFileHeaders {
  userName: string;
  product: string;
  disabledPlans: string;
  assignedBy: string;
}

export const ENGLISH_HEADERS: LicenseFileHeaders = {
  userName: "User Name",
  product: "Product",
  disabledPlans: "Disabled plans",
  assignedBy: "Assigned by",
};

/** A product of the catalog with Graph's names (the licensing services' CatalogEntry fits). */
export interface PlanProduct {
  id: string;
  skuId: string;
  skuPartNumber: string;
  displayName: string;
  kind: "user" | "capacity";
  servicePlans: ReadonlyArray<{ id: string; name: string; displayName: string }>;
}

/** A license a user inherits from a group. */
export interface InheritedLicense {
  productId: string;
  groupName: string;
  disabledServicePlanIds: readonly string[];
  /** Whether it holds the user's seat of the product (an inherited license in error does not). */
  holdsSeat: boolean;
}

/** A live user of the tenant with what it holds now. */
export interface PlanUser {
  id: string;
  userPrincipalName: string;
  displayName: string;
  direct: readonly DirectLicense[];
  inherited: readonly InheritedLicense[];
}

/** A row once read: the user and product it names (null when unknown), and its problems. */
export interface ReadRow {
  row: LicenseFileRow;
  user: PlanUser | null;
  product: PlanProduct | null;
  /** The product cell was empty on a direct row: the user is named but keeps no license through this row. */
  empty: boolean;
  groupName: string | null;
  disabledServicePlanIds: string[];
  problems: UserImportProblem[];
}

export interface Lookup {
  users: ReadonlyMap<string, PlanUser>;
  productsByName: ReadonlyMap<string, PlanProduct>;
  headers: LicenseFileHeaders;
}

/** Products by lower-cased skuPartNumber and display name (the part number wins where they would collide). */
export function productIndex(products: readonly PlanProduct[]): Map<string, PlanProduct> {
  const index = new Map<string, PlanProduct>();
  for (const product of products) index.set(product.displayName.trim().toLowerCase(), product);
  for (const product of products) index.set(product.skuPartNumber.toLowerCase(), product);
  return index;
}

export function readRow(row: LicenseFileRow, lookup: Lookup): ReadRow {
  const problems: UserImportProblem[] = [];
  const problem = (column: keyof LicenseFileHeaders, code: UserImportProblemCode, message: string) =>
    problems.push({ line: row.line, column: lookup.headers[column], code, message });
  const read: ReadRow = {
    row,
    user: null,
    product: null,
    empty: false,
    groupName: null,
    disabledServicePlanIds: [],
    problems,
  };

  const userName = row.userName.trim();
  if (userName === "") problem("userName", "Required", "User Name is required.");
  else {
    read.user = lookup.users.get(userName.toLowerCase()) ?? null;
    if (read.user === null) problem("userName", "UnknownUser", `No user ${userName} in this organization.`);
  }

  const assignedBy = parseAssignedBy(row.assignedBy);
  if (assignedBy.kind === "invalid") {
    problem("assignedBy", "InvalidValue", 'Assigned by must be "Direct" or "Group: <group name>".');
  } else if (assignedBy.kind === "group") read.groupName = assignedBy.groupName;

  const productName = row.product.trim();
  const planNames = parseDisabledPlans(row.disabledPlans);
  if (productName === "") {
    if (assignedBy.kind === "group") problem("product", "Required", "A group's license names its Product.");
    else if (planNames.length > 0) problem("disabledPlans", "InvalidValue", "Disabled plans need a Product.");
    else read.empty = true;
    return read;
  }
  const product = lookup.productsByName.get(productName.toLowerCase());
  if (!product) {
    problem("product", "UnknownProduct", `No product ${productName}: use its part number, such as POWER_BI_PRO.`);
    return read;
  }
  if (product.kind === "capacity") {
    problem("product", "InvalidValue", `${product.skuPartNumber} applies to the company, not to users.`);
    return read;
  }
  read.product = product;
  const unknown: string[] = [];
  const ids = new Set<string>();
  for (const name of planNames) {
    const wanted = name.toLowerCase();
    const plan = product.servicePlans.find(
      (candidate) => candidate.name.toLowerCase() === wanted || candidate.displayName.toLowerCase() === wanted,
    );
    if (plan) ids.add(plan.id);
    else unknown.push(name);
  }
  if (unknown.length > 0) {
    problem(
      "disabledPlans",
      "UnknownServicePlan",
      `${product.skuPartNumber} has no service plan ${unknown.join(", ")}; its plans: ${product.servicePlans
        .map((plan) => plan.name)
        .join(" ")}.`,
    );
  }
  read.disabledServicePlanIds = [...ids].sort();
  return read;
}

/** A `Group: …` row must match what the user inherits from that group now: groups change on the group. */
export function markInheritedEdits(read: ReadRow[], headers: LicenseFileHeaders): void {
  for (const row of read) {
    if (row.groupName === null || !row.user || !row.product || row.problems.length > 0) continue;
    const group = row.groupName.toLowerCase();
    const inherited = row.user.inherited.find(
      (license) => license.productId === row.product?.id && license.groupName.toLowerCase() === group,
    );
    if (inherited && samePlans(inherited.disabledServicePlanIds, row.disabledServicePlanIds)) continue;
    row.problems.push({
      line: row.row.line,
      column: inherited ? headers.disabledPlans : headers.assignedBy,
      code: "InheritedAssignment",
      message: inherited
        ? `Inherited from ${row.groupName}: change its plans on the group, or add a Direct row.`
        : `${row.user.userPrincipalName} does not inherit ${row.product.skuPartNumber} from ${row.groupName}: add or remove it on the group, or write Direct.`,
    });
  }
}

/** The same user and product twice as direct rows: which one is meant is unclear, so both are refused. */
export function markDuplicates(read: ReadRow[], headers: LicenseFileHeaders): void {
  const seen = new Map<string, ReadRow[]>();
  for (const row of read) {
    if (row.groupName !== null || !row.user || !row.product) continue;
    const key = `${row.user.id} ${row.product.id}`;
    seen.set(key, [...(seen.get(key) ?? []), row]);
  }
  for (const rows of seen.values()) {
    if (rows.length < 2) continue;
    const lines = rows.map((row) => row.row.line);
    for (const row of rows) {
      row.problems.push({
        line: row.row.line,
        column: headers.product,
        code: "DuplicateAssignment",
        message: `${row.user?.userPrincipalName} has ${row.product?.skuPartNumber} on lines ${lines.join(", ")}: keep one.`,
      });
    }
  }
}
