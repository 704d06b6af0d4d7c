import type { LicenseSelection } from "@allot/contracts";
import type { BulkChange } from "@/lib/licensing/bulk";

/** checked: every selected user gets it; unchecked: none keeps it; mixed: leave each user as they are. */
export type ToggleState = "checked" | "unchecked" | "mixed";

/** Add to, replace, or remove all of the selected users' product licenses. */
export type ManageMode = "add" | "replace" | "removeAll";

/** How many of the selected users hold one product: directly (removable), and in effect (directly or by group). */
export type Holding = LicenseSelection["value"][number];

/**
 * The next state on a click. A product some of the users hold cycles mixed → checked → unchecked → mixed, so the
 * admin can always go back to "leave as is"; the others just switch on and off.
 */
export function nextToggleState(current: ToggleState, initial: ToggleState): ToggleState {
  if (initial === "mixed") return current === "mixed" ? "checked" : current === "checked" ? "unchecked" : "mixed";
  return current === "checked" ? "unchecked" : "checked";
}

/** What the selected users hold now, per product, as a toggle state (only direct licenses count: they are removable). */
export function initialToggleState(holding: Holding | undefined, users: number): ToggleState {
  const direct = holding?.directHolders ?? 0;
  if (direct === 0) return "unchecked";
  return direct >= users ? "checked" : "mixed";
}

/** The starting state of every product's toggle for `users` selected users. */
export function initialToggleStates(
  skuIds: readonly string[],
  holdings: ReadonlyMap<string, Holding>,
  users: number,
): Map<string, ToggleState> {
  return new Map(skuIds.map((skuId) => [skuId, initialToggleState(holdings.get(skuId), users)]));
}

/** The panel's choices: the mode, each product's toggle and its apps switched off. */
export interface LicenseChoices {
  mode: ManageMode;
  /** Add mode: the products the admin clicked, and to what; the others stay as they started. */
  states: ReadonlyMap<string, ToggleState>;
  /** Replace mode: the products the users end up with (every toggle starts unchecked). */
  replaceChecked: ReadonlySet<string>;
  /** Per product, the apps (service plans) to switch off. */
  plans: ReadonlyMap<string, ReadonlySet<string>>;
  /** Products whose apps the admin changed, to be sent again even when every user holds them already. */
  plansEdited: ReadonlySet<string>;
}

/** What one product's toggle shows and where its clicks cycle from, in the current mode. */
export function shownToggle(
  choices: LicenseChoices,
  skuId: string,
  initial: ReadonlyMap<string, ToggleState>,
): { state: ToggleState; initial: ToggleState } {
  if (choices.mode === "replace") {
    return { state: choices.replaceChecked.has(skuId) ? "checked" : "unchecked", initial: "unchecked" };
  }
  const from = initial.get(skuId) ?? "unchecked";
  return { state: choices.states.get(skuId) ?? from, initial: from };
}

/**
 * The panel's choices as one bulk change. Add: products switched on are added (with their apps switched off),
 * products switched off are removed, the rest stay. Replace: the users end up with exactly the checked products.
 * Remove all: they end up with none (licenses from groups stay).
 */
export function toBulkChange(
  choices: LicenseChoices,
  userIds: string[],
  skuIds: readonly string[],
  initial: ReadonlyMap<string, ToggleState>,
): BulkChange {
  const { mode, states, replaceChecked, plans, plansEdited } = choices;
  const disabledPlans = (skuId: string) => [...(plans.get(skuId) ?? [])];
  if (mode === "removeAll") return { userIds, mode: "replace", add: [], remove: [] };
  if (mode === "replace") {
    return {
      userIds,
      mode: "replace",
      add: skuIds
        .filter((skuId) => replaceChecked.has(skuId))
        .map((skuId) => ({ skuId, disabledPlans: disabledPlans(skuId) })),
      remove: [],
    };
  }
  const add: NonNullable<BulkChange["add"]> = [];
  const remove: string[] = [];
  for (const skuId of skuIds) {
    const from = initial.get(skuId) ?? "unchecked";
    const to = states.get(skuId) ?? from;
    if (to === "checked" && (from !== "checked" || plansEdited.has(skuId))) {
      add.push({ skuId, disabledPlans: disabledPlans(skuId) });
    } else if (to === "unchecked" && from !== "unchecked") {
      remove.push(skuId);
    }
  }
  return { userIds, mode: "add", add, remove };
}

/** Whether an Add change would change nothing (Next then asks the admin to choose something). */
export function changesNothing(change: BulkChange): boolean {
  return change.mode === "add" && (change.add ?? []).length + (change.remove ?? []).length === 0;
}

/** Whether the change takes a license away from at least one user (their service data goes with it). */
export function removesSomething(change: BulkChange, selection: LicenseSelection | undefined): boolean {
  if (change.mode === "add") return (change.remove ?? []).length > 0;
  if (!selection) return true;
  const kept = new Set((change.add ?? []).map((license) => license.skuId));
  return selection.value.some((holding) => holding.directHolders > 0 && !kept.has(holding.skuId));
}
