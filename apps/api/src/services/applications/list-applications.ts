import type { Application } from "@allot/contracts";
import type { TenantContext } from "../../types.js";
import { applicationSelect, toApplication } from "./application-view.js";

/** Settings › App registrations: the tenant's apps, oldest first, each with its secrets (never their text). */
export async function listApplications(ctx: TenantContext): Promise<Application[]> {
  const rows = await ctx.db.application.findMany({
    where: { tenantId: ctx.tenantId },
    select: applicationSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map(toApplication);
}
