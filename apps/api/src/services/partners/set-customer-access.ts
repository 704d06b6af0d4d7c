import type { StaffMember } from "@allot/contracts";
import { type DelegatedRole, relationshipGrantsAccess } from "@allot/domain";
import { AppError, notFound } from "../../lib/app-error.js";
import type { PartnerContext } from "./partner-context.js";
import { heldRoles, lockPartnerRelationships, replaceAccess } from "./staff-access.js";
import { assertMayGrantAccess, lockStaffMember } from "./staff-rights.js";
import { loadStaffMember } from "./staff-view.js";

/**
 * Sets a staff member's delegated roles in one customer (none: no access there). A role can be given only while the
 * relationship grants access: not once the customer removed the privileges (PrivilegesRemoved) or it ended
 * (RelationshipEnded); taking roles away is always allowed.
 */
export async function setStaffCustomerAccess(
  ctx: PartnerContext,
  userId: string,
  relationshipId: string,
  roles: readonly DelegatedRole[],
): Promise<StaffMember> {
  assertMayGrantAccess(ctx);
  await ctx.db.$transaction(async (tx) => {
    await lockStaffMember(tx, ctx, userId);
    const [relationship] = await lockPartnerRelationships(tx, ctx.partnerTenantId, relationshipId);
    if (!relationship) throw notFound("Partner relationship");
    const held = (await heldRoles(tx, userId, [relationship.id])).get(relationship.id) ?? [];
    const gives = roles.some((role) => !held.includes(role));
    if (gives && !relationshipGrantsAccess(relationship, ctx.clock.now())) {
      throw relationship.status === "terminated"
        ? new AppError(
            "PrivilegesRemoved",
            `${relationship.customerName} removed your delegated admin privileges: no one can be given roles there.`,
          )
        : new AppError(
            "RelationshipEnded",
            `The relationship with ${relationship.customerName} has ended: no one can be given roles there.`,
          );
    }
    await replaceAccess(tx, ctx, userId, [relationship], roles);
  });
  return loadStaffMember(ctx.db, ctx.partnerTenantId, userId, ctx.clock.now());
}
