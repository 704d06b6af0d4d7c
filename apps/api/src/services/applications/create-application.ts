import type { Application, CreateApplication } from "@allot/contracts";
import { audit } from "../../lib/audit.js";
import { personOf } from "../../lib/tenant.js";
import type { TenantContext } from "../../types.js";
import { applicationSelect, auditView, toApplication } from "./application-view.js";

/** Registers an app with the Graph application permissions a global admin grants it; it has no secret yet. */
export async function createApplication(ctx: TenantContext, body: CreateApplication): Promise<Application> {
  return ctx.db.$transaction(async (tx) => {
    const row = await tx.application.create({
      data: {
        tenantId: ctx.tenantId,
        displayName: body.displayName,
        permissions: [...body.permissions],
        createdByUserId: personOf(ctx.actor).userId,
      },
      select: applicationSelect,
    });
    await audit(tx, ctx, {
      action: "application.created",
      targetType: "application",
      targetId: row.id,
      after: auditView(row),
    });
    return toApplication(row);
  });
}
