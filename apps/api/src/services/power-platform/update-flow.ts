import type { Flow, UpdateFlowRequest } from "@allot/contracts";
import type { Tx } from "@allot/db";
import { canEditFlow, checkDemand, type FlowLicenseMode, flowDemand } from "@allot/domain";
import { AppError } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import { personOf } from "../../lib/tenant.js";
import type { TenantContext } from "../../types.js";
import { capacityNotAvailable } from "./capacity-shortfall.js";
import { capacityProducts, environmentAllocation, environmentDemand, lockEnvironment } from "./capacity-state.js";
import { assertDlpCompliant, knownConnectors, lockTenantDlp, tenantPeople } from "./flow-input.js";
import { coOwnerIdsOf, type FlowRow, findTenantFlow, managesPowerPlatform, toFlow } from "./flow-view.js";

type Body = Exclude<UpdateFlowRequest, undefined>;

/**
 * Edits a flow and switches which license pays for it (seed 004): its owner, co-owners and Power Platform admins may.
 * A switch to Process or Per flow takes an unused unit of that add-on allocated to the flow's environment (409
 * CapacityNotAvailable otherwise); back to the owner's license frees it. Saved connectors are checked against the
 * DLP policies again, and a flow that complies now is no longer suspended.
 */
export async function updateFlow(ctx: TenantContext, flowId: string, body: Body): Promise<Flow> {
  const connectors = body.connectors === undefined ? undefined : knownConnectors(body.connectors, "body.connectors");
  await ctx.db.$transaction(async (tx) => {
    const seen = await findTenantFlow(tx, ctx, flowId);
    assertMayEdit(ctx, seen);
    // Locking protocol (capacity-state.ts): a demand change locks the environment's row; then the DLP lock.
    const environment = await lockEnvironment(tx, ctx.tenantId, seen.environmentId);
    await lockTenantDlp(tx, ctx.tenantId);
    const flow = await findTenantFlow(tx, ctx, flowId);
    assertMayEdit(ctx, flow);
    const coOwnerIds =
      body.coOwnerIds === undefined
        ? undefined
        : (await tenantPeople(tx, ctx.tenantId, body.coOwnerIds, "body.coOwnerIds")).filter(
            (userId) => userId !== flow.ownerUserId,
          );
    // Saved connectors that comply lift a suspension; ones that break a policy are refused.
    if (connectors !== undefined) await assertDlpCompliant(tx, ctx.tenantId, flow.environmentId, connectors);
    const suspendedByDlp = connectors === undefined ? undefined : false;
    const from = flow.licensedBy as FlowLicenseMode;
    const to = body.licenseMode ?? from;
    if (to !== from && to !== "owner") {
      const [demand, allocated] = await Promise.all([
        environmentDemand(tx, flow.environmentId),
        environmentAllocation(tx, flow.environmentId),
      ]);
      const freed = flowDemand(from);
      const without = {
        ...demand,
        processFlows: demand.processFlows - freed.processFlows,
        perFlowFlows: demand.perFlowFlows - freed.perFlowFlows,
      };
      const check = checkDemand(without, flowDemand(to), allocated);
      if (!check.ok) throw await capacityNotAvailable(tx, environment, check.shortfall, await capacityProducts(tx));
    }
    await tx.flow.update({
      where: { id: flow.id },
      data: {
        ...(body.name === undefined ? {} : { name: body.name }),
        ...(body.description === undefined ? {} : { description: body.description }),
        ...(connectors === undefined ? {} : { connectors, suspendedByDlp }),
        ...(to === from ? {} : { licensedBy: to }),
        ...(coOwnerIds === undefined
          ? {}
          : { coOwners: { deleteMany: {}, create: coOwnerIds.map((userId) => ({ userId })) } }),
      },
    });
    await auditChanges(tx, ctx, flow, { body, connectors, coOwnerIds, suspendedByDlp, to });
  });
  return toFlow(await findTenantFlow(ctx.db, ctx, flowId), ctx);
}

function assertMayEdit(ctx: TenantContext, flow: FlowRow): void {
  const actor = { userId: personOf(ctx.actor).userId, managesPowerPlatform: managesPowerPlatform(ctx) };
  if (!canEditFlow(actor, { ownerUserId: flow.ownerUserId, coOwnerIds: coOwnerIdsOf(flow) })) {
    throw new AppError("Forbidden", "Only the flow's owner, its co-owners and Power Platform admins can change it.");
  }
}

async function auditChanges(
  tx: Tx,
  ctx: TenantContext,
  flow: FlowRow,
  change: {
    body: Body;
    connectors: string[] | undefined;
    coOwnerIds: string[] | undefined;
    suspendedByDlp: boolean | undefined;
    to: FlowLicenseMode;
  },
): Promise<void> {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const note = (key: string, old: unknown, next: unknown) => {
    if (next === undefined || JSON.stringify(old) === JSON.stringify(next)) return;
    before[key] = old;
    after[key] = next;
  };
  note("name", flow.name, change.body.name);
  note("description", flow.description, change.body.description);
  note("connectors", flow.connectors, change.connectors);
  note("suspendedByDlp", flow.suspendedByDlp, change.suspendedByDlp);
  note("coOwnerIds", [...coOwnerIdsOf(flow)].sort(), change.coOwnerIds && [...change.coOwnerIds].sort());
  if (Object.keys(after).length > 0) {
    await audit(tx, ctx, { action: "powerPlatform.flowUpdated", targetType: "flow", targetId: flow.id, before, after });
  }
  if (change.to !== flow.licensedBy) {
    await audit(tx, ctx, {
      action: "powerPlatform.flowLicenseModeChanged",
      targetType: "flow",
      targetId: flow.id,
      before: { licenseMode: flow.licensedBy, environmentId: flow.environmentId },
      after: { licenseMode: change.to, environmentId: flow.environmentId },
    });
  }
}
