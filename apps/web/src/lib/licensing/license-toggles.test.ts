import { describe, expect, it } from "vitest";
import {
  changesNothing,
  type Holding,
  initialToggleStates,
  type LicenseChoices,
  nextToggleState,
  removesSomething,
  shownToggle,
  type ToggleState,
  toBulkChange,
} from "./license-toggles";

const E3 = "e3";
const E5 = "e5";
const VISIO = "visio";
const SKUS = [E3, E5, VISIO];
const USERS = ["u1", "u2", "u3"];

const holdings = (...list: Holding[]) => new Map(list.map((holding) => [holding.skuId, holding]));

/** Three users: all hold E3 directly, one holds E5 directly, nobody holds Visio (one inherits it from a group). */
const held = holdings(
  { skuId: E3, directHolders: 3, holders: 3 },
  { skuId: E5, directHolders: 1, holders: 2 },
  { skuId: VISIO, directHolders: 0, holders: 1 },
);
const initial = initialToggleStates(SKUS, held, USERS.length);

const choices = (overrides: Partial<LicenseChoices> = {}): LicenseChoices => ({
  mode: "add",
  states: new Map(),
  replaceChecked: new Set(),
  plans: new Map(),
  plansEdited: new Set(),
  ...overrides,
});
const states = (entries: Record<string, ToggleState>) => new Map(Object.entries(entries));

describe("the toggles' starting states", () => {
  it("are on when every selected user holds the product directly, mixed when some do, off when none does", () => {
    expect(Object.fromEntries(initial)).toEqual({ [E3]: "checked", [E5]: "mixed", [VISIO]: "unchecked" });
  });

  it("count live users only: more direct holders than users counted is still on", () => {
    expect(initialToggleStates([E3], holdings({ skuId: E3, directHolders: 3, holders: 3 }), 2).get(E3)).toBe("checked");
    expect(initialToggleStates([E3], new Map(), 2).get(E3)).toBe("unchecked");
  });
});

describe("a click", () => {
  it("cycles a mixed product through on, off and back to leave-as-is", () => {
    expect(nextToggleState("mixed", "mixed")).toBe("checked");
    expect(nextToggleState("checked", "mixed")).toBe("unchecked");
    expect(nextToggleState("unchecked", "mixed")).toBe("mixed");
  });

  it("switches any other product on and off", () => {
    expect(nextToggleState("checked", "checked")).toBe("unchecked");
    expect(nextToggleState("unchecked", "checked")).toBe("checked");
    expect(nextToggleState("unchecked", "unchecked")).toBe("checked");
  });
});

describe("shownToggle", () => {
  it("shows what the users hold until clicked in Add mode, and starts every product off in Replace mode", () => {
    expect(shownToggle(choices(), E5, initial)).toEqual({ state: "mixed", initial: "mixed" });
    expect(shownToggle(choices({ states: states({ [E5]: "checked" }) }), E5, initial)).toEqual({
      state: "checked",
      initial: "mixed",
    });
    expect(shownToggle(choices({ mode: "replace" }), E3, initial)).toEqual({
      state: "unchecked",
      initial: "unchecked",
    });
    expect(shownToggle(choices({ mode: "replace", replaceChecked: new Set([E3]) }), E3, initial).state).toBe("checked");
  });
});

describe("toBulkChange", () => {
  it("adds products switched on and removes products switched off; mixed and untouched ones stay", () => {
    const change = toBulkChange(
      choices({ states: states({ [E3]: "unchecked", [E5]: "mixed", [VISIO]: "checked" }) }),
      USERS,
      SKUS,
      initial,
    );
    expect(change).toEqual({ userIds: USERS, mode: "add", add: [{ skuId: VISIO, disabledPlans: [] }], remove: [E3] });
    expect(changesNothing(change)).toBe(false);
    expect(removesSomething(change, undefined)).toBe(true);
  });

  it("turns a mixed product switched on into an add for everyone, with the apps switched off", () => {
    const change = toBulkChange(
      choices({ states: states({ [E5]: "checked" }), plans: new Map([[E5, new Set(["exchange"])]]) }),
      USERS,
      SKUS,
      initial,
    );
    expect(change.add).toEqual([{ skuId: E5, disabledPlans: ["exchange"] }]);
    expect(change.remove).toEqual([]);
    expect(removesSomething(change, undefined)).toBe(false);
  });

  it("sends a product everyone holds again only when its apps were changed", () => {
    const plans = new Map([[E3, new Set(["teams"])]]);
    expect(changesNothing(toBulkChange(choices({ plans }), USERS, SKUS, initial))).toBe(true);
    const edited = toBulkChange(choices({ plans, plansEdited: new Set([E3]) }), USERS, SKUS, initial);
    expect(edited.add).toEqual([{ skuId: E3, disabledPlans: ["teams"] }]);
  });

  it("replaces with exactly the checked products, in the panel's order", () => {
    const change = toBulkChange(
      choices({ mode: "replace", replaceChecked: new Set([VISIO, E3]), states: states({ [E5]: "checked" }) }),
      USERS,
      SKUS,
      initial,
    );
    expect(change).toEqual({
      userIds: USERS,
      mode: "replace",
      add: [
        { skuId: E3, disabledPlans: [] },
        { skuId: VISIO, disabledPlans: [] },
      ],
      remove: [],
    });
    // E5 held directly by one user is not kept: that user loses it.
    const selection = { users: 3, value: [...held.values()] };
    expect(removesSomething(change, selection)).toBe(true);
    const keepingAll = toBulkChange(
      choices({ mode: "replace", replaceChecked: new Set([E3, E5]) }),
      USERS,
      SKUS,
      initial,
    );
    expect(removesSomething(keepingAll, selection)).toBe(false);
    // An empty Replace is a real change (it removes everything), not "nothing chosen".
    expect(changesNothing(toBulkChange(choices({ mode: "replace" }), USERS, SKUS, initial))).toBe(false);
  });

  it("removes all as a replace with nothing, whatever the toggles say", () => {
    const change = toBulkChange(
      choices({ mode: "removeAll", replaceChecked: new Set([E3]), states: states({ [VISIO]: "checked" }) }),
      USERS,
      SKUS,
      initial,
    );
    expect(change).toEqual({ userIds: USERS, mode: "replace", add: [], remove: [] });
    expect(removesSomething(change, { users: 3, value: [{ skuId: VISIO, directHolders: 0, holders: 1 }] })).toBe(false);
    expect(removesSomething(change, undefined)).toBe(true);
  });
});
