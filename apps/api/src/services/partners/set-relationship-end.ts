import type { PartnerRelationship } from "@allot/contracts";
import { AppError } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import type { TenantContext } from "../../types.js";
import { loadRelationship, lockRelationship } from "./relationship-view.js";

/** Sets (or clears) the date a partner's access ends by itself. A date already past is refused: remove it instead. */
export async function setRelationshipEnd(
  ctx: TenantContext,
  relationshipId: string,
  endsAt: Date | null,
): Promise<PartnerRelationship> {
  if (endsAt && endsAt.getTime() <= ctx.clock.now().getTime()) {
    throw new AppError("ValidationFailed", "The end date must lie in the future; to end access now, remove it.", {
      errors: [{ path: "body.endsAt", message: "must lie in the future" }],
    });
  }
  await ctx.db.$transaction(async (tx) => {
    const relationship = await lockRelationship(tx, ctx.tenantId, relationshipId);
    if ((relationship.endsAt?.getTime() ?? null) === (endsAt?.getTime() ?? null)) return;
    await tx.partnerRelationship.update({ where: { id: relationship.id }, data: { endsAt } });
    await audit(tx, ctx, {
      action: "partner.endDateChanged",
      targetType: "partnerRelationship",
      targetId: relationship.id,
      before: { endsAt: relationship.endsAt?.toISOString() ?? null },
      after: { endsAt: endsAt?.toISOString() ?? null },
    });
  });
  return loadRelationship(ctx.db, ctx.tenantId, relationshipId, ctx.clock.now());
}
