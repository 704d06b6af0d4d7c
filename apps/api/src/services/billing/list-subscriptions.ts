import type { Subscription } from "@allot/contracts";
import type { TenantContext } from "../../types.js";
import { loadSubscriptions } from "./subscription-view.js";

/** The tenant's subscriptions, newest first; deleted ones only when asked for. */
export async function listSubscriptions(
  ctx: TenantContext,
  includeDeleted: boolean,
): Promise<{ value: Subscription[] }> {
  return { value: await loadSubscriptions(ctx.db, ctx.tenantId, { includeDeleted }) };
}
