import type { Machine, updateMachineRequestSchema } from "@allot/contracts";
import { checkDemand, machineUnits } from "@allot/domain";
import type { z } from "zod";
import { audit } from "../../lib/audit.js";
import type { TenantContext } from "../../types.js";
import { capacityNotAvailable } from "./capacity-shortfall.js";
import { capacityProducts, environmentAllocation, environmentDemand, lockEnvironment } from "./capacity-state.js";
import { assertMachineNameFree, findMachine, machineSelect, toMachine } from "./machine-view.js";

/**
 * Renames a machine or changes its parallel runs. Raising the runs of a machine that is not hosted takes one more
 * unit per run from the environment's allocation (409 CapacityNotAvailable when it is not there); lowering frees them.
 */
export async function updateMachine(
  ctx: TenantContext,
  machineId: string,
  body: z.output<typeof updateMachineRequestSchema>,
): Promise<Machine> {
  return ctx.db.$transaction(async (tx) => {
    const { environmentId } = await findMachine(tx, ctx.tenantId, machineId);
    const environment = await lockEnvironment(tx, ctx.tenantId, environmentId);
    // Read again under the environment's lock: a concurrent change of this machine went first.
    const before = await findMachine(tx, ctx.tenantId, machineId);
    if (body.name !== undefined && body.name !== before.name) {
      await assertMachineNameFree(tx, environmentId, body.name, machineId);
    }
    const parallelRuns = body.parallelRuns ?? before.parallelRuns;
    const extra = machineUnits(parallelRuns) - machineUnits(before.parallelRuns);
    if (!before.hosted && extra > 0) {
      const [products, demand, allocated] = await Promise.all([
        capacityProducts(tx),
        environmentDemand(tx, environmentId),
        environmentAllocation(tx, environmentId),
      ]);
      const check = checkDemand(demand, { machineRuns: extra }, allocated);
      if (!check.ok) throw await capacityNotAvailable(tx, environment, check.shortfall, products);
    }
    const machine = await tx.machine.update({
      where: { id: machineId },
      data: { name: body.name ?? before.name, parallelRuns },
      select: machineSelect,
    });
    await audit(tx, ctx, {
      action: "powerPlatform.machineUpdated",
      targetType: "machine",
      targetId: machineId,
      before: { name: before.name, parallelRuns: before.parallelRuns },
      after: { name: machine.name, parallelRuns: machine.parallelRuns },
    });
    return toMachine(machine);
  });
}
