import type { createEnvironmentRequestSchema, Environment } from "@allot/contracts";
import type { z } from "zod";
import { audit } from "../../lib/audit.js";
import type { TenantContext } from "../../types.js";
import {
  assertEnvironmentFree,
  isDefaultColumn,
  loadEnvironment,
  lockEnvironmentNames,
  uniqueViolation,
} from "./environment-view.js";

/** Creates an environment: its name unique in the tenant (any case), at most one of type default. */
export async function createEnvironment(
  ctx: TenantContext,
  body: z.output<typeof createEnvironmentRequestSchema>,
): Promise<Environment> {
  return ctx.db
    .$transaction(async (tx) => {
      await lockEnvironmentNames(tx, ctx.tenantId);
      await assertEnvironmentFree(tx, ctx.tenantId, body, null);
      const created = await tx.environment.create({
        data: {
          tenantId: ctx.tenantId,
          name: body.name,
          type: body.type,
          isDefault: isDefaultColumn(body.type),
          createdAt: ctx.clock.now(),
        },
        select: { id: true },
      });
      await audit(tx, ctx, {
        action: "powerPlatform.environmentCreated",
        targetType: "environment",
        targetId: created.id,
        after: { name: body.name, type: body.type },
      });
      return loadEnvironment(tx, ctx.tenantId, created.id);
    })
    .catch((error: unknown) => uniqueViolation(error, body.name));
}
