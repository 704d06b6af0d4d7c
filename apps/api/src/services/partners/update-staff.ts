import type { StaffMember, UpdateStaffRequest } from "@allot/contracts";
import { updateUser } from "../users/update-user.js";
import { type PartnerContext, partnerTenantContext } from "./partner-context.js";
import { assertMayManageMember, assertMayManageStaff, lockStaffMember } from "./staff-rights.js";
import { loadStaffMember } from "./staff-view.js";

/** Renames a staff member; the user admin only those without an admin role. Audited as any user's edit. */
export async function updateStaffMember(
  ctx: PartnerContext,
  userId: string,
  changes: UpdateStaffRequest,
): Promise<StaffMember> {
  assertMayManageStaff(ctx);
  // The partner center's rule first (404 for non-staff, 403 for an admin and a user admin), then the users' edit,
  // which checks the same target again in its own transaction.
  assertMayManageMember(ctx, await ctx.db.$transaction((tx) => lockStaffMember(tx, ctx, userId)));
  await updateUser(partnerTenantContext(ctx), userId, changes);
  return loadStaffMember(ctx.db, ctx.partnerTenantId, userId, ctx.clock.now());
}
