import { LICENSE_TRANSACTION } from "../licenses/transaction.js";
import { deleteUserIn } from "../users/delete-user.js";
import { type PartnerContext, partnerTenantContext } from "./partner-context.js";
import { lockPartnerRelationships, replaceAccess } from "./staff-access.js";
import { assertMayManageMember, assertMayManageStaff, lockStaffMember } from "./staff-rights.js";

/**
 * Removes a staff member: their delegated roles in every customer go (each audited as a change of access), then the
 * account is deleted as any user's is (sign-in ends at once, restorable for 30 days, without the roles). One
 * transaction: the person keeps both or loses both.
 */
export async function removeStaffMember(ctx: PartnerContext, userId: string): Promise<void> {
  assertMayManageStaff(ctx);
  await ctx.db.$transaction(async (tx) => {
    assertMayManageMember(ctx, await lockStaffMember(tx, ctx, userId));
    const relationships = await lockPartnerRelationships(tx, ctx.partnerTenantId);
    await replaceAccess(tx, ctx, userId, relationships, []);
    await deleteUserIn(tx, partnerTenantContext(ctx), userId);
  }, LICENSE_TRANSACTION);
}
