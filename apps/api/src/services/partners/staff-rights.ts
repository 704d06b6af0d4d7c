import type { Tx } from "@allot/db";
import { can, canManageStaffMember } from "@allot/domain";
import { AppError, notFound } from "../../lib/app-error.js";
import type { PartnerContext } from "./partner-context.js";

/**
 * The partner center's staff rights, from the permission matrix and the caller's roles in the partner's own tenant.
 * The partner's staff without the right get 403 (they know the partner center exists); outsiders never got here
 * (partnerContext answers 404).
 */
export function assertMayManageStaff(ctx: PartnerContext): void {
  if (!can(ctx.actor.ownRoles, "partnerStaff.manage")) {
    throw new AppError("Forbidden", "Your role in your organization does not allow managing its staff.");
  }
}

/** Giving or taking delegated roles in customers: the partner's global admin only, never its user admin. */
export function assertMayGrantAccess(ctx: PartnerContext): void {
  if (!can(ctx.actor.ownRoles, "partnerAccess.grant")) {
    throw new AppError(
      "CustomerAccessGrantForbidden",
      "Only your organization's global admin gives staff access to customers.",
    );
  }
}

/**
 * Locks a live staff member's row (so a removal and a grant of the same person queue) and answers whether they
 * hold an admin role in the partner's tenant; 404 for anyone who is not on the partner's staff.
 */
export async function lockStaffMember(tx: Tx, ctx: PartnerContext, userId: string): Promise<{ isAdmin: boolean }> {
  const [row] = await tx.$queryRaw<Array<{ isAdmin: boolean }>>`
    SELECT EXISTS (SELECT 1 FROM "RoleAssignment" r WHERE r."userId" = u.id) AS "isAdmin"
      FROM "User" u
     WHERE u.id = ${userId}::uuid AND u."tenantId" = ${ctx.partnerTenantId}::uuid AND u."deletedAt" IS NULL
       FOR NO KEY UPDATE OF u`;
  if (!row) throw notFound("Staff member");
  return row;
}

/** Edit or remove a staff member: the user admin only those without an admin role (canManageStaffMember). */
export function assertMayManageMember(ctx: PartnerContext, target: { isAdmin: boolean }): void {
  if (!canManageStaffMember(ctx.actor.ownRoles, target.isAdmin)) {
    throw new AppError("Forbidden", "Only your organization's global admin can change a staff member who is an admin.");
  }
}
