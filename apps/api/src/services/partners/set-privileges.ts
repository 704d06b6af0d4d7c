import type { PartnerRelationship } from "@allot/contracts";
import { audit } from "../../lib/audit.js";
import type { TenantContext } from "../../types.js";
import { loadRelationship, lockRelationship } from "./relationship-view.js";

/**
 * Removes a partner's delegated admin privileges (its agents lose this organization on their next request, an open
 * session included) or reinstates them. Doing what is already so changes nothing and audits nothing.
 */
export async function setPartnerPrivileges(
  ctx: TenantContext,
  relationshipId: string,
  privileges: "removed" | "reinstated",
): Promise<PartnerRelationship> {
  const status = privileges === "removed" ? "terminated" : "active";
  await ctx.db.$transaction(async (tx) => {
    const relationship = await lockRelationship(tx, ctx.tenantId, relationshipId);
    if (relationship.status === status) return;
    await tx.partnerRelationship.update({ where: { id: relationship.id }, data: { status } });
    await audit(tx, ctx, {
      action: privileges === "removed" ? "partner.privilegesRemoved" : "partner.privilegesReinstated",
      targetType: "partnerRelationship",
      targetId: relationship.id,
      before: { status: relationship.status },
      after: { status },
    });
  });
  return loadRelationship(ctx.db, ctx.tenantId, relationshipId, ctx.clock.now());
}
