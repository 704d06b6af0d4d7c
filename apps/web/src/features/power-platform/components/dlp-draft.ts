import type { DlpPolicy } from "@allot/contracts";
import type { DlpGroup } from "@allot/domain";

/** A policy as edited on the page, before Save sends the whole set. */
export interface DlpDraft {
  /** Stable for React while editing: the policy's id, or a made-up one for a new policy. */
  key: string;
  name: string;
  environmentId: string | null;
  business: string[];
  nonBusiness: string[];
  blocked: string[];
}

export function draftOf(policy: DlpPolicy): DlpDraft {
  return {
    key: policy.id,
    name: policy.name,
    environmentId: policy.environmentId,
    business: [...policy.business],
    nonBusiness: [...policy.nonBusiness],
    blocked: [...policy.blocked],
  };
}

/** The group a connector is in; a connector a policy does not name is non-business (the default group). */
export function groupOf(draft: DlpDraft, connectorId: string): DlpGroup {
  if (draft.business.includes(connectorId)) return "business";
  if (draft.blocked.includes(connectorId)) return "blocked";
  return "nonBusiness";
}

/** The draft with each connector in the group chosen for it. */
export function withGroups(draft: DlpDraft, groups: ReadonlyMap<string, DlpGroup>): DlpDraft {
  const pick = (group: DlpGroup) => [...groups].filter(([, chosen]) => chosen === group).map(([id]) => id);
  return { ...draft, business: pick("business"), nonBusiness: pick("nonBusiness"), blocked: pick("blocked") };
}

/** PUT dlpPolicies' body: the whole set. */
export function putBody(drafts: readonly DlpDraft[]) {
  return {
    policies: drafts.map(({ name, environmentId, business, nonBusiness, blocked }) => ({
      name,
      environmentId,
      business,
      nonBusiness,
      blocked,
    })),
  };
}
