import type { SubscriptionSource } from "../licensing/seats.js";
import { can } from "../permissions.js";
import { isTrialSignUpProduct } from "../power-platform/trials.js";
import type { Role } from "../roles.js";

/** What deciding who may change a subscription needs to know of it. */
export interface ManagedSubscription {
  source: SubscriptionSource;
  /** A self-service subscription taken over by an admin. */
  takenOver: boolean;
  /** The maker who bought a self-service subscription; null for the others. */
  ownerUserId: string | null;
  skuPartNumber: string;
}

/** The signed-in person acting on the subscription, with their roles in its tenant. */
export interface SubscriptionActor {
  userId: string | null;
  roles: readonly Role[];
}

/**
 * A maker's self-service subscription that no admin has taken over yet: its seats are the buyer's to give out and
 * its changes the buyer's to make (DESIGN.md §2: not assignable by admins until taken over).
 */
export function isHeldBySelfService(subscription: Pick<ManagedSubscription, "source" | "takenOver">): boolean {
  return subscription.source === "selfService" && !subscription.takenOver;
}

/**
 * Whether the actor may change the subscription (seats, renewal, auto-renew, cancelling): billing and global admins
 * every subscription, the maker who bought a self-service one while it is still theirs. Nobody changes the Power
 * Automate trial's: its licenses end by themselves, 90 days after each was given.
 */
export function canManageSubscription(subscription: ManagedSubscription, actor: SubscriptionActor): boolean {
  if (isTrialSignUpProduct(subscription.skuPartNumber)) return false;
  if (can(actor.roles, "billing.manage")) return true;
  return (
    isHeldBySelfService(subscription) &&
    actor.userId !== null &&
    subscription.ownerUserId === actor.userId &&
    can(actor.roles, "billing.selfServicePurchase")
  );
}
