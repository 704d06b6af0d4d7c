import type { Subscription, SubscriptionDetails } from "@allot/contracts";
import { notFound } from "../../lib/app-error.js";
import type { TenantContext } from "../../types.js";
import { assertCanRead } from "./access.js";
import { loadOrders } from "./records-view.js";
import { loadSubscriptions } from "./subscription-view.js";

/** A subscription with its latest 100 orders, for billing readers or the maker who bought it. */
export async function getSubscription(ctx: TenantContext, subscriptionId: string): Promise<SubscriptionDetails> {
  const row = await ctx.db.subscription.findFirst({
    where: { id: subscriptionId, tenantId: ctx.tenantId },
    select: { ownerUserId: true, source: true },
  });
  if (!row) throw notFound("Subscription");
  assertCanRead(ctx, row);
  const [[subscription], orders] = await Promise.all([
    loadSubscriptions(ctx.db, ctx.tenantId, { ids: [subscriptionId] }),
    loadOrders(ctx.db, ctx.tenantId, { subscriptionId, take: 100 }),
  ]);
  return { ...(subscription as Subscription), orders };
}
