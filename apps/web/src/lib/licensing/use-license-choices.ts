import type { LicenseSelection } from "@allot/contracts";
import { useMemo, useState } from "react";
import type { BulkChange } from "@/lib/licensing/bulk";
import {
  changesNothing,
  initialToggleStates,
  type LicenseChoices,
  type ManageMode,
  removesSomething,
  shownToggle,
  type ToggleState,
  toBulkChange,
} from "./license-toggles";

/**
 * The Manage product licenses panel's choices for the selected users: the mode, the tri-state toggle of each
 * product (starting from what the users hold, as `selection` tells) and its apps. `next` turns them into the bulk
 * change to preview, or says that nothing was chosen.
 */
export function useLicenseChoices({
  userIds,
  skuIds,
  selection,
}: {
  userIds: string[];
  /** The products the panel lists, in its order. */
  skuIds: readonly string[];
  selection: LicenseSelection | undefined;
}) {
  const [mode, setModeState] = useState<ManageMode>("add");
  const [states, setStates] = useState<ReadonlyMap<string, ToggleState>>(new Map());
  const [replaceChecked, setReplaceChecked] = useState<ReadonlySet<string>>(new Set());
  const [plans, setPlans] = useState<ReadonlyMap<string, ReadonlySet<string>>>(new Map());
  const [plansEdited, setPlansEdited] = useState<ReadonlySet<string>>(new Set());
  const [nothingChosen, setNothingChosen] = useState(false);

  const selectedCount = selection?.users ?? userIds.length;
  const holdings = useMemo(
    () => new Map((selection?.value ?? []).map((holding) => [holding.skuId, holding])),
    [selection],
  );
  const initial = useMemo(
    () => initialToggleStates(skuIds, holdings, selectedCount),
    [skuIds, holdings, selectedCount],
  );
  const choices: LicenseChoices = { mode, states, replaceChecked, plans, plansEdited };

  return {
    mode,
    /** Users the selection counts (live ones), which the toggles compare holders with. */
    selectedCount,
    holdings,
    /** Set when Next found nothing to change; any further choice clears it. */
    nothingChosen,
    setMode: (next: ManageMode) => {
      setModeState(next);
      setNothingChosen(false);
    },
    /** What a product's toggle shows, and where its clicks cycle from. */
    toggleOf: (skuId: string) => shownToggle(choices, skuId, initial),
    setToggle: (skuId: string, to: ToggleState) => {
      setNothingChosen(false);
      if (mode === "replace") {
        setReplaceChecked((current) => {
          const updated = new Set(current);
          if (to === "checked") updated.add(skuId);
          else updated.delete(skuId);
          return updated;
        });
      } else {
        setStates((current) => new Map(current).set(skuId, to));
      }
    },
    disabledPlansOf: (skuId: string): ReadonlySet<string> => plans.get(skuId) ?? new Set(),
    setDisabledPlans: (skuId: string, disabled: ReadonlySet<string>) => {
      setPlans((current) => new Map(current).set(skuId, disabled));
      setPlansEdited((current) => new Set(current).add(skuId));
    },
    /** The change to preview and whether it takes licenses away, or null (and `nothingChosen`) when empty. */
    next: (): { change: BulkChange; dataLoss: boolean } | null => {
      const change = toBulkChange(choices, userIds, skuIds, initial);
      const empty = changesNothing(change);
      setNothingChosen(empty);
      return empty ? null : { change, dataLoss: removesSomething(change, selection) };
    },
  };
}
