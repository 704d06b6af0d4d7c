import type { LicenseAssignmentState, LicensedUser, SubscribedSku } from "@allot/contracts";
import { describe, expect, it } from "vitest";
import { licenseRows, pendingLicenseChanges, placeSaveErrors } from "./license-drafts";

// Only what the form reads of a product and of the user's licenses.
const sku = (skuId: string) => ({ skuId, displayName: skuId.toUpperCase() }) as SubscribedSku;
const assignment = (skuId: string, assignedByGroup: string | null, disabledPlans: string[] = []) =>
  ({ skuId, assignedByGroup, disabledPlans, state: "Active", error: null }) as unknown as LicenseAssignmentState;
const licensedUser = (states: LicenseAssignmentState[]) =>
  ({
    licenseAssignmentStates: states,
    assignedLicenses: states.map((state) => ({ skuId: state.skuId, disabledPlans: state.disabledPlans })),
  }) as unknown as LicensedUser;

const SKUS = [sku("visio"), sku("e3"), sku("e5"), sku("project")];
/** Direct E3 with Teams off, E5 directly and through a group, Project through a group only, no Visio. */
const USER = licensedUser([
  assignment("e3", null, ["teams"]),
  assignment("e5", null),
  assignment("e5", "sales"),
  assignment("project", "pm"),
]);

describe("licenseRows", () => {
  it("puts what the user holds first and shows the saved licenses until edited", () => {
    const rows = licenseRows(SKUS, USER, {});
    expect(rows.map((row) => row.sku.skuId)).toEqual(["e3", "e5", "project", "visio"]);
    const [e3, e5, project, visio] = rows;
    expect(e3).toMatchObject({ saved: { disabledPlans: ["teams"] }, checked: true, inherited: [] });
    expect([...(e3?.disabledPlans ?? [])]).toEqual(["teams"]);
    expect(e5?.inherited.map((state) => state.assignedByGroup)).toEqual(["sales"]);
    expect(project).toMatchObject({ saved: null, checked: false });
    expect(visio).toMatchObject({ saved: null, checked: false, inherited: [] });
  });

  it("does not reorder the rows while the form is edited", () => {
    const rows = licenseRows(SKUS, USER, { visio: { checked: true, disabledPlans: new Set() } });
    expect(rows.map((row) => row.sku.skuId)).toEqual(["e3", "e5", "project", "visio"]);
    expect(rows[3]?.checked).toBe(true);
  });
});

describe("pendingLicenseChanges", () => {
  it("is clean when the form says what is saved", () => {
    const pending = pendingLicenseChanges(
      licenseRows(SKUS, USER, { e3: { checked: true, disabledPlans: new Set(["teams"]) } }),
    );
    expect(pending).toMatchObject({ addLicenses: [], removed: [], added: 0, changed: 0, dirty: false, dataLost: 0 });
  });

  it("adds new licenses, re-sends held ones whose apps changed, and removes the unticked", () => {
    const pending = pendingLicenseChanges(
      licenseRows(SKUS, USER, {
        visio: { checked: true, disabledPlans: new Set(["viewer"]) },
        e3: { checked: true, disabledPlans: new Set() },
        e5: { checked: false, disabledPlans: new Set() },
      }),
    );
    expect(pending.addLicenses).toEqual([
      { skuId: "e3", disabledPlans: [] },
      { skuId: "visio", disabledPlans: ["viewer"] },
    ]);
    expect(pending.removed.map((row) => row.sku.skuId)).toEqual(["e5"]);
    expect(pending).toMatchObject({ added: 1, changed: 1, dirty: true });
    // E5 stays through the Sales group: no data goes with the direct license.
    expect(pending.dataLost).toBe(0);
  });

  it("counts the data lost with a license the user does not keep through a group", () => {
    const pending = pendingLicenseChanges(
      licenseRows(SKUS, USER, { e3: { checked: false, disabledPlans: new Set() } }),
    );
    expect(pending.removed.map((row) => row.sku.skuId)).toEqual(["e3"]);
    expect(pending.dataLost).toBe(1);
  });
});

describe("placeSaveErrors", () => {
  it("puts errors naming a shown product next to it and the rest above Save, each once", () => {
    const placed = placeSaveErrors(
      [
        { path: "addLicenses.0", message: "no seats", code: "CountViolation", skuId: "e3" },
        { path: "addLicenses.0", message: "no seats", code: "CountViolation", skuId: "e3" },
        { path: "addLicenses.1", message: "excluded", code: "MutuallyExclusiveViolation", skuId: "unknown" },
        { path: "usageLocation", message: "needs a location", code: "UsageLocationRequired", skuId: null },
        { path: "usageLocation", message: "needs a location", code: "UsageLocationRequired" },
      ],
      new Set(["e3", "e5"]),
      (error) => `${error.code}: ${error.message}`,
    );
    expect(Object.fromEntries(placed.bySku)).toEqual({ e3: ["CountViolation: no seats"] });
    expect(placed.general).toEqual(["MutuallyExclusiveViolation: excluded", "UsageLocationRequired: needs a location"]);
  });
});
