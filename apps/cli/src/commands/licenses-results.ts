import type { BulkLicenseReport } from "@allot/contracts";
import type { UserRef } from "../directory.js";
import { RowsFailedError } from "../exit-codes.js";
import type { CommonOptions } from "../options.js";
import { printRows } from "../output.js";
import type { Product } from "../products.js";

export interface ChangeOptions extends CommonOptions {
  sku: string;
  users?: string;
  user?: string[];
  group?: string;
  disablePlan?: string[];
  replace?: boolean;
  dryRun?: boolean;
}

export type Verb = "assign" | "remove";

/** One user's result, as printed: who, whether it went through, and why not (the rule's code and message). */
export interface ResultRow {
  user: string;
  ok: boolean;
  change: string;
  code: string;
  reason: string;
}

export const resultColumns = [
  { header: "User", value: (r: ResultRow) => r.user },
  { header: "Result", value: (r: ResultRow) => (r.ok ? "ok" : "failed") },
  { header: "Change", value: (r: ResultRow) => r.change },
  { header: "Code", value: (r: ResultRow) => r.code },
  { header: "Reason", value: (r: ResultRow) => r.reason },
];

/** The report's rows with user names (not ids) and the product names the change touches. */
export function reportRows(
  results: BulkLicenseReport["results"],
  users: ReadonlyMap<string, UserRef>,
  product: Product,
): ResultRow[] {
  return results.map((result) => {
    const changes = [
      ...result.added.map(() => `+${product.skuPartNumber}`),
      ...result.removed.map(() => `-${product.skuPartNumber}`),
      ...result.changed.map(() => `~${product.skuPartNumber} plans`),
    ];
    return {
      user: users.get(result.userId)?.userPrincipalName ?? result.displayName ?? result.userId,
      ok: result.ok,
      change: changes.join(" "),
      code: (result.violations ?? []).map((v) => v.code).join(", "),
      reason: (result.violations ?? []).map((v) => v.message).join("; "),
    };
  });
}

export function finishRows(options: ChangeOptions, rows: ResultRow[], json: unknown, what: string): void {
  const format = options.json ? "json" : options.csv ? "csv" : "table";
  const failed = rows.filter((row) => !row.ok);
  // People see the failures (all rows in a dry run); machines get every row.
  const shown = format === "table" && !options.dryRun ? failed : rows;
  printRows(format, shown, resultColumns, undefined, json);
  const done = rows.length - failed.length;
  process.stderr.write(`${what}: ${done} of ${rows.length} user(s) ${options.dryRun ? "would succeed" : "done"}.\n`);
  if (failed.length > 0) {
    throw new RowsFailedError(`${failed.length} user(s) ${options.dryRun ? "would fail" : "failed"}.`);
  }
}
