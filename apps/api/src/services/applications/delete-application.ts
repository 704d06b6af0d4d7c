import { audit } from "../../lib/audit.js";
import type { TenantContext } from "../../types.js";
import { auditView, lockApplication } from "./application-view.js";

/** Deletes an app and its secrets: its tokens are refused from the next request on. The audit log keeps its name. */
export async function deleteApplication(ctx: TenantContext, id: string): Promise<void> {
  await ctx.db.$transaction(async (tx) => {
    const before = await lockApplication(tx, ctx, id);
    await tx.application.delete({ where: { id } });
    await audit(tx, ctx, {
      action: "application.deleted",
      targetType: "application",
      targetId: id,
      before: auditView(before),
    });
  });
}
