import type { BulkLicenseReport, CreatedUser, createUserRequestSchema } from "@allot/contracts";
import { hashPassword, Prisma } from "@allot/db";
import { can } from "@allot/domain";
import type { z } from "zod";
import { AppError } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import { temporaryPassword } from "../../lib/tokens.js";
import type { TenantContext } from "../../types.js";
import { directoryFieldsOf, toUser, userSelect } from "../directory/user-view.js";
import { applyLicenseChanges } from "../licenses/apply-changes.js";
import { toReport } from "../licenses/bulk-licenses.js";
import { catalogOf, directLicenses, resolveChange } from "../licenses/catalog.js";
import { LICENSE_TRANSACTION } from "../licenses/transaction.js";
import { foreignPlanViolations, violationError } from "../licenses/violations.js";

type CreateUserData = z.output<typeof createUserRequestSchema>;

/** Thrown inside a dry run's transaction to undo it; carries the answer. */
class DryRunDone extends Error {
  constructor(readonly report: BulkLicenseReport) {
    super("dry run");
  }
}

const LICENSES_PATH = "body.assignedLicenses";

/**
 * Adds a user and, in the same transaction, gives them `assignedLicenses` through the one path every license
 * change takes (the same locks and rules as assignLicense). Any refusal undoes the whole step: either the user
 * exists with every license asked for, or nothing was created.
 */
export async function createUser(
  ctx: TenantContext,
  data: CreateUserData,
  options: { passwordChangeRequired?: boolean } = {},
): Promise<CreatedUser> {
  const generated = data.password === undefined ? temporaryPassword() : null;
  const passwordHash = await hashPassword(data.password ?? (generated as string));
  const userId = await inTransaction(ctx, data, passwordHash, options.passwordChangeRequired ?? false);
  const row = await ctx.db.user.findUniqueOrThrow({ where: { id: userId }, select: userSelect });
  return { ...toUser(row), temporaryPassword: generated };
}

/**
 * What `createUser` would do, without doing it: the same transaction up to the end, rolled back. Answers a bulk
 * report of the one new user (ok, or the rules' violations) with the seats before → after, as every other
 * assignment's preview does. Refusals that are not license rules (an email already taken) are thrown as usual.
 */
export async function previewCreateUser(ctx: TenantContext, data: CreateUserData): Promise<BulkLicenseReport> {
  try {
    // Any hash will do: the row never commits.
    await inTransaction(ctx, { ...data, dryRun: true }, "dry-run", false);
  } catch (error) {
    if (error instanceof DryRunDone) return error.report;
    throw error;
  }
  throw new Error("a dry run must roll back");
}

/** `passwordChangeRequired`: the first sign-in must choose a new password (Graph's forceChangePasswordNextSignIn). */
async function inTransaction(
  ctx: TenantContext,
  data: CreateUserData,
  passwordHash: string,
  passwordChangeRequired: boolean,
): Promise<string> {
  // The route asks for users.manage; licenses in the same step also need the right to assign them (today every
  // role that may add users may assign, but the matrix decides, not this assumption).
  if (data.assignedLicenses.length > 0 && !can(ctx.roles, "licenses.assign")) {
    throw new AppError("Forbidden", "Adding users with licenses needs a role that may assign licenses.");
  }
  try {
    return await ctx.db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: {
          tenantId: ctx.tenantId,
          displayName: data.displayName,
          email: data.email,
          usageLocation: data.usageLocation,
          userType: data.userType,
          accountEnabled: data.accountEnabled,
          passwordHash,
          passwordChangeRequired,
          ...directoryFieldsOf(data),
        },
        select: userSelect,
      });
      const { roleAssignments: _roles, licenseAssignments: _licenses, ...after } = created;
      await audit(tx, ctx, { action: "user.created", targetType: "user", targetId: created.id, after });
      if (data.assignedLicenses.length === 0 && !data.dryRun) return created.id;

      const catalog = await catalogOf(ctx.db, tx);
      const change = resolveChange(catalog, data.assignedLicenses, [], { add: LICENSES_PATH, remove: LICENSES_PATH });
      const foreign = foreignPlanViolations(catalog, change);
      if (foreign.length > 0) throw violationError(foreign, LICENSES_PATH);
      const body = { add: data.assignedLicenses, remove: [], mode: "add" as const, atomic: true, dryRun: data.dryRun };
      const outcome = await applyLicenseChanges(tx, ctx, catalog, {
        ...body,
        userIds: [created.id],
        add: directLicenses(change),
      });
      if (data.dryRun) throw new DryRunDone(toReport(catalog, { ...body, userIds: [created.id] }, outcome));
      const result = outcome.results[0];
      if (result && !result.ok) throw violationError(result.violations, LICENSES_PATH);
      return created.id;
    }, LICENSE_TRANSACTION);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("EmailTaken", `${data.email} is already used by another account.`, {
        errors: [{ path: "body.email", message: "is already taken" }],
      });
    }
    throw error;
  }
}
