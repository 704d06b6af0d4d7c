import type { StaffMember } from "@allot/contracts";
import { type DelegatedRole, relationshipGrantsAccess } from "@allot/domain";
import type { PartnerContext } from "./partner-context.js";
import { lockPartnerRelationships, replaceAccess } from "./staff-access.js";
import { assertMayGrantAccess, lockStaffMember } from "./staff-rights.js";
import { loadStaffMember } from "./staff-view.js";

/**
 * "For all customers": writes the roles on every relationship of the partner that grants access now, in one
 * transaction. A customer added later is not included (roles are held per relationship, as in Partner Center), and a
 * relationship whose privileges the customer removed, or that ended, keeps what it had.
 */
export async function setStaffAccessEverywhere(
  ctx: PartnerContext,
  userId: string,
  roles: readonly DelegatedRole[],
): Promise<StaffMember> {
  assertMayGrantAccess(ctx);
  await ctx.db.$transaction(async (tx) => {
    await lockStaffMember(tx, ctx, userId);
    const now = ctx.clock.now();
    const current = (await lockPartnerRelationships(tx, ctx.partnerTenantId)).filter((relationship) =>
      relationshipGrantsAccess(relationship, now),
    );
    await replaceAccess(tx, ctx, userId, current, roles);
  });
  return loadStaffMember(ctx.db, ctx.partnerTenantId, userId, ctx.clock.now());
}
