import type { createMachineRequestSchema, Machine } from "@allot/contracts";
import { Prisma } from "@allot/db";
import { checkDemand, machineUnits } from "@allot/domain";
import type { z } from "zod";
import { audit } from "../../lib/audit.js";
import type { TenantContext } from "../../types.js";
import { capacityNotAvailable } from "./capacity-shortfall.js";
import { capacityProducts, environmentAllocation, environmentDemand, lockEnvironment } from "./capacity-state.js";
import { assertMachineNameFree, machineNameTaken, machineSelect, toMachine } from "./machine-view.js";

/**
 * Registers a machine for unattended desktop flows (seed 004): it needs one Process or Unattended RPA unit per parallel
 * run of the environment's allocation; a hosted machine (or machine group) one Hosted Process unit, so it can be
 * created only where Hosted Process is allocated. Otherwise 409 CapacityNotAvailable with what is missing. Locks the
 * environment's row, as every change of its demand does.
 */
export async function registerMachine(
  ctx: TenantContext,
  environmentId: string,
  body: z.output<typeof createMachineRequestSchema>,
): Promise<Machine> {
  return ctx.db
    .$transaction(async (tx) => {
      const environment = await lockEnvironment(tx, ctx.tenantId, environmentId);
      await assertMachineNameFree(tx, environmentId, body.name, null);
      const [products, demand, allocated] = await Promise.all([
        capacityProducts(tx),
        environmentDemand(tx, environmentId),
        environmentAllocation(tx, environmentId),
      ]);
      const added = body.hosted ? { hostedMachines: 1 } : { machineRuns: machineUnits(body.parallelRuns) };
      const check = checkDemand(demand, added, allocated);
      if (!check.ok) throw await capacityNotAvailable(tx, environment, check.shortfall, products);
      const machine = await tx.machine.create({
        data: {
          tenantId: ctx.tenantId,
          environmentId,
          name: body.name,
          parallelRuns: body.parallelRuns,
          hosted: body.hosted,
          createdAt: ctx.clock.now(),
        },
        select: machineSelect,
      });
      await audit(tx, ctx, {
        action: "powerPlatform.machineRegistered",
        targetType: "machine",
        targetId: machine.id,
        after: { environmentId, name: machine.name, parallelRuns: machine.parallelRuns, hosted: machine.hosted },
      });
      return toMachine(machine);
    })
    .catch((error: unknown) => {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        throw machineNameTaken(body.name);
      }
      throw error;
    });
}
