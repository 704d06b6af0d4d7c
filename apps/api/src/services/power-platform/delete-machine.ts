import { audit } from "../../lib/audit.js";
import type { TenantContext } from "../../types.js";
import { lockEnvironment } from "./capacity-state.js";
import { findMachine } from "./machine-view.js";

/** Removes a machine; the units it took go back to the environment's free allocation. */
export async function deleteMachine(ctx: TenantContext, machineId: string): Promise<void> {
  await ctx.db.$transaction(async (tx) => {
    const { environmentId } = await findMachine(tx, ctx.tenantId, machineId);
    await lockEnvironment(tx, ctx.tenantId, environmentId);
    const machine = await findMachine(tx, ctx.tenantId, machineId);
    await tx.machine.delete({ where: { id: machineId } });
    await audit(tx, ctx, {
      action: "powerPlatform.machineDeleted",
      targetType: "machine",
      targetId: machineId,
      before: { environmentId, name: machine.name, parallelRuns: machine.parallelRuns, hosted: machine.hosted },
    });
  });
}
