/** The products picked for a group: skuId -> the plans switched off. */
export type GroupLicenseChoice = ReadonlyMap<string, ReadonlySet<string>>;

export interface GroupLicenseChanges {
  /** Products to give the group, or whose switched-off plans changed. */
  licensesToAdd: { skuId: string; disabledPlans: string[] }[];
  /** Products the group has and the choice cleared. */
  licensesToRemove: string[];
}

function sameSet(a: ReadonlySet<string>, b: readonly string[]): boolean {
  return a.size === b.length && b.every((id) => a.has(id));
}

/**
 * What saving the dialog's choice changes, from what the group has (skuId -> plans switched off): products added
 * or with other plans switched off, and products removed. Unchanged products are not sent.
 */
export function groupLicenseChanges(
  current: ReadonlyMap<string, readonly string[]>,
  choice: GroupLicenseChoice,
): GroupLicenseChanges {
  const licensesToAdd = [...choice]
    .filter(([skuId, disabled]) => {
      const held = current.get(skuId);
      return held === undefined || !sameSet(disabled, held);
    })
    .map(([skuId, disabled]) => ({ skuId, disabledPlans: [...disabled] }));
  const licensesToRemove = [...current.keys()].filter((skuId) => !choice.has(skuId));
  return { licensesToAdd, licensesToRemove };
}
