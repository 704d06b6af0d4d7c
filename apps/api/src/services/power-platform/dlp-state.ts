import type { DlpPolicies } from "@allot/contracts";
import type { Tx } from "@allot/db";
import { dlpViolations, policiesFor } from "@allot/domain";
import { tenantDlpPolicies } from "./flow-input.js";

/** The tenant's DLP policies, and every flow they suspend with the first policy it breaks. */
export async function dlpState(tx: Tx, tenantId: string): Promise<DlpPolicies> {
  const [policies, rows, flows] = await Promise.all([
    tenantDlpPolicies(tx, tenantId),
    tx.dlpPolicy.findMany({ where: { tenantId }, select: { id: true, updatedAt: true } }),
    tx.flow.findMany({
      where: { environment: { tenantId }, suspendedByDlp: true },
      select: { id: true, name: true, environmentId: true, connectors: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    }),
  ]);
  const updatedAt = new Map(rows.map((row) => [row.id, row.updatedAt.toISOString()]));
  return {
    items: policies.map((policy) => ({
      id: policy.id,
      name: policy.name,
      environmentId: policy.environmentId,
      business: [...policy.business],
      nonBusiness: [...policy.nonBusiness],
      blocked: [...policy.blocked],
      updatedAt: updatedAt.get(policy.id) as string,
    })),
    suspendedFlows: flows.flatMap((flow) => {
      const [first] = dlpViolations(flow.connectors, policiesFor(policies, flow.environmentId));
      return first ? [{ id: flow.id, name: flow.name, environmentId: flow.environmentId, ...first }] : [];
    }),
  };
}
