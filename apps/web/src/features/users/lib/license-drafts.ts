import type { AddLicense, FieldError, LicenseAssignmentState, LicensedUser, SubscribedSku } from "@allot/contracts";

/** One product in User details › Licenses and apps, as saved and as the form now says. */
export interface LicenseRowModel {
  sku: SubscribedSku;
  /** The user's direct license as it is saved (null: none). */
  saved: { disabledPlans: readonly string[] } | null;
  /** What the form currently says about the direct license. */
  checked: boolean;
  disabledPlans: ReadonlySet<string>;
  /** Assignments of this product inherited from groups. */
  inherited: readonly LicenseAssignmentState[];
  /** The plans off in effect (for a license held only through groups). */
  effectiveDisabledPlans: readonly string[];
  /** Every assignment of this product, direct and inherited. */
  states: readonly LicenseAssignmentState[];
  /** Messages of the last save that concern this product. */
  saveErrors: readonly string[];
}

/** What the form says about one product's direct license, where it differs from (or may differ from) the saved one. */
export interface LicenseDraft {
  checked: boolean;
  disabledPlans: ReadonlySet<string>;
}

/** The form's edits, by skuId; a product without a draft shows what is saved. */
export type LicenseDrafts = Readonly<Record<string, LicenseDraft>>;

function isHeld(row: LicenseRowModel): boolean {
  return row.saved !== null || row.inherited.length > 0;
}

function samePlans(a: ReadonlySet<string>, b: readonly string[]): boolean {
  return a.size === b.length && b.every((plan) => a.has(plan));
}

/**
 * One row per product of the organization: the user's saved direct license, what the form says about it, and the
 * licenses inherited from groups. What the user holds (as saved) comes first; editing does not reorder the rows.
 */
export function licenseRows(
  skus: readonly SubscribedSku[],
  licensed: LicensedUser,
  drafts: LicenseDrafts,
): LicenseRowModel[] {
  return skus
    .map((sku) => {
      const states = licensed.licenseAssignmentStates.filter((state) => state.skuId === sku.skuId);
      const direct = states.find((state) => state.assignedByGroup === null);
      const saved = direct ? { disabledPlans: direct.disabledPlans } : null;
      const draft = drafts[sku.skuId];
      return {
        sku,
        saved,
        checked: draft ? draft.checked : saved !== null,
        disabledPlans: draft ? draft.disabledPlans : new Set(saved?.disabledPlans ?? []),
        inherited: states.filter((state) => state.assignedByGroup !== null),
        effectiveDisabledPlans:
          licensed.assignedLicenses.find((license) => license.skuId === sku.skuId)?.disabledPlans ?? [],
        states,
        saveErrors: [],
      };
    })
    .sort((a, b) => Number(isHeld(b)) - Number(isHeld(a)));
}

/** What saving the form would do: licenses to add or whose apps change, rows whose direct license goes. */
export interface PendingLicenseChanges {
  /** New licenses and held ones with other apps switched off, as assignLicense takes them. */
  addLicenses: AddLicense[];
  /** Rows whose direct license is removed. */
  removed: LicenseRowModel[];
  added: number;
  changed: number;
  /** Anything to save at all. */
  dirty: boolean;
  /** Removed licenses the user does not keep through a group: their service data goes. */
  dataLost: number;
}

/** The difference between the form and what is saved. */
export function pendingLicenseChanges(rows: readonly LicenseRowModel[]): PendingLicenseChanges {
  const addLicenses: AddLicense[] = [];
  const removed: LicenseRowModel[] = [];
  let added = 0;
  let changed = 0;
  for (const row of rows) {
    if (row.checked && row.saved === null) {
      added += 1;
      addLicenses.push({ skuId: row.sku.skuId, disabledPlans: [...row.disabledPlans] });
    } else if (row.checked && row.saved !== null && !samePlans(row.disabledPlans, row.saved.disabledPlans)) {
      changed += 1;
      addLicenses.push({ skuId: row.sku.skuId, disabledPlans: [...row.disabledPlans] });
    } else if (!row.checked && row.saved !== null) {
      removed.push(row);
    }
  }
  return {
    addLicenses,
    removed,
    added,
    changed,
    dirty: addLicenses.length + removed.length > 0,
    dataLost: removed.filter((row) => row.inherited.length === 0).length,
  };
}

/**
 * A refused save's field errors, placed: those naming a product the form shows go next to it, the rest above the
 * Save button; each message once per place. `message` words an error in the user's language.
 */
export function placeSaveErrors(
  fieldErrors: readonly FieldError[],
  shownSkuIds: ReadonlySet<string>,
  message: (fieldError: FieldError) => string,
): { bySku: Map<string, string[]>; general: string[] } {
  const bySku = new Map<string, string[]>();
  const general: string[] = [];
  for (const fieldError of fieldErrors) {
    const text = message(fieldError);
    if (fieldError.skuId && shownSkuIds.has(fieldError.skuId)) {
      const list = bySku.get(fieldError.skuId) ?? [];
      if (!list.includes(text)) list.push(text);
      bySku.set(fieldError.skuId, list);
    } else if (!general.includes(text)) {
      general.push(text);
    }
  }
  return { bySku, general };
}
