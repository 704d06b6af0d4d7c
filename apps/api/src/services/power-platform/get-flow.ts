import type { Flow } from "@allot/contracts";
import type { TenantContext } from "../../types.js";
import { findVisibleFlow, toFlow } from "./flow-view.js";

/** One flow: its owner's, co-owners' and Power Platform admins' to see; 404 for anyone else. */
export async function getFlow(ctx: TenantContext, flowId: string): Promise<Flow> {
  return toFlow(await findVisibleFlow(ctx.db, ctx, flowId), ctx);
}
