import type { GroupLicenses } from "@allot/contracts";
import { useMemo, useState } from "react";
import { type GroupLicenseChanges, groupLicenseChanges } from "../utils/group-license-choice";

export interface GroupLicenseChoiceState extends GroupLicenseChanges {
  /** What the group has: skuId -> plans switched off. */
  current: ReadonlyMap<string, readonly string[]>;
  /** The plans switched off of each picked product; undefined when the product is not picked. */
  disabledPlansOf: (skuId: string) => Set<string> | undefined;
  /** Picks a product (with the plans the group has switched off, if it has it) or clears it. */
  setProduct: (skuId: string, checked: boolean) => void;
  setPlans: (skuId: string, disabled: Set<string>) => void;
  /** Saving would change something. */
  changed: boolean;
}

/** The products and plans picked in the group's license dialog, starting from what the group has. */
export function useGroupLicenseChoice(licenses: GroupLicenses): GroupLicenseChoiceState {
  const current = useMemo(
    () => new Map(licenses.assignedLicenses.map((license) => [license.skuId, license.disabledPlans])),
    [licenses.assignedLicenses],
  );
  const [choice, setChoice] = useState<Map<string, Set<string>>>(
    () => new Map(licenses.assignedLicenses.map((license) => [license.skuId, new Set(license.disabledPlans)])),
  );
  const { licensesToAdd, licensesToRemove } = groupLicenseChanges(current, choice);

  return {
    current,
    licensesToAdd,
    licensesToRemove,
    changed: licensesToAdd.length + licensesToRemove.length > 0,
    disabledPlansOf: (skuId) => choice.get(skuId),
    setProduct: (skuId, checked) =>
      setChoice((previous) => {
        const next = new Map(previous);
        if (checked) next.set(skuId, new Set(current.get(skuId) ?? []));
        else next.delete(skuId);
        return next;
      }),
    setPlans: (skuId, disabled) => setChoice((previous) => new Map(previous).set(skuId, disabled)),
  };
}
