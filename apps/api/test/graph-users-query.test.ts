import { GRAPH_USER_DEFAULT_PROPERTIES, GRAPH_USER_PROPERTIES, type GraphUser } from "@allot/contracts";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FilterExpression, printFilter } from "../src/graph/odata/filter-ast.js";
import { parseUsersQuery } from "../src/graph/odata/users-query.js";
import { getGraphUser } from "../src/services/graph/get-graph-user.js";
import { graphLicenseDetails } from "../src/services/graph/graph-license-details.js";
import { listGraphUsers } from "../src/services/graph/list-graph-users.js";
import { type MadeUser, makeGroup, makeUser } from "./fixtures.js";
import { as, type CatalogRow, catalogBySku, createTestApp, login, type TestApp } from "./helpers.js";

/** A live user as the filters see it, read straight from the tables: the reference the service is checked against. */
interface Person {
  id: string;
  displayName: string;
  email: string;
  userType: "member" | "guest";
  usageLocation: string | null;
  accountEnabled: boolean;
  /** skuIds held in effect (an assignment not in error). */
  skus: Set<string>;
}

/** OData's meaning of a filter, evaluated in memory: what the SQL must agree with. */
function matches(expression: FilterExpression, person: Person): boolean {
  switch (expression.kind) {
    case "and":
      return matches(expression.left, person) && matches(expression.right, person);
    case "or":
      return matches(expression.left, person) || matches(expression.right, person);
    case "not":
      return !matches(expression.operand, person);
    case "userType":
    case "usageLocation":
    case "accountEnabled": {
      const actual =
        expression.kind === "userType"
          ? person.userType === "guest"
            ? "Guest"
            : "Member"
          : expression.kind === "usageLocation"
            ? person.usageLocation
            : person.accountEnabled;
      return (actual === expression.value) === (expression.operator === "eq");
    }
    case "startsWith": {
      const text = expression.property === "displayName" ? person.displayName : person.email;
      return text.toLowerCase().startsWith(expression.prefix.toLowerCase());
    }
    case "hasLicense":
      return person.skus.has(expression.skuId);
  }
}

describe("Graph users collection", () => {
  let t: TestApp;
  let ctx: { db: TestApp["db"]; tenantId: string };
  let catalog: Record<string, CatalogRow>;
  let people: Person[];
  let paging: MadeUser[];
  let deleted: MadeUser;
  let obrien: MadeUser;
  let nowhere: MadeUser;
  let licensed: MadeUser;
  let group: { id: string };
  let plans: { id: string; name: string }[];

  const list = (options: Record<string, string>, consistencyLevel?: string) =>
    listGraphUsers(ctx, parseUsersQuery(options, consistencyLevel));

  /** Follows the skip tokens to the last page; every page but the last is full. */
  async function walk(options: Record<string, string>, top: number, within = ctx) {
    const ids: string[] = [];
    const names: string[] = [];
    let pages = 0;
    let skipToken: string | undefined;
    do {
      const query = parseUsersQuery({ ...options, $top: String(top), $skiptoken: skipToken }, undefined);
      const page = await listGraphUsers(within, query);
      pages += 1;
      ids.push(...page.value.map((user) => user.id));
      names.push(...page.value.map((user) => user.displayName ?? ""));
      skipToken = page.nextSkipToken;
      if (skipToken) expect(page.value).toHaveLength(top);
    } while (skipToken && pages < 100);
    return { ids, names, pages };
  }

  const expected = (filter: FilterExpression) => people.filter((person) => matches(filter, person)).map((p) => p.id);
  const idsOf = (users: GraphUser[]) => users.map((user) => user.id);

  beforeAll(async () => {
    t = await createTestApp();
    ctx = { db: t.db, tenantId: t.tenants.contoso };
    catalog = await catalogBySku(t.db);
    const tenantId = t.tenants.contoso;
    // 25 people whose names sort together, and a deleted one among them, so paging by 10 takes three pages.
    paging = [];
    for (let i = 1; i <= 25; i++) {
      paging.push(await makeUser(t.db, tenantId, { displayName: `Paging ${String(i).padStart(2, "0")}` }));
    }
    deleted = await makeUser(t.db, tenantId, { displayName: "Paging 99 (deleted)", deletedAt: new Date() });
    obrien = await makeUser(t.db, tenantId, { displayName: "Siobhán O'Brien", usageLocation: "GB" });
    nowhere = await makeUser(t.db, tenantId, { usageLocation: null, accountEnabled: false, userType: "guest" });

    // Microsoft 365 E3 directly with two plans off and through a group with one of them off; Visio through the
    // group too, which cannot apply (Contoso's Visio seats are all used).
    licensed = await makeUser(t.db, tenantId, { displayName: "Licensed Fixture" });
    group = await makeGroup(t.db, tenantId, [licensed.id]);
    const e3 = await t.db.product.findUniqueOrThrow({
      where: { skuPartNumber: "SPE_E3" },
      select: { servicePlans: { select: { servicePlan: { select: { id: true, servicePlanName: true } } } } },
    });
    plans = e3.servicePlans
      .map(({ servicePlan }) => ({ id: servicePlan.id, name: servicePlan.servicePlanName }))
      .sort((a, b) => a.name.localeCompare(b.name));
    const [planX, planY] = [plans[0]?.id, plans[1]?.id];
    const api = as(t.app, await login(t.app, "admin@contoso.test"));
    const base = `/api/tenants/${tenantId}`;
    const direct = await api.post(`${base}/users/${licensed.id}/assignLicense`, {
      addLicenses: [{ skuId: catalog.SPE_E3?.skuId, disabledPlans: [planX, planY] }],
      removeLicenses: [],
    });
    expect(direct.statusCode, direct.body).toBe(200);
    const inherited = await api.post(`${base}/groups/${group.id}/assignLicense`, {
      addLicenses: [
        { skuId: catalog.SPE_E3?.skuId, disabledPlans: [planX] },
        { skuId: catalog.VISIOCLIENT?.skuId, disabledPlans: [] },
      ],
      removeLicenses: [],
    });
    expect(inherited.statusCode, inherited.body).toBe(200);

    const rows = await t.db.user.findMany({
      where: { tenantId, deletedAt: null },
      select: {
        id: true,
        displayName: true,
        email: true,
        userType: true,
        usageLocation: true,
        accountEnabled: true,
        licenseAssignments: { where: { state: { not: "error" } }, select: { product: { select: { skuId: true } } } },
      },
    });
    people = rows.map(({ licenseAssignments, ...row }) => ({
      ...row,
      skus: new Set(licenseAssignments.map((assignment) => assignment.product.skuId)),
    }));
  });
  afterAll(() => t.close());

  describe("properties", () => {
    it("answers Graph's default properties when nothing is selected, unset ones as Graph does", async () => {
      const page = await list({ $filter: "startswith(userPrincipalName,'admin@contoso.test')" });
      expect(page.value).toHaveLength(1);
      const [admin] = page.value;
      expect(Object.keys(admin ?? {}).sort()).toEqual([...GRAPH_USER_DEFAULT_PROPERTIES].sort());
      expect(admin).toMatchObject({
        userPrincipalName: "admin@contoso.test",
        mail: "admin@contoso.test",
        givenName: null,
        surname: null,
        jobTitle: null,
        mobilePhone: null,
        officeLocation: null,
        businessPhones: [],
      });
      expect(page).not.toHaveProperty("count");
    });

    it("answers exactly the selected properties plus id", async () => {
      const page = await list({ $select: "displayName", $filter: "startswith(displayName,'Siobhán')" });
      expect(page.value).toEqual([{ id: obrien.id, displayName: "Siobhán O'Brien" }]);
      const full = await getGraphUser(ctx, nowhere.id, GRAPH_USER_PROPERTIES);
      expect(Object.keys(full).sort()).toEqual([...GRAPH_USER_PROPERTIES].sort());
      expect(full).toMatchObject({
        id: nowhere.id,
        accountEnabled: false,
        usageLocation: null,
        userType: "Guest",
        mailNickname: nowhere.email.split("@")[0],
        assignedLicenses: [],
        licenseAssignmentStates: [],
        assignedPlans: [],
      });
      expect(new Date(full.createdDateTime ?? "").toISOString()).toBe(full.createdDateTime);
      expect(await getGraphUser(ctx, obrien.id, ["USERTYPE", "usageLocation"])).toEqual({
        id: obrien.id,
        userType: "Member",
        usageLocation: "GB",
      });
    });

    it("reads licenses as Graph does: one per product in effect, every assignment with its state, the plans on", async () => {
      const [planX, planY] = plans;
      const user = await getGraphUser(ctx, licensed.id, [
        "assignedLicenses",
        "licenseAssignmentStates",
        "assignedPlans",
      ]);
      // Held directly and through the group, E3 counts once, with only the plan off in both; Visio is in error.
      expect(user.assignedLicenses).toEqual([{ skuId: catalog.SPE_E3?.skuId, disabledPlans: [planX?.id] }]);
      const states = [...(user.licenseAssignmentStates ?? [])].sort((a, b) =>
        `${a.skuId}${a.assignedByGroup}`.localeCompare(`${b.skuId}${b.assignedByGroup}`),
      );
      expect(states).toEqual(
        [
          {
            skuId: catalog.SPE_E3?.skuId,
            assignedByGroup: null,
            disabledPlans: [planX?.id, planY?.id].sort(),
            state: "Active",
            error: "None",
            lastUpdatedDateTime: expect.any(String),
          },
          {
            skuId: catalog.SPE_E3?.skuId,
            assignedByGroup: group.id,
            disabledPlans: [planX?.id],
            state: "Active",
            error: "None",
            lastUpdatedDateTime: expect.any(String),
          },
          {
            skuId: catalog.VISIOCLIENT?.skuId,
            assignedByGroup: group.id,
            disabledPlans: [],
            state: "Error",
            error: "CountViolation",
            lastUpdatedDateTime: expect.any(String),
          },
        ].sort((a, b) => `${a.skuId}${a.assignedByGroup}`.localeCompare(`${b.skuId}${b.assignedByGroup}`)),
      );
      const assigned = user.assignedPlans ?? [];
      expect(assigned.map((plan) => plan.servicePlanId).sort()).toEqual(
        plans
          .filter((plan) => plan.id !== planX?.id)
          .map((plan) => plan.id)
          .sort(),
      );
      expect(assigned.every((plan) => plan.capabilityStatus === "Enabled")).toBe(true);
      expect(assigned.find((plan) => plan.servicePlanId === planY?.id)?.service).toBe(planY?.name);
    });

    it("answers licenseDetails with the plans off in every assignment as Disabled, by id or user principal name", async () => {
      const [planX, planY] = plans;
      const details = await graphLicenseDetails(ctx, licensed.id);
      expect(details.value).toHaveLength(1);
      const [e3] = details.value;
      expect(e3).toMatchObject({ skuId: catalog.SPE_E3?.skuId, skuPartNumber: "SPE_E3" });
      expect(e3?.servicePlans).toHaveLength(plans.length);
      const status = new Map(e3?.servicePlans.map((plan) => [plan.servicePlanId, plan.provisioningStatus]));
      expect(status.get(planX?.id ?? "")).toBe("Disabled");
      expect(status.get(planY?.id ?? "")).toBe("Success");
      expect([...status.values()].filter((value) => value === "Disabled")).toHaveLength(1);
      expect(e3?.servicePlans.every((plan) => plan.appliesTo === "User")).toBe(true);
      expect(await graphLicenseDetails(ctx, licensed.email.toUpperCase())).toEqual(details);
      expect(await graphLicenseDetails(ctx, nowhere.id)).toEqual({ value: [] });
    });
  });

  describe("filters", () => {
    const e3 = () => catalog.SPE_E3?.skuId as string;
    const visio = () => catalog.VISIOCLIENT?.skuId as string;

    it.each([
      "userType eq 'Guest'",
      "userType ne 'Guest'",
      "userType eq 'member'",
      "usageLocation eq 'NL'",
      "usageLocation ne 'nl'",
      "usageLocation eq null",
      "usageLocation ne null",
      "accountEnabled eq false",
      "accountEnabled ne false",
      "startswith(displayName,'paging')",
      "startswith(userPrincipalName,'ADMIN')",
      "not (usageLocation eq 'US')",
      "userType eq 'Member' and usageLocation eq 'NL' and accountEnabled eq true",
      "userType eq 'Guest' or usageLocation eq null",
      "not (userType eq 'Guest' or startswith(displayName,'Paging'))",
      "(usageLocation eq 'GB' or usageLocation eq 'DE') and not startswith(displayName,'a')",
    ])("%s: exactly the users it names", async (filter) => {
      const query = parseUsersQuery({ $filter: filter, $top: "999", $count: "true" }, "eventual");
      const want = expected(query.filter as FilterExpression);
      expect(want.length, "a filter that names nobody or everybody tests little").toBeGreaterThan(0);
      expect(want.length).toBeLessThan(people.length);
      const page = await listGraphUsers(ctx, query);
      expect(idsOf(page.value).sort()).toEqual(want.sort());
      expect(page.count).toBe(want.length);
    });

    it("counts a user without a usage location as not in NL, as OData's ne and not do", async () => {
      for (const filter of ["usageLocation ne 'NL'", "not (usageLocation eq 'NL')"]) {
        expect(idsOf((await list({ $filter: filter, $top: "999" })).value)).toContain(nowhere.id);
      }
      expect(idsOf((await list({ $filter: "usageLocation eq 'NL'", $top: "999" })).value)).not.toContain(nowhere.id);
    });

    it("finds license holders, directly or through a group, and not those whose assignment is in error", async () => {
      const holders = await list({ $filter: `assignedLicenses/any(x:x/skuId eq ${e3()})`, $top: "999" });
      expect(idsOf(holders.value).sort()).toEqual(expected({ kind: "hasLicense", skuId: e3() }).sort());
      expect(idsOf(holders.value)).toContain(licensed.id);
      const visioHolders = await list({ $filter: `assignedLicenses/any(s: s/skuId eq ${visio().toUpperCase()})` });
      expect(visioHolders.value).toHaveLength(5);
      expect(idsOf(visioHolders.value)).not.toContain(licensed.id);
      const without = await list({ $filter: `not assignedLicenses/any(x:x/skuId eq ${e3()})`, $top: "999" });
      expect(without.value.length + holders.value.length).toBe(people.length);
      const nobody = await list({ $filter: "assignedLicenses/any(x:x/skuId eq 00000000-0000-4000-8000-000000000000)" });
      expect(nobody.value).toEqual([]);
    });

    it("reads quotes in string literals doubled", async () => {
      const page = await list({ $filter: "startswith(displayName,'siobhán o''b')" });
      expect(idsOf(page.value)).toEqual([obrien.id]);
      expect((await list({ $filter: "startswith(displayName,'O''Brien')" })).value).toEqual([]);
      // LIKE's wildcards are literal characters in a prefix.
      expect((await list({ $filter: "startswith(displayName,'%')" })).value).toEqual([]);
      expect((await list({ $filter: "startswith(displayName,'Paging _1')" })).value).toEqual([]);
    });

    it("agrees with OData's meaning on any combination of the filters", async () => {
      const names = people.map((person) => person.displayName);
      const emails = people.map((person) => person.email);
      const condition: fc.Arbitrary<FilterExpression> = fc.oneof(
        fc.record({
          kind: fc.constant("userType" as const),
          operator: fc.constantFrom("eq" as const, "ne" as const),
          value: fc.constantFrom("Member" as const, "Guest" as const),
        }),
        fc.record({
          kind: fc.constant("usageLocation" as const),
          operator: fc.constantFrom("eq" as const, "ne" as const),
          value: fc.constantFrom("US", "NL", "GB", "DE", "FR", null),
        }),
        fc.record({
          kind: fc.constant("accountEnabled" as const),
          operator: fc.constantFrom("eq" as const, "ne" as const),
          value: fc.boolean(),
        }),
        fc.record({
          kind: fc.constant("startsWith" as const),
          property: fc.constant("displayName" as const),
          prefix: fc.tuple(fc.constantFrom(...names), fc.integer({ min: 0, max: 3 })).map(([n, k]) => n.slice(0, k)),
        }),
        fc.record({
          kind: fc.constant("startsWith" as const),
          property: fc.constant("userPrincipalName" as const),
          prefix: fc.tuple(fc.constantFrom(...emails), fc.integer({ min: 1, max: 4 })).map(([e, k]) => e.slice(0, k)),
        }),
        fc.record({
          kind: fc.constant("hasLicense" as const),
          skuId: fc.constantFrom(...Object.values(catalog).map((product) => product.skuId)),
        }),
      );
      const filter = fc.letrec<{ filter: FilterExpression }>((tie) => ({
        filter: fc.oneof(
          { depthSize: "small", maxDepth: 4 },
          condition,
          fc.record({
            kind: fc.constantFrom("and" as const, "or" as const),
            left: tie("filter"),
            right: tie("filter"),
          }),
          fc.record({ kind: fc.constant("not" as const), operand: tie("filter") }),
        ),
      })).filter;
      await fc.assert(
        fc.asyncProperty(filter, async (expression) => {
          const page = await list({ $filter: printFilter(expression), $top: "999", $count: "true" }, "eventual");
          const want = expected(expression);
          expect(idsOf(page.value).sort()).toEqual(want.sort());
          expect(page.count).toBe(want.length);
        }),
        { numRuns: 60 },
      );
    });
  });

  describe("paging and order", () => {
    const pagingIds = () => paging.map((user) => user.id);

    it("pages through the filter in three pages, by id, without duplicates or gaps, the deleted user hidden", async () => {
      const walked = await walk({ $filter: "startswith(displayName,'Paging')" }, 10);
      expect(walked.pages).toBe(3);
      expect(walked.ids).toEqual([...pagingIds()].sort());
      expect(walked.ids).not.toContain(deleted.id);
    });

    it("pages by displayName in both directions", async () => {
      const ascending = await walk({ $filter: "startswith(displayName,'Paging')", $orderby: "displayName" }, 10);
      expect(ascending.pages).toBe(3);
      expect(ascending.ids).toEqual(pagingIds());
      const descending = await walk({ $filter: "startswith(displayName,'Paging')", $orderby: "displayName desc" }, 10);
      expect(descending.ids).toEqual([...pagingIds()].reverse());
    });

    it("pages through the whole tenant in the database's order, by id and by name", async () => {
      const byId = await walk({}, 37);
      expect(byId.pages).toBeGreaterThan(2);
      expect(byId.ids).toEqual(people.map((p) => p.id).sort());
      const byName = await walk({ $orderby: "displayName" }, 37);
      const ordered = await t.db.$queryRaw<Array<{ id: string }>>`
        SELECT id::text AS id FROM "User" WHERE "tenantId" = ${ctx.tenantId}::uuid AND "deletedAt" IS NULL
         ORDER BY "displayName", id`;
      expect(byName.ids).toEqual(ordered.map((row) => row.id));
      const byNameDown = await walk({ $orderby: "displayName desc" }, 37);
      expect(byNameDown.ids).toEqual(ordered.map((row) => row.id).reverse());
    });

    it("pages through license holders by id and by name", async () => {
      const skuId = catalog.SPE_E3?.skuId as string;
      const holders = expected({ kind: "hasLicense", skuId });
      expect(holders.length).toBeGreaterThan(100);
      const filter = { $filter: `assignedLicenses/any(x:x/skuId eq ${skuId})` };
      const byId = await walk(filter, 40);
      expect(byId.pages).toBeGreaterThan(2);
      expect(byId.ids).toEqual([...holders].sort());
      const byName = await walk({ ...filter, $orderby: "displayName" }, 40);
      expect([...byName.ids].sort()).toEqual([...holders].sort());
      expect(new Set(byName.ids).size).toBe(holders.length);
    });

    it("counts every match whatever the page size, and refuses a token of another query", async () => {
      const first = await list({ $filter: "startswith(displayName,'Paging')", $top: "4", $count: "true" }, "eventual");
      expect(first.value).toHaveLength(4);
      expect(first.count).toBe(25);
      const token = first.nextSkipToken as string;
      const second = await list(
        { $filter: "startswith(displayName,'Paging')", $top: "4", $count: "true", $skiptoken: token },
        "eventual",
      );
      expect(second).toMatchObject({ count: 25, nextSkipToken: expect.any(String) });
      expect(idsOf(second.value).filter((id) => idsOf(first.value).includes(id))).toEqual([]);
      const other = { $filter: "startswith(displayName,'Pag')", $skiptoken: token };
      expect(() => parseUsersQuery(other, undefined)).toThrowError(
        expect.objectContaining({ code: "ValidationFailed", message: expect.stringContaining("another $filter") }),
      );
    });
  });

  describe("one user", () => {
    it("finds a user by id or by user principal name in any letter case", async () => {
      expect(await getGraphUser(ctx, obrien.id, ["displayName"])).toEqual({
        id: obrien.id,
        displayName: "Siobhán O'Brien",
      });
      expect((await getGraphUser(ctx, obrien.id.toUpperCase(), undefined)).userPrincipalName).toBe(obrien.email);
      expect((await getGraphUser(ctx, obrien.email.toUpperCase(), undefined)).id).toBe(obrien.id);
    });

    it("does not find deleted users, other tenants' users or what names none", async () => {
      const fabrikamAdmin = await t.db.user.findUniqueOrThrow({ where: { email: "admin@fabrikam.test" } });
      for (const key of [
        deleted.id,
        deleted.email,
        fabrikamAdmin.id,
        "admin@fabrikam.test",
        "nobody@contoso.test",
        "a\u0000b",
      ]) {
        await expect(getGraphUser(ctx, key, undefined), key).rejects.toMatchObject({ code: "NotFound" });
        await expect(graphLicenseDetails(ctx, key), key).rejects.toMatchObject({ code: "NotFound" });
      }
    });

    it("refuses a selected property the user does not have", async () => {
      await expect(getGraphUser(ctx, obrien.id, ["favouriteColour"])).rejects.toMatchObject({
        code: "ValidationFailed",
      });
      await expect(getGraphUser(ctx, obrien.id, ["employeeId"])).rejects.toMatchObject({ code: "UnsupportedQuery" });
    });
  });

  describe("tenant isolation", () => {
    it("never lists another tenant's users, and lists that tenant's own there", async () => {
      const contoso = await walk({}, 999);
      const fabrikamCtx = { db: t.db, tenantId: t.tenants.fabrikam };
      const fabrikam = await walk({}, 999, fabrikamCtx);
      expect(fabrikam.ids.length).toBeGreaterThan(0);
      expect(contoso.ids.filter((id) => fabrikam.ids.includes(id))).toEqual([]);
      const theirAdmin = { $filter: "startswith(userPrincipalName,'admin@fabrikam')" };
      expect((await list(theirAdmin)).value).toEqual([]);
      expect((await listGraphUsers(fabrikamCtx, parseUsersQuery(theirAdmin, undefined))).value).toHaveLength(1);
    });
  });
});
