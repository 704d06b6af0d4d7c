import type { Environment, updateEnvironmentRequestSchema } from "@allot/contracts";
import type { z } from "zod";
import { audit } from "../../lib/audit.js";
import type { TenantContext } from "../../types.js";
import { lockEnvironment } from "./capacity-state.js";
import {
  assertEnvironmentFree,
  isDefaultColumn,
  loadEnvironment,
  lockEnvironmentNames,
  uniqueViolation,
} from "./environment-view.js";

/** Renames an environment or changes its type (the same name and default rules as creating one). */
export async function updateEnvironment(
  ctx: TenantContext,
  environmentId: string,
  body: z.output<typeof updateEnvironmentRequestSchema>,
): Promise<Environment> {
  return ctx.db
    .$transaction(async (tx) => {
      await lockEnvironmentNames(tx, ctx.tenantId);
      await lockEnvironment(tx, ctx.tenantId, environmentId);
      const before = await tx.environment.findUniqueOrThrow({
        where: { id: environmentId },
        select: { name: true, type: true },
      });
      const name = body.name !== undefined && body.name !== before.name ? body.name : undefined;
      const type = body.type !== undefined && body.type !== before.type ? body.type : undefined;
      // A change of case only is a rename to the environment's own name: it does not collide with itself.
      await assertEnvironmentFree(tx, ctx.tenantId, { name, type }, environmentId);
      if (name === undefined && type === undefined) return loadEnvironment(tx, ctx.tenantId, environmentId);
      await tx.environment.update({
        where: { id: environmentId },
        data: {
          ...(name !== undefined ? { name } : {}),
          ...(type !== undefined ? { type, isDefault: isDefaultColumn(type) } : {}),
        },
      });
      await audit(tx, ctx, {
        action: "powerPlatform.environmentUpdated",
        targetType: "environment",
        targetId: environmentId,
        before,
        after: { name: name ?? before.name, type: type ?? before.type },
      });
      return loadEnvironment(tx, ctx.tenantId, environmentId);
    })
    .catch((error: unknown) => uniqueViolation(error, body.name));
}
