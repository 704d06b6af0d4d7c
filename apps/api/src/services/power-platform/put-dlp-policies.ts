import type { DlpPolicies, FieldError, PutDlpPoliciesRequest } from "@allot/contracts";
import { DLP_GROUPS, dlpViolations, overlappingConnectors, policiesFor } from "@allot/domain";
import { AppError, notFound } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import type { TenantContext } from "../../types.js";
import { dlpState } from "./dlp-state.js";
import { knownConnectors, lockTenantDlp, tenantDlpPolicies } from "./flow-input.js";

type Body = { policies: Array<Required<PutDlpPoliciesRequest["policies"][number]>> };

/**
 * Replaces the tenant's whole set of DLP policies (a policy left out is deleted). Each connector sits in at most one
 * group of a policy, and a policy applies to the whole tenant or one of its environments. Then every flow the
 * policies break is suspended, and every suspended flow that complies again runs again; the answer lists the
 * suspended ones.
 */
export async function putDlpPolicies(ctx: TenantContext, body: Body): Promise<DlpPolicies> {
  const policies = body.policies.map((policy, index) => {
    const groups = Object.fromEntries(
      DLP_GROUPS.map((group) => [group, knownConnectors(policy[group], `body.policies.${index}.${group}`)]),
    ) as Record<(typeof DLP_GROUPS)[number], string[]>;
    return { name: policy.name, environmentId: policy.environmentId, ...groups };
  });
  const errors: FieldError[] = policies.flatMap((policy, index) => {
    const twice = overlappingConnectors(policy);
    const sameName = policies.findIndex((other) => other.name.toLowerCase() === policy.name.toLowerCase()) !== index;
    return [
      ...(twice.length > 0
        ? [{ path: `body.policies.${index}`, message: `in more than one group: ${twice.join(", ")}` }]
        : []),
      ...(sameName ? [{ path: `body.policies.${index}.name`, message: "another policy has this name" }] : []),
    ];
  });
  if (errors.length > 0) {
    throw new AppError("ValidationFailed", "Each connector goes in one group of a policy, and names are unique.", {
      errors,
    });
  }
  return ctx.db.$transaction(async (tx) => {
    const environmentIds = [...new Set(policies.flatMap((policy) => policy.environmentId ?? []))];
    const found = await tx.environment.count({ where: { id: { in: environmentIds }, tenantId: ctx.tenantId } });
    if (found !== environmentIds.length) throw notFound("Environment");
    await lockTenantDlp(tx, ctx.tenantId);
    const before = await tenantDlpPolicies(tx, ctx.tenantId);
    await tx.dlpPolicy.deleteMany({ where: { tenantId: ctx.tenantId } });
    await tx.dlpPolicy.createMany({
      data: policies.map((policy) => ({
        tenantId: ctx.tenantId,
        environmentId: policy.environmentId,
        name: policy.name,
        businessConnectors: policy.business,
        nonBusinessConnectors: policy.nonBusiness,
        blockedConnectors: policy.blocked,
      })),
    });
    const flows = await tx.flow.findMany({
      where: { environment: { tenantId: ctx.tenantId } },
      select: { id: true, environmentId: true, connectors: true, suspendedByDlp: true },
    });
    const breaking = new Set(
      flows
        .filter((flow) => dlpViolations(flow.connectors, policiesFor(policies, flow.environmentId)).length > 0)
        .map((flow) => flow.id),
    );
    const suspend = flows.filter((flow) => !flow.suspendedByDlp && breaking.has(flow.id)).map((flow) => flow.id);
    const lift = flows.filter((flow) => flow.suspendedByDlp && !breaking.has(flow.id)).map((flow) => flow.id);
    if (suspend.length > 0) {
      await tx.flow.updateMany({ where: { id: { in: suspend } }, data: { suspendedByDlp: true } });
    }
    if (lift.length > 0) await tx.flow.updateMany({ where: { id: { in: lift } }, data: { suspendedByDlp: false } });
    await audit(tx, ctx, {
      action: "powerPlatform.dlpPoliciesChanged",
      targetType: "tenant",
      targetId: ctx.tenantId,
      before: { policies: before.map(({ id: _id, ...policy }) => policy) },
      after: { policies, suspendedFlowIds: suspend, resumedFlowIds: lift },
    });
    return dlpState(tx, ctx.tenantId);
  });
}
