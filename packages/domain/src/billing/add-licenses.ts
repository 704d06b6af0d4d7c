import { isAdminAssignable, type SubscriptionSource, type SubscriptionState } from "../licensing/seats.js";

/** What "Buy more" needs to know of each subscription of the product. */
export interface AddLicensesSubscription {
  id: string;
  state: SubscriptionState;
  source: SubscriptionSource;
  /** A self-service subscription taken over by an admin. */
  takenOver: boolean;
}

/**
 * Where more licenses of a product come from, as Microsoft 365's admin center does it ("Buy licenses" on the
 * product): added to a subscription the tenant already has (a prorated seat change, same renewal date), and only
 * when there is none, a new one.
 * - `addToSubscription`: the active, admin-owned, paid subscriptions of the product, in the order given; with
 *   several, the admin chooses which. Not a trial (its seats are fixed), not an expired or disabled one (seats
 *   change on an active subscription only: renew it first), not a maker's self-service one until an admin took it
 *   over (its seats are the maker's).
 * - `convertTrial`: the product has no such subscription but a trial that is still usable: buying it is converting
 *   the trial to paid with the seats needed, so people keep their licenses on one subscription.
 * - `buy`: nothing to add to — a new subscription.
 */
export type AddLicensesPlan =
  | { kind: "addToSubscription"; subscriptionIds: string[] }
  | { kind: "convertTrial"; subscriptionId: string }
  | { kind: "buy" };

/** Whether licenses can be added to this subscription by an admin (a prorated seat change). */
export function canAddLicenses(subscription: AddLicensesSubscription): boolean {
  return (
    subscription.state === "active" &&
    subscription.source !== "trial" &&
    isAdminAssignable({ ...subscription, seats: 0 })
  );
}

export function planAddLicenses(subscriptions: readonly AddLicensesSubscription[]): AddLicensesPlan {
  const targets = subscriptions.filter(canAddLicenses).map((subscription) => subscription.id);
  if (targets.length > 0) return { kind: "addToSubscription", subscriptionIds: targets };
  const trial = subscriptions.find(
    (subscription) =>
      subscription.source === "trial" && (subscription.state === "active" || subscription.state === "expired"),
  );
  if (trial) return { kind: "convertTrial", subscriptionId: trial.id };
  return { kind: "buy" };
}
