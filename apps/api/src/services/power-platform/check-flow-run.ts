import type { RunCheck } from "@allot/contracts";
import type { Tx } from "@allot/db";
import { checkFlowRun, type FlowKind, type FlowLicenseMode } from "@allot/domain";
import { notFound } from "../../lib/app-error.js";
import type { TenantContext } from "../../types.js";
import { findVisibleFlow } from "./flow-view.js";

/**
 * The service plans a user holds in effect: the enabled plans (disabledServicePlanIds removed) of their licenses
 * that apply (active, or active with an error of its group), direct or inherited, not past a trial license's end.
 */
export async function servicePlansInEffect(tx: Tx, userId: string, now: Date): Promise<Set<string>> {
  const rows = await tx.$queryRaw<{ name: string }[]>`
    SELECT DISTINCT sp."servicePlanName" AS name
      FROM "LicenseAssignment" la
      JOIN "ProductServicePlan" psp ON psp."productId" = la."productId"
      JOIN "ServicePlan" sp ON sp.id = psp."servicePlanId"
     WHERE la."userId" = ${userId}::uuid
       AND la.state IN ('active', 'activeWithError')
       AND NOT (sp.id = ANY(la."disabledServicePlanIds"))
       AND (la."expiresAt" IS NULL OR la."expiresAt" > ${now})`;
  return new Set(rows.map((row) => row.name));
}

/**
 * Whether a person of the tenant may run a flow, and what pays (seed 004): the flow's capacity, or the runner's own
 * plan on the owner's license; else LicenseRequired with the products that would let them.
 */
export async function checkRun(ctx: TenantContext, flowId: string, runAsUserId: string): Promise<RunCheck> {
  return ctx.db.$transaction(async (tx) => {
    const flow = await findVisibleFlow(tx, ctx, flowId);
    const runner = await tx.user.findFirst({
      where: { id: runAsUserId, tenantId: ctx.tenantId, deletedAt: null },
      select: { id: true },
    });
    if (!runner) throw notFound("User");
    const servicePlans = await servicePlansInEffect(tx, runner.id, ctx.clock.now());
    return checkFlowRun(
      {
        kind: flow.kind as FlowKind,
        licenseMode: flow.licensedBy as FlowLicenseMode,
        connectors: flow.connectors,
        suspendedByDlp: flow.suspendedByDlp,
      },
      { servicePlans },
    );
  });
}
