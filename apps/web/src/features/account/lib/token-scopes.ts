import type { ReachableTenant } from "@allot/contracts";
import { type Action, allowedActions } from "@allot/domain";

/** Rights no token carries: registering apps needs a person in a session (an app's secret would outlive a token). */
const SESSION_ONLY: ReadonlySet<Action> = new Set<Action>(["applications.manage"]);

/**
 * The rights a new token may carry: every right the person holds in any organization they reach (their own roles,
 * and a partner's staff's delegated roles in customers), as the API counts them, less those no token carries. In the
 * permission matrix's order.
 */
export function offeredScopes(tenants: ReadonlyArray<Pick<ReachableTenant, "roles">>): Action[] {
  return allowedActions(tenants.flatMap((tenant) => tenant.roles)).filter((action) => !SESSION_ONLY.has(action));
}
