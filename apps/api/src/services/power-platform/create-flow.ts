import type { CreateFlowRequest, Flow } from "@allot/contracts";
import { AppError, notFound } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import { personOf } from "../../lib/tenant.js";
import type { TenantContext } from "../../types.js";
import { assertDlpCompliant, knownConnectors, lockTenantDlp, tenantPeople } from "./flow-input.js";
import { findTenantFlow, managesPowerPlatform, toFlow } from "./flow-view.js";

type Body = Omit<CreateFlowRequest, "kind" | "connectors" | "coOwnerIds"> &
  Required<Pick<CreateFlowRequest, "kind" | "connectors" | "coOwnerIds">>;

/**
 * A maker creates a flow in an environment: theirs, on their own license (the default, seed 004). Power Platform
 * admins may create one for someone else (ownerUserId); a partner's agent owns nothing in the tenant, so must name
 * the owner. Its connectors must be the catalog's and comply with the DLP policies of the environment.
 */
export async function createFlow(ctx: TenantContext, environmentId: string, body: Body): Promise<Flow> {
  const connectors = knownConnectors(body.connectors, "body.connectors");
  if (body.ownerUserId !== undefined && !managesPowerPlatform(ctx)) {
    throw new AppError("Forbidden", "Only Power Platform admins create flows for someone else.");
  }
  if (body.ownerUserId === undefined && ctx.actor.tenantId !== ctx.tenantId) {
    throw new AppError("ValidationFailed", "Name the flow's owner: it must be a person of this organisation.", {
      errors: [{ path: "body.ownerUserId", message: "required when acting for a customer" }],
    });
  }
  const id = await ctx.db.$transaction(async (tx) => {
    const environment = await tx.environment.findFirst({
      where: { id: environmentId, tenantId: ctx.tenantId },
      select: { id: true },
    });
    if (!environment) throw notFound("Environment");
    const ownerUserId = body.ownerUserId ?? personOf(ctx.actor).userId;
    if (body.ownerUserId !== undefined) {
      const owner = await tx.user.findFirst({
        where: { id: ownerUserId, tenantId: ctx.tenantId, deletedAt: null },
        select: { id: true },
      });
      if (!owner) {
        throw new AppError("ValidationFailed", "The owner must be a person of this organisation.", {
          errors: [{ path: "body.ownerUserId", message: "not a person of this organisation" }],
        });
      }
    }
    const coOwnerIds = (await tenantPeople(tx, ctx.tenantId, body.coOwnerIds, "body.coOwnerIds")).filter(
      (userId) => userId !== ownerUserId,
    );
    await lockTenantDlp(tx, ctx.tenantId);
    await assertDlpCompliant(tx, ctx.tenantId, environmentId, connectors);
    const created = await tx.flow.create({
      data: {
        tenantId: ctx.tenantId,
        environmentId,
        name: body.name,
        description: body.description ?? null,
        kind: body.kind,
        ownerUserId,
        connectors,
        coOwners: { create: coOwnerIds.map((userId) => ({ userId })) },
      },
      select: { id: true },
    });
    await audit(tx, ctx, {
      action: "powerPlatform.flowCreated",
      targetType: "flow",
      targetId: created.id,
      after: {
        environmentId,
        name: body.name,
        kind: body.kind,
        ownerUserId,
        coOwnerIds,
        connectors,
        licenseMode: "owner",
      },
    });
    return created.id;
  });
  return toFlow(await findTenantFlow(ctx.db, ctx, id), ctx);
}
