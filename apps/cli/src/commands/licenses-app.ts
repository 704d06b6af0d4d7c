import { ApiError } from "@allot/client";
import type { UserRef } from "../directory.js";
import { UsageError } from "../exit-codes.js";
import { type Product, planIds } from "../products.js";
import { progressBar } from "../progress.js";
import type { Session } from "../session.js";
import { type ChangeOptions, finishRows, type ResultRow, type Verb } from "./licenses-results.js";

/**
 * An app's license change: Graph's assignLicense, user by user (an app's token reaches /graph/v1.0 only, which has
 * no bulk run and no dry run).
 */
export async function changeForApp(
  session: Session,
  verb: Verb,
  options: ChangeOptions,
  product: Product,
  users: UserRef[],
) {
  if (options.dryRun || options.replace) {
    throw new UsageError(
      "--dry-run and --replace need a personal access token: an app changes licenses through Graph's assignLicense, which has neither.",
    );
  }
  const body =
    verb === "assign"
      ? {
          addLicenses: [{ skuId: product.skuId, disabledPlans: planIds(product, options.disablePlan ?? []) }],
          removeLicenses: [],
        }
      : { addLicenses: [], removeLicenses: [product.skuId] };
  const bar = progressBar(`${verb === "assign" ? "Assign" : "Remove"} ${product.skuPartNumber}`);
  const rows: ResultRow[] = [];
  for (const [index, user] of users.entries()) {
    bar.update(index, users.length);
    try {
      await session.client.graph.assignUserLicense(user.id, body);
      rows.push({
        user: user.userPrincipalName,
        ok: true,
        change: `${verb === "assign" ? "+" : "-"}${product.skuPartNumber}`,
        code: "",
        reason: "",
      });
    } catch (error) {
      if (!(error instanceof ApiError) || error.isAuthError) throw error;
      rows.push({ user: user.userPrincipalName, ok: false, change: "", code: error.code, reason: error.message });
    }
  }
  bar.update(users.length, users.length);
  bar.done();
  finishRows(options, rows, rows, `${verb} ${product.skuPartNumber}`);
}
