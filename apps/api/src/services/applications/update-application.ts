import type { Application, UpdateApplication } from "@allot/contracts";
import { audit } from "../../lib/audit.js";
import type { TenantContext } from "../../types.js";
import { applicationSelect, auditView, lockApplication, toApplication } from "./application-view.js";

/**
 * Renames an app, changes its permissions, or disables it. Tokens already issued follow at once: every request
 * reads the app's current permissions and whether it is enabled.
 */
export async function updateApplication(ctx: TenantContext, id: string, body: UpdateApplication): Promise<Application> {
  return ctx.db.$transaction(async (tx) => {
    const before = await lockApplication(tx, ctx, id);
    const row = await tx.application.update({
      where: { id },
      data: {
        displayName: body.displayName,
        permissions: body.permissions ? [...body.permissions] : undefined,
        enabled: body.enabled,
      },
      select: applicationSelect,
    });
    await audit(tx, ctx, {
      action: "application.updated",
      targetType: "application",
      targetId: id,
      before: auditView(before),
      after: auditView(row),
    });
    return toApplication(row);
  });
}
