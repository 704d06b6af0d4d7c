import { AppError } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import type { TenantContext } from "../../types.js";
import { environmentAllocation, lockEnvironment, lockTenantCapacity } from "./capacity-state.js";

/**
 * Deletes an empty environment (409 EnvironmentNotEmpty while flows or machines live in it); its allocations go with
 * it, which is a change of allocations: the tenant's capacity lock first, then the environment's row.
 */
export async function deleteEnvironment(ctx: TenantContext, environmentId: string): Promise<void> {
  await ctx.db.$transaction(async (tx) => {
    await lockTenantCapacity(tx, ctx.tenantId);
    const environment = await lockEnvironment(tx, ctx.tenantId, environmentId);
    const [flows, machines, allocation, row] = await Promise.all([
      tx.flow.count({ where: { environmentId } }),
      tx.machine.count({ where: { environmentId } }),
      environmentAllocation(tx, environmentId),
      tx.environment.findUniqueOrThrow({ where: { id: environmentId }, select: { type: true } }),
    ]);
    if (flows > 0 || machines > 0) {
      throw new AppError(
        "EnvironmentNotEmpty",
        `"${environment.name}" still holds ${flows} flow(s) and ${machines} machine(s): move or delete them first.`,
        { extensions: { flowCount: flows, machineCount: machines } },
      );
    }
    await tx.environment.delete({ where: { id: environmentId } });
    await audit(tx, ctx, {
      action: "powerPlatform.environmentDeleted",
      targetType: "environment",
      targetId: environmentId,
      before: { name: environment.name, type: row.type, allocations: allocation },
    });
  });
}
