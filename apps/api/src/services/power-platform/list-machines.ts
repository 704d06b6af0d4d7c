import type { Machine } from "@allot/contracts";
import { notFound } from "../../lib/app-error.js";
import type { TenantContext } from "../../types.js";
import { machineSelect, toMachine } from "./machine-view.js";

/** The machines registered in one of the tenant's environments, by name. */
export async function listMachines(ctx: TenantContext, environmentId: string): Promise<{ items: Machine[] }> {
  const environment = await ctx.db.environment.findFirst({
    where: { id: environmentId, tenantId: ctx.tenantId },
    select: { machines: { select: machineSelect, orderBy: [{ name: "asc" }, { id: "asc" }] } },
  });
  if (!environment) throw notFound("Environment");
  return { items: environment.machines.map(toMachine) };
}
