import type { FieldError } from "@allot/contracts";
import type { Tx } from "@allot/db";
import { type DlpPolicyRules, dlpViolations, findConnector, policiesFor } from "@allot/domain";
import { AppError } from "../../lib/app-error.js";

/**
 * Checks shared by the flow and DLP use cases: connector ids of the catalog, people of the tenant, and the DLP
 * policies that apply to a flow.
 */

/** The connectors, each once, in the order given; unknown ids are refused with their paths. */
export function knownConnectors(ids: readonly string[], path: string): string[] {
  const errors: FieldError[] = ids.flatMap((id, index) =>
    findConnector(id) ? [] : [{ path: `${path}.${index}`, message: `unknown connector ${id}` }],
  );
  if (errors.length > 0) {
    throw new AppError("ValidationFailed", "Some connectors are not in the catalog (GET …/connectors lists them).", {
      errors,
    });
  }
  return [...new Set(ids)];
}

/** The ids, each once, all people of the tenant who are not deleted; others are refused with their paths. */
export async function tenantPeople(tx: Tx, tenantId: string, ids: readonly string[], path: string): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const found = await tx.user.findMany({
    where: { id: { in: unique }, tenantId, deletedAt: null },
    select: { id: true },
  });
  const known = new Set(found.map((user) => user.id));
  const errors: FieldError[] = ids.flatMap((id, index) =>
    known.has(id) ? [] : [{ path: `${path}.${index}`, message: "not a person of this organisation" }],
  );
  if (errors.length > 0) {
    throw new AppError("ValidationFailed", "Owners and co-owners must be people of this organisation.", { errors });
  }
  return unique;
}

/**
 * Serialises the writes DLP compliance depends on in one tenant: saving policies, and creating a flow or changing its
 * connectors. Without it a flow saved while the policies change could escape the suspension they bring.
 */
export async function lockTenantDlp(tx: Tx, tenantId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`dlp:${tenantId}`}, 0))`;
}

export async function tenantDlpPolicies(tx: Tx, tenantId: string): Promise<Array<DlpPolicyRules & { id: string }>> {
  const rows = await tx.dlpPolicy.findMany({ where: { tenantId }, orderBy: { name: "asc" } });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    environmentId: row.environmentId,
    business: row.businessConnectors,
    nonBusiness: row.nonBusinessConnectors,
    blocked: row.blockedConnectors,
  }));
}

/** Refuses connectors that break a policy applying in the environment (422 DlpViolation with the violations). */
export async function assertDlpCompliant(
  tx: Tx,
  tenantId: string,
  environmentId: string,
  connectors: readonly string[],
): Promise<void> {
  const violations = dlpViolations(connectors, policiesFor(await tenantDlpPolicies(tx, tenantId), environmentId));
  if (violations.length > 0) {
    const names = [...new Set(violations.map((violation) => violation.policy))].join(", ");
    throw new AppError("DlpViolation", `The flow's connectors break the data loss prevention policy ${names}.`, {
      extensions: { violations },
    });
  }
}
