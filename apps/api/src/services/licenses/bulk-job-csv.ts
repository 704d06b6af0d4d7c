import type { CsvCell } from "../../lib/csv.js";
import type { TenantContext } from "../../types.js";
import { getBulkJob } from "./bulk-jobs.js";
import { catalogOf } from "./catalog.js";

/**
 * A license job's confirmation as CSV rows (BULK_JOB_CSV_COLUMNS): per user whether the change applied, the
 * products assigned and revoked and those whose service plans changed (by name), and every refusal's code and
 * reason. Failures come first, as on the confirmation page.
 */
export async function bulkJobCsvRows(ctx: TenantContext, jobId: string): Promise<CsvCell[][]> {
  const [job, catalog] = await Promise.all([getBulkJob(ctx, jobId, { withResults: true }), catalogOf(ctx.db)]);
  const names = (skuIds: readonly string[]) =>
    skuIds.map((skuId) => catalog.bySkuId.get(skuId)?.displayName ?? skuId).join("; ");
  return job.results.map((result) => [
    result.userId,
    result.displayName,
    result.ok ? "succeeded" : "failed",
    result.ok ? names(result.added) : "",
    result.ok ? names(result.removed) : "",
    result.ok ? names(result.changed) : "",
    (result.violations ?? []).map((violation) => `${violation.code}: ${violation.message}`).join(" | "),
  ]);
}
