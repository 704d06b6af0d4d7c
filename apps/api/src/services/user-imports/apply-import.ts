import type { UserImport } from "@allot/contracts";
import { AppError } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import type { TenantContext } from "../../types.js";
import { APPLY_ACTIONS, alreadyApplied, assertOptionsRight, lockImport } from "./import-state.js";
import { getImport } from "./import-view.js";

/**
 * Accepts the latest preview: the import becomes "applying" with the rows to apply counted; the caller hands it to
 * the runner, which applies it chunk by chunk in the background. Only after a preview (409 ImportNotPreviewed),
 * and once (409 ImportAlreadyApplied).
 */
export async function startApply(ctx: TenantContext, importId: string): Promise<UserImport> {
  await ctx.db.$transaction(async (tx) => {
    const current = await lockImport(tx, ctx, importId);
    if (current.status === "verified") {
      throw new AppError("ImportNotPreviewed", "Preview the import with its options before applying it.");
    }
    if (current.status !== "previewed") throw alreadyApplied();
    assertOptionsRight(ctx, current.kind, current.options);
    const total = await tx.userImportRow.count({
      where: { tenantId: ctx.tenantId, importId, action: { in: [...APPLY_ACTIONS] } },
    });
    await tx.userImport.update({
      where: { id: importId },
      // The rights of whoever applies are the ones each chunk re-checks.
      data: {
        status: "applying",
        total,
        processed: 0,
        createdByUserId: ctx.actor.kind === "user" ? ctx.actor.userId : null,
        actorRoles: ctx.roles,
      },
    });
    await audit(tx, ctx, {
      action: "userImport.applyStarted",
      targetType: "userImport",
      targetId: importId,
      after: { kind: current.kind, rows: total, options: current.options },
    });
  });
  return getImport(ctx, importId);
}
