import type { FlowList } from "@allot/contracts";
import { notFound } from "../../lib/app-error.js";
import type { TenantContext } from "../../types.js";
import { flowSelect, toFlow, visibleFlows } from "./flow-view.js";

/** The environment's flows the actor may see (Power Platform admins all, makers their own and co-owned), by name. */
export async function listFlows(ctx: TenantContext, environmentId: string): Promise<FlowList> {
  const environment = await ctx.db.environment.findFirst({
    where: { id: environmentId, tenantId: ctx.tenantId },
    select: { id: true },
  });
  if (!environment) throw notFound("Environment");
  const rows = await ctx.db.flow.findMany({
    where: { AND: [{ environmentId }, visibleFlows(ctx)] },
    select: flowSelect,
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return { items: rows.map((row) => toFlow(row, ctx)) };
}
