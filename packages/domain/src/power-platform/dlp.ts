/**
 * Data loss prevention (seed 004's FAQ): a policy groups connectors as Business, Non-business or Blocked; a flow
 * may not combine Business with Non-business data, nor use a Blocked connector. Connectors a policy does not name
 * are Non-business, Power Platform's default group.
 */
export const DLP_GROUPS = ["business", "nonBusiness", "blocked"] as const;
export type DlpGroup = (typeof DLP_GROUPS)[number];

export interface DlpPolicyRules {
  name: string;
  /** null: the whole tenant. */
  environmentId: string | null;
  business: readonly string[];
  nonBusiness: readonly string[];
  blocked: readonly string[];
}

export interface DlpViolation {
  policy: string;
  /** mixed: Business and Non-business connectors together; blocked: a Blocked connector. */
  reason: "mixed" | "blocked";
  connectors: string[];
}

export function connectorGroup(policy: DlpPolicyRules, connectorId: string): DlpGroup {
  if (policy.blocked.includes(connectorId)) return "blocked";
  if (policy.business.includes(connectorId)) return "business";
  return "nonBusiness";
}

/** The policies that apply to a flow in an environment: that environment's and the tenant-wide ones. */
export function policiesFor<P extends DlpPolicyRules>(policies: readonly P[], environmentId: string): P[] {
  return policies.filter((policy) => policy.environmentId === null || policy.environmentId === environmentId);
}

/** Every way the flow's connectors break the policies that apply to it (empty when it complies). */
export function dlpViolations(connectors: readonly string[], policies: readonly DlpPolicyRules[]): DlpViolation[] {
  return policies.flatMap((policy): DlpViolation[] => {
    const groups = connectors.map((id) => [id, connectorGroup(policy, id)] as const);
    const blocked = groups.filter(([, group]) => group === "blocked").map(([id]) => id);
    if (blocked.length > 0) return [{ policy: policy.name, reason: "blocked", connectors: blocked }];
    const business = groups.filter(([, group]) => group === "business").map(([id]) => id);
    const nonBusiness = groups.filter(([, group]) => group === "nonBusiness").map(([id]) => id);
    if (business.length > 0 && nonBusiness.length > 0) {
      return [{ policy: policy.name, reason: "mixed", connectors: [...business, ...nonBusiness] }];
    }
    return [];
  });
}

/**
 * A connector in more than one group of one policy is a mistake the API refuses. (One named twice in the same group
 * is in one group only: the API stores each group's connectors once.)
 */
export function overlappingConnectors(policy: Pick<DlpPolicyRules, DlpGroup>): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const group of DLP_GROUPS) {
    for (const id of new Set(policy[group])) {
      if (seen.has(id)) twice.add(id);
      seen.add(id);
    }
  }
  return [...twice];
}
