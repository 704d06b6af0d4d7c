import { type UpdateUserRequest, USER_DIRECTORY_FIELDS, type User } from "@allot/contracts";
import type { Tx } from "@allot/db";
import { AppError } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import type { TenantContext } from "../../types.js";
import { toUser, userSelect } from "../directory/user-view.js";
import { assertMayManage, loadUser } from "./load-user.js";

export async function updateUser(ctx: TenantContext, userId: string, changes: UpdateUserRequest): Promise<User> {
  return ctx.db.$transaction(async (tx) => {
    const before = await loadUser(tx, ctx, userId, { lock: true });
    assertMayManage(ctx, before);
    if (changes.usageLocation !== undefined && changes.usageLocation !== before.usageLocation) {
      await assertLicensesAllowIn(tx, userId, changes.usageLocation);
    }
    const after = await tx.user.update({ where: { id: userId }, data: changes, select: userSelect });
    // Blocking sign-in ends the user's sessions at once, as an admin expects.
    if (changes.accountEnabled === false) await tx.session.deleteMany({ where: { userId } });
    // The account's name, location and sign-in always; a directory field when the request named it.
    const named = USER_DIRECTORY_FIELDS.filter((field) => changes[field] !== undefined);
    const picked = (row: typeof before) => ({
      displayName: row.displayName,
      usageLocation: row.usageLocation,
      accountEnabled: row.accountEnabled,
      ...Object.fromEntries(named.map((field) => [field, row[field]])),
    });
    await audit(tx, ctx, {
      action: "user.updated",
      targetType: "user",
      targetId: userId,
      before: picked(before),
      after: picked(after),
    });
    return toUser(after);
  });
}

/**
 * A licensed user keeps a usage location, and only one where all its licenses may be used: the same rules that
 * guard assigning (UsageLocationRequired, ProhibitedInUsageLocationViolation) guard moving the user.
 */
async function assertLicensesAllowIn(tx: Tx, userId: string, location: string | null): Promise<void> {
  const held = await tx.$queryRaw<Array<{ skuId: string; skuPartNumber: string; unavailable: boolean }>>`
    SELECT DISTINCT p."skuId"::text AS "skuId", p."skuPartNumber",
           EXISTS (SELECT 1 FROM "ProductUnavailableLocation" l
                    WHERE l."productId" = p.id AND l."countryCode" = ${location}) AS unavailable
      FROM "LicenseAssignment" la JOIN "Product" p ON p.id = la."productId"
     WHERE la."userId" = ${userId}::uuid AND la.state <> 'error'
     ORDER BY p."skuPartNumber"`;
  if (held.length === 0) return;
  if (location === null) {
    throw new AppError(
      "UsageLocationRequired",
      "A licensed user needs a usage location. Remove its licenses before clearing it.",
      { errors: [{ path: "body.usageLocation", message: "required while the user holds licenses" }] },
    );
  }
  const blocked = held.filter((license) => license.unavailable);
  if (blocked.length > 0) {
    throw new AppError(
      "ProhibitedInUsageLocationViolation",
      `${blocked.map((license) => license.skuPartNumber).join(", ")} cannot be used in ${location}.`,
      {
        errors: blocked.map((license) => ({
          path: "body.usageLocation",
          message: `${license.skuPartNumber} is not available there`,
          code: "ProhibitedInUsageLocationViolation",
          skuId: license.skuId,
        })),
      },
    );
  }
}
