import type { AddLicense, BulkLicenseReport, LicenseViolation } from "@allot/contracts";
import type { Tx } from "@allot/db";
import { audit } from "../../lib/audit.js";
import type { TenantContext } from "../../types.js";
import { applyLicenseChanges, type ChangeOutcome } from "./apply-changes.js";
import { type Catalog, catalogOf, directLicenses, resolveChange } from "./catalog.js";
import { LICENSE_TRANSACTION } from "./transaction.js";
import { foreignPlanViolations, violationError } from "./violations.js";

export interface BulkLicenseBody {
  userIds: string[];
  add: AddLicense[];
  remove: string[];
  mode: "add" | "replace";
  skipAlreadyAssigned?: boolean | undefined;
  atomic: boolean;
  dryRun: boolean;
}

export interface BulkRunOptions {
  /**
   * Runs inside the run's transaction once its changes are written, with the run's report: a background job
   * records its progress here, so the progress commits with the changes it counts.
   */
  beforeCommit?: (tx: Tx, report: BulkLicenseReport) => Promise<void>;
  /** Write the run's own summary event (a job writes one for the whole job instead). Default true. */
  auditRun?: boolean;
}

/** Thrown inside the transaction to undo a dry run's or a refused run's locks and reads; carries the answer. */
class RollBack extends Error {
  constructor(readonly outcome: ChangeOutcome) {
    super("roll back");
  }
}

/**
 * One change for up to 10,000 users in one transaction: a crashed process leaves nothing half-applied, because
 * nothing is committed before the end. atomic: any refused user refuses the run (answered like a single user's
 * refusal, with the full report); otherwise valid users' changes apply and the rest are reported. A dry run goes
 * through the same locks and rules and rolls back, so it answers exactly what a real run would.
 */
export async function bulkAssignLicenses(
  ctx: TenantContext,
  body: BulkLicenseBody,
  options: BulkRunOptions = {},
): Promise<BulkLicenseReport> {
  let catalog: Catalog | undefined;
  let outcome: ChangeOutcome;
  try {
    outcome = await ctx.db.$transaction(async (tx) => {
      catalog = await catalogOf(ctx.db, tx);
      const change = resolveChange(catalog, body.add, body.remove, { add: "body.add", remove: "body.remove" });
      // The same plans for every user: naming a plan outside the SKU is the request's fault, not each user's.
      const foreign = foreignPlanViolations(catalog, change);
      if (foreign.length > 0) throw violationError(foreign, "body.add");
      const result = await applyLicenseChanges(tx, ctx, catalog, {
        userIds: body.userIds,
        add: directLicenses(change),
        remove: change.remove.map((product) => product.id),
        mode: body.mode,
        skipAlreadyAssigned: body.skipAlreadyAssigned ?? false,
        atomic: body.atomic,
        dryRun: body.dryRun,
      });
      if (body.dryRun || !result.applied) throw new RollBack(result);
      await options.beforeCommit?.(tx, toReport(catalog, body, result));
      const succeeded = result.results.filter((r) => r.ok).length;
      // A run that changed nobody leaves nothing to audit.
      if (succeeded === 0 || options.auditRun === false) return result;
      await audit(tx, ctx, {
        action: "licenses.bulkApplied",
        targetType: "tenant",
        targetId: ctx.tenantId,
        productIds: result.seats.map((seat) => seat.productId),
        after: {
          mode: body.mode,
          atomic: body.atomic,
          users: result.results.length,
          succeeded,
          failed: result.results.length - succeeded,
          add: body.add,
          remove: body.remove,
        },
      });
      return result;
    }, LICENSE_TRANSACTION);
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
    outcome = error.outcome;
  }
  const report = toReport(catalog as Catalog, body, outcome);
  if (!outcome.applied) {
    const violations: Array<LicenseViolation & { userId: string }> = outcome.results.flatMap((result) =>
      result.ok ? [] : result.violations.map((violation) => ({ ...violation, userId: result.userId })),
    );
    throw violationError(violations, "body.userIds", { report });
  }
  return report;
}

export function toReport(catalog: Catalog, body: BulkLicenseBody, outcome: ChangeOutcome): BulkLicenseReport {
  const succeeded = outcome.results.filter((result) => result.ok).length;
  const skuIdOf = (productId: string) => catalog.byId.get(productId)?.skuId ?? productId;
  return {
    dryRun: body.dryRun,
    atomic: body.atomic,
    mode: body.mode,
    applied: outcome.applied,
    summary: { users: outcome.results.length, succeeded, failed: outcome.results.length - succeeded },
    results: outcome.results.map((result) => ({
      ...result,
      added: result.added.map(skuIdOf),
      removed: result.removed.map(skuIdOf),
      changed: result.changed.map(skuIdOf),
    })),
    seats: outcome.seats.map((seat) => {
      const product = catalog.byId.get(seat.productId);
      return {
        skuId: product?.skuId ?? seat.productId,
        skuPartNumber: product?.skuPartNumber ?? "",
        before: seat.before,
        after: seat.after,
      };
    }),
  };
}
