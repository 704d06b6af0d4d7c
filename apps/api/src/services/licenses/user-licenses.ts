import type { AddLicense, LicenseDetails, LicensedUser } from "@allot/contracts";
import { sqlOf, sqlTransaction } from "@allot/db";
import type { TenantContext } from "../../types.js";
import { applyLicenseChanges } from "./apply-changes.js";
import { catalogOf, directLicenses, resolveChange } from "./catalog.js";
import { licenseDetails, licensedUser } from "./license-view.js";
import { violationError } from "./violations.js";

/**
 * Graph's assignLicense for one user: adds, removes and service-plan switches (re-adding a license with other
 * disabledPlans) in one all-or-nothing change. Answers the user as it is once the change is committed.
 *
 * The hottest licensing path: its statements go straight to node-postgres over Prisma's pool (sqlTransaction), the
 * same SQL as in a Prisma transaction, without Prisma's per-statement compile and interpret work, which the CPU
 * profile showed to be most of the request's cost (docs/figures/assign-before.svg).
 */
export async function assignUserLicenses(
  ctx: TenantContext,
  userId: string,
  body: { addLicenses: AddLicense[]; removeLicenses: string[] },
): Promise<LicensedUser> {
  await sqlTransaction(ctx.db, async (tx) => {
    const catalog = await catalogOf(ctx.db, tx);
    const change = resolveChange(catalog, body.addLicenses, body.removeLicenses, {
      add: "body.addLicenses",
      remove: "body.removeLicenses",
    });
    const outcome = await applyLicenseChanges(tx, ctx, catalog, {
      userIds: [userId],
      add: directLicenses(change),
      remove: change.remove.map((product) => product.id),
      mode: "add",
      atomic: true,
      dryRun: false,
    });
    const result = outcome.results[0];
    if (result && !result.ok) {
      const [first] = result.violations;
      if (first?.code === "NotFound") throw violationError(result.violations, "params.userId");
      throw violationError(result.violations, "body");
    }
  });
  // Read back once committed: the seat row lock is released sooner, and the answer is what others now see.
  return licensedUser(sqlOf(ctx.db), ctx, await catalogOf(ctx.db), userId);
}

export async function userLicenseDetails(ctx: TenantContext, userId: string): Promise<LicenseDetails> {
  return licenseDetails(ctx, await catalogOf(ctx.db), userId);
}

/** The user with Graph's assignedLicenses and licenseAssignmentStates, without changing anything. */
export async function getLicensedUser(ctx: TenantContext, userId: string): Promise<LicensedUser> {
  return licensedUser(sqlOf(ctx.db), ctx, await catalogOf(ctx.db), userId);
}
