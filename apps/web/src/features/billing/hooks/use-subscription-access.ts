import type { Subscription } from "@allot/contracts";
import { canManageSubscription, isHeldBySelfService, type ManagedSubscription } from "@allot/domain";
import { useMe } from "@/lib/auth";
import { useTenant } from "@/lib/tenant";

export interface SubscriptionAccess {
  /** A billing or global admin: manages every subscription and converts trials. */
  isBillingManager: boolean;
  /** A maker's self-service subscription not yet taken over by an admin. */
  selfServiceHeld: boolean;
  /** The signed-in person may change it: a billing manager, or the maker who bought it while it is still theirs. */
  canManage: boolean;
}

/** The subscription as the domain's billing rules read it. */
function managed(subscription: Subscription): ManagedSubscription {
  return {
    source: subscription.source,
    takenOver: subscription.takenOverAt !== null,
    ownerUserId: subscription.owner?.id ?? null,
    skuPartNumber: subscription.skuPartNumber,
  };
}

/** What the signed-in person may do with this subscription, by the domain's rules and their roles in the tenant. */
export function useSubscriptionAccess(subscription: Subscription): SubscriptionAccess {
  const { roles, can } = useTenant();
  const me = useMe().data;
  const rulesView = managed(subscription);
  return {
    isBillingManager: can("billing.manage"),
    selfServiceHeld: isHeldBySelfService(rulesView),
    canManage: canManageSubscription(rulesView, { userId: me?.user.id ?? null, roles }),
  };
}
