import type { SubscriptionAssignments } from "@allot/contracts";
import { notFound } from "../../lib/app-error.js";
import type { TenantContext } from "../../types.js";
import { assertCanRead } from "./access.js";
import { assignmentsOf } from "./subscription-view.js";

/** People a self-service subscription's buyer gave its seats to (billing readers, or the buyer). */
export async function listSubscriptionAssignments(
  ctx: TenantContext,
  subscriptionId: string,
): Promise<SubscriptionAssignments> {
  return ctx.db.$transaction(async (tx) => {
    const subscription = await tx.subscription.findFirst({
      where: { id: subscriptionId, tenantId: ctx.tenantId },
      select: { ownerUserId: true, source: true },
    });
    if (!subscription) throw notFound("Subscription");
    assertCanRead(ctx, subscription);
    return assignmentsOf(tx, ctx.tenantId, subscriptionId);
  });
}
