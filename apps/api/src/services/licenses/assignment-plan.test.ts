import { describe, expect, it } from "vitest";
import { formatAssignedBy, parseAssignedBy, parseDisabledPlans } from "./assignment-file-format.js";
import { type PlanAction, planLicenseAssignments } from "./assignment-plan.js";
import type { LicenseFileRow, PlanProduct, PlanUser } from "./assignment-plan-rows.js";

/** The license assignment CSV's planner, rule by rule: one table row per file shape and what it plans. */

const plan = (id: string, name: string) => ({ id, name, displayName: name.replaceAll("_", " ").toLowerCase() });
const PBI: PlanProduct = {
  id: "p-pbi",
  skuId: "s-pbi",
  skuPartNumber: "POWER_BI_PRO",
  displayName: "Power BI Pro",
  kind: "user",
  servicePlans: [plan("sp-bi", "BI_AZURE_P2"), plan("sp-exf", "EXCHANGE_S_FOUNDATION")],
};
const E3: PlanProduct = {
  id: "p-e3",
  skuId: "s-e3",
  skuPartNumber: "ENTERPRISEPACK",
  displayName: "Office 365 E3",
  kind: "user",
  servicePlans: [plan("sp-exo", "EXCHANGE_S_ENTERPRISE"), plan("sp-sway", "SWAY"), plan("sp-teams", "TEAMS1")],
};
const PROCESS: PlanProduct = {
  id: "p-proc",
  skuId: "s-proc",
  skuPartNumber: "POWER_AUTOMATE_PROCESS",
  displayName: "Power Automate Process",
  kind: "capacity",
  servicePlans: [],
};
const PRODUCTS = [PBI, E3, PROCESS];

/** Ann holds E3 with Sway off; Bob holds Power BI Pro and E3; Cy holds nothing directly but E3 from Sales. */
const ANN: PlanUser = {
  id: "u-ann",
  userPrincipalName: "ann@contoso.test",
  displayName: "Ann",
  direct: [{ productId: "p-e3", disabledServicePlanIds: ["sp-sway"] }],
  inherited: [],
};
const BOB: PlanUser = {
  id: "u-bob",
  userPrincipalName: "bob@contoso.test",
  displayName: "Bob",
  direct: [
    { productId: "p-pbi", disabledServicePlanIds: [] },
    { productId: "p-e3", disabledServicePlanIds: [] },
  ],
  inherited: [],
};
const CY: PlanUser = {
  id: "u-cy",
  userPrincipalName: "cy@contoso.test",
  displayName: "Cy",
  direct: [],
  inherited: [{ productId: "p-e3", groupName: "Sales", disabledServicePlanIds: ["sp-teams"], holdsSeat: true }],
};
const USERS = new Map([ANN, BOB, CY].map((user) => [user.userPrincipalName, user]));
const AVAILABLE = new Map([
  ["p-pbi", 5],
  ["p-e3", 2],
]);

type Cells = [userName: string, product: string, disabledPlans?: string, assignedBy?: string];
const rows = (...cells: Cells[]): LicenseFileRow[] =>
  cells.map(([userName, product, disabledPlans = "", assignedBy = "Direct"], index) => ({
    line: index + 2,
    userName,
    product,
    disabledPlans,
    assignedBy,
  }));
const run = (...cells: Cells[]) =>
  planLicenseAssignments({ rows: rows(...cells), products: PRODUCTS, users: USERS, available: AVAILABLE });

/** Every planned row as `line user product action [codes]`, the shape the table below compares. */
const summary = (result: ReturnType<typeof run>) =>
  result.rows.map((row) =>
    [
      row.line,
      row.userPrincipalName.split("@")[0],
      row.product ?? "-",
      row.action,
      ...row.problems.map((p) => p.code),
    ].join(" "),
  );

const cases: Array<{ name: string; file: Cells[]; expected: string[]; counts?: Partial<Record<PlanAction, number>> }> =
  [
    {
      name: "an exported file unchanged plans nothing",
      file: [
        ["ann@contoso.test", "ENTERPRISEPACK", "SWAY"],
        ["bob@contoso.test", "ENTERPRISEPACK"],
        ["bob@contoso.test", "POWER_BI_PRO"],
        ["cy@contoso.test", "ENTERPRISEPACK", "TEAMS1", "Group: Sales"],
      ],
      expected: [
        "2 ann ENTERPRISEPACK unchanged",
        "3 bob ENTERPRISEPACK unchanged",
        "4 bob POWER_BI_PRO unchanged",
        "5 cy ENTERPRISEPACK unchanged",
      ],
    },
    {
      name: "a product the user lacks is assigned (by part number or display name, any case)",
      file: [
        ["ann@contoso.test", "ENTERPRISEPACK", "SWAY"],
        ["ANN@contoso.test", "power bi pro", "bi_azure_p2"],
      ],
      expected: ["2 ann ENTERPRISEPACK unchanged", "3 ann POWER_BI_PRO assign"],
    },
    {
      name: "other disabled plans are a change; plan separators may be space, comma, semicolon or |",
      file: [["ann@contoso.test", "ENTERPRISEPACK", "SWAY;TEAMS1"]],
      expected: ["2 ann ENTERPRISEPACK change"],
    },
    {
      name: "a direct license no row names is removed, as its own row after the user's rows",
      file: [["bob@contoso.test", "POWER_BI_PRO"]],
      expected: ["2 bob POWER_BI_PRO unchanged", "2 bob ENTERPRISEPACK remove"],
    },
    {
      name: "an empty Product leaves the user no direct licenses",
      file: [["bob@contoso.test", ""]],
      expected: ["2 bob - unchanged", "2 bob POWER_BI_PRO remove", "2 bob ENTERPRISEPACK remove"],
    },
    {
      name: "users the file does not name are left alone",
      file: [["cy@contoso.test", "POWER_BI_PRO"]],
      expected: ["2 cy POWER_BI_PRO assign"],
    },
    {
      name: "a group row edited, or naming a group the user does not inherit from, is refused",
      file: [
        ["cy@contoso.test", "ENTERPRISEPACK", "", "Group: Sales"],
        ["cy@contoso.test", "POWER_BI_PRO", "", "Group: Sales"],
        ["cy@contoso.test", "ENTERPRISEPACK", "TEAMS1", "group: sales"],
      ],
      expected: [
        "2 cy ENTERPRISEPACK refuse InheritedAssignment",
        "3 cy POWER_BI_PRO refuse InheritedAssignment",
        "4 cy ENTERPRISEPACK unchanged",
      ],
    },
    {
      name: "a direct row for a product also inherited assigns it (no extra seat)",
      file: [["cy@contoso.test", "ENTERPRISEPACK"]],
      expected: ["2 cy ENTERPRISEPACK assign"],
    },
    {
      name: "unknown user, product and plan are refused; a known product in a refused row is kept",
      file: [
        ["nobody@contoso.test", "POWER_BI_PRO"],
        ["bob@contoso.test", "POWER_BI_PRO", "NOT_A_PLAN"],
        ["bob@contoso.test", "ENTERPRISEPACK"],
        ["", "POWER_BI_PRO"],
      ],
      expected: [
        "2 nobody POWER_BI_PRO refuse UnknownUser",
        "3 bob POWER_BI_PRO refuse UnknownServicePlan",
        "4 bob ENTERPRISEPACK unchanged",
        "5  POWER_BI_PRO refuse Required",
      ],
    },
    {
      name: "an unknown product withholds the user's removals (it may have meant one of them)",
      file: [["bob@contoso.test", "POWER_BI_PRI"]],
      expected: [
        "2 bob POWER_BI_PRI refuse UnknownProduct",
        "2 bob POWER_BI_PRO unchanged",
        "2 bob ENTERPRISEPACK unchanged",
      ],
    },
    {
      name: "the same user and product twice is refused on both lines, and the license is kept",
      file: [
        ["bob@contoso.test", "POWER_BI_PRO"],
        ["bob@contoso.test", "Power BI Pro", "BI_AZURE_P2"],
        ["bob@contoso.test", "ENTERPRISEPACK"],
      ],
      expected: [
        "2 bob POWER_BI_PRO refuse DuplicateAssignment",
        "3 bob POWER_BI_PRO refuse DuplicateAssignment",
        "4 bob ENTERPRISEPACK unchanged",
      ],
    },
    {
      name: "a capacity add-on, a bad Assigned by, plans without a product and a group row without one are refused",
      file: [
        ["ann@contoso.test", "POWER_AUTOMATE_PROCESS"],
        ["ann@contoso.test", "ENTERPRISEPACK", "SWAY", "Manager"],
        ["ann@contoso.test", "", "SWAY"],
        ["ann@contoso.test", "", "", "Group: Sales"],
      ],
      expected: [
        "2 ann POWER_AUTOMATE_PROCESS refuse InvalidValue",
        "3 ann ENTERPRISEPACK refuse InvalidValue",
        "4 ann - refuse InvalidValue",
        "5 ann - refuse Required",
      ],
    },
  ];

describe("planLicenseAssignments", () => {
  it.each(cases)("$name", ({ file, expected }) => {
    expect(summary(run(...file))).toEqual(expected);
  });

  it("counts actions and moves seats: assign takes one, remove frees one, inherited products move none", () => {
    const result = run(
      ["ann@contoso.test", "POWER_BI_PRO"],
      ["bob@contoso.test", "POWER_BI_PRO", "BI_AZURE_P2"],
      ["cy@contoso.test", "ENTERPRISEPACK"],
      ["nobody@contoso.test", "POWER_BI_PRO"],
    );
    expect(result.counts).toEqual({
      create: 0,
      update: 0,
      assign: 2,
      remove: 2,
      change: 1,
      unchanged: 0,
      refuse: 1,
    });
    // Ann and Bob lose E3 (+2), Cy's direct E3 shares the seat Sales gives (0); Ann takes Power BI Pro (-1).
    expect(result.seats.map((s) => [s.skuPartNumber, s.availableBefore, s.availableAfter])).toEqual([
      ["ENTERPRISEPACK", 2, 4],
      ["POWER_BI_PRO", 5, 4],
    ]);
  });

  it("hands each user's change to the license services as one add + remove", () => {
    const result = run(
      ["bob@contoso.test", "POWER_BI_PRO", "BI_AZURE_P2 EXCHANGE_S_FOUNDATION"],
      ["ann@contoso.test", "POWER_BI_PRO"],
      ["ann@contoso.test", "ENTERPRISEPACK", "SWAY"],
    );
    expect(result.changes).toEqual([
      { userId: "u-bob", add: [{ productId: "p-pbi", disabledServicePlanIds: ["sp-bi", "sp-exf"] }], remove: ["p-e3"] },
      { userId: "u-ann", add: [{ productId: "p-pbi", disabledServicePlanIds: [] }], remove: [] },
    ]);
    const removal = result.rows.find((row) => row.action === "remove");
    expect(removal).toMatchObject({ line: 2, product: "ENTERPRISEPACK", destroysServiceData: true });
  });

  it("names the column as the file's header does, line by line", () => {
    const result = planLicenseAssignments({
      rows: rows(["ann@contoso.test", "NOPE"]),
      products: PRODUCTS,
      users: USERS,
      available: AVAILABLE,
      headers: {
        userName: "Gebruikersnaam",
        product: "Product",
        disabledPlans: "Uitgeschakelde abonnementen",
        assignedBy: "Toegewezen door",
      },
    });
    expect(result.rows[0]?.problems).toEqual([
      { line: 2, column: "Product", code: "UnknownProduct", message: expect.stringContaining("NOPE") },
    ]);
  });
});

describe("the file's cells", () => {
  it.each([
    ["", []],
    ["SWAY", ["SWAY"]],
    ["SWAY TEAMS1", ["SWAY", "TEAMS1"]],
    [" SWAY;TEAMS1 , EXCHANGE_S_ENTERPRISE|BI ", ["SWAY", "TEAMS1", "EXCHANGE_S_ENTERPRISE", "BI"]],
  ])("disabled plans %j", (cell, names) => {
    expect(parseDisabledPlans(cell)).toEqual(names);
  });

  it.each([
    ["", { kind: "direct" }],
    ["Direct", { kind: "direct" }],
    [" direct ", { kind: "direct" }],
    ["Group: Sales EMEA", { kind: "group", groupName: "Sales EMEA" }],
    ["Groep:Verkoop", { kind: "group", groupName: "Verkoop" }],
    ["Group:", { kind: "invalid" }],
    ["Manager", { kind: "invalid" }],
  ])("assigned by %j", (cell, expected) => {
    expect(parseAssignedBy(cell)).toEqual(expected);
  });

  it("writes what it reads", () => {
    expect(parseAssignedBy(formatAssignedBy("Sales: EMEA"))).toEqual({ kind: "group", groupName: "Sales: EMEA" });
    expect(parseAssignedBy(formatAssignedBy(null))).toEqual({ kind: "direct" });
  });
});
