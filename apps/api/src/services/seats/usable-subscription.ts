import { Prisma } from "@allot/db";
import { isUsable, type SubscriptionState } from "@allot/domain";

/** Every subscription state, so the list below cannot miss one the domain adds. */
const STATES: Record<SubscriptionState, true> = { active: true, expired: true, disabled: true, deleted: true };

/**
 * "An active or expired subscription is usable" as SQL, for a `"Subscription"` row aliased `s`: mirrors isUsable in
 * packages/domain, from which the state list is built (`s.state IN ('active', 'expired')`). Every query that counts
 * usable seats or subscriptions uses it, so the rule is written once.
 */
export const usableSubscriptionSql = Prisma.raw(
  `s.state IN (${(Object.keys(STATES) as SubscriptionState[])
    .filter(isUsable)
    .map((state) => `'${state}'`)
    .join(", ")})`,
);
