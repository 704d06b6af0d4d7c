import type { Prisma } from "@allot/db";
import type { Client } from "@microsoft/microsoft-graph-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser } from "./fixtures.js";
import { collect, graphFailure, type SdkSuite, startSdkSuite } from "./graph-sdk-setup.js";
import { type RegisteredApp, registerApp } from "./graph-tokens.js";
import { as, type CatalogRow, catalogBySku } from "./helpers.js";

/**
 * The official Graph SDK's query builders (.filter, .select, .count, .orderby, .header) against Allot's users
 * collection: every $filter Allot supports, checked against the database; unsupported OData refused by name.
 */

let suite: SdkSuite;
let reader: RegisteredApp;
let client: Client;
let catalog: Record<string, CatalogRow>;
let e3: string;
let licensed: { id: string };

const skuOf = (part: string) => (catalog[part] as CatalogRow).skuId;

/** The ids of Contoso's live users that `where` holds for, from the database. */
async function truth(where: Prisma.UserWhereInput): Promise<string[]> {
  const rows = await suite.t.db.user.findMany({
    where: { AND: [{ tenantId: suite.t.tenants.contoso, deletedAt: null }, where] },
    select: { id: true },
  });
  return rows.map((row) => row.id).sort();
}

/** OData's ne: a user without a usage location is one whose usageLocation ne 'NL' (SQL's <> would leave them out). */
const usageLocationNot = (usageLocation: string): Prisma.UserWhereInput => ({
  OR: [{ usageLocation: null }, { NOT: { usageLocation } }],
});

const holds = (skuId: string): Prisma.UserWhereInput => ({
  licenseAssignments: { some: { product: { skuId }, state: { not: "error" } } },
});

beforeAll(async () => {
  suite = await startSdkSuite();
  const { t } = suite;
  catalog = await catalogBySku(t.db);
  e3 = skuOf("SPE_E3");
  reader = await registerApp(t.app, suite.admin, t.tenants.contoso, ["User.Read.All"]);
  client = suite.sdk(reader);
  // Names with an apostrophe, in several letter cases, and one that only looks alike.
  await makeUser(t.db, t.tenants.contoso, { displayName: "O'Brien, Siobhán", usageLocation: "IE" });
  await makeUser(t.db, t.tenants.contoso, { displayName: "o'brien lower", userType: "guest", usageLocation: "GB" });
  await makeUser(t.db, t.tenants.contoso, { displayName: "OBrien without apostrophe", accountEnabled: false });
  await makeUser(t.db, t.tenants.contoso, { displayName: "O'Brien Nowhere", usageLocation: null });
  licensed = await makeUser(t.db, t.tenants.contoso, { displayName: "O'Brien Licensed", usageLocation: "GB" });
  const assigned = await as(t.app, suite.admin).post(
    `/api/tenants/${t.tenants.contoso}/users/${licensed.id}/assignLicense`,
    { addLicenses: [{ skuId: e3, disabledPlans: [] }], removeLicenses: [] },
  );
  expect(assigned.statusCode, assigned.body).toBe(200);
});
afterAll(() => suite.close());

describe("$filter", () => {
  const cases: Array<[string, () => string, () => Prisma.UserWhereInput]> = [
    ["userType eq 'Guest'", () => "userType eq 'Guest'", () => ({ userType: "guest" })],
    ["userType eq 'Member'", () => "userType eq 'Member'", () => ({ userType: "member" })],
    ["usageLocation eq 'GB'", () => "usageLocation eq 'GB'", () => ({ usageLocation: "GB" })],
    ["usageLocation ne 'NL'", () => "usageLocation ne 'NL'", () => usageLocationNot("NL")],
    ["usageLocation eq null", () => "usageLocation eq null", () => ({ usageLocation: null })],
    ["accountEnabled eq false", () => "accountEnabled eq false", () => ({ accountEnabled: false })],
    [
      "startswith(displayName,'O''Brien')",
      () => "startswith(displayName,'O''Brien')",
      () => ({ displayName: { startsWith: "O'Brien", mode: "insensitive" } }),
    ],
    [
      "startswith(userPrincipalName,'ADMIN')",
      () => "startswith(userPrincipalName,'ADMIN')",
      () => ({ email: { startsWith: "admin" } }),
    ],
    ["assignedLicenses/any(x:x/skuId eq E3)", () => `assignedLicenses/any(x:x/skuId eq ${e3})`, () => holds(e3)],
    [
      "an and of an or, with the quoted apostrophe",
      () => "userType eq 'Member' and (usageLocation eq 'GB' or startswith(displayName,'o''brien'))",
      () => ({
        userType: "member",
        OR: [{ usageLocation: "GB" }, { displayName: { startsWith: "o'brien", mode: "insensitive" } }],
      }),
    ],
    [
      "an or of a license and not",
      () => `accountEnabled eq false or (assignedLicenses/any(x:x/skuId eq ${e3}) and not(usageLocation eq 'NL'))`,
      () => ({ OR: [{ accountEnabled: false }, { AND: [holds(e3), usageLocationNot("NL")] }] }),
    ],
  ];
  for (const [name, filter, where] of cases) {
    it(`${name} lists exactly the users the database says`, async () => {
      const expected = await truth(where());
      const users = await collect<{ id: string }>(client, client.api("/users").filter(filter()).top(50));
      expect(users.map((user) => user.id).sort()).toEqual(expected);
      // A filter that selects nobody would prove nothing.
      expect(expected.length).toBeGreaterThan(0);
    });
  }

  it("the apostrophe users: O''Brien matches every letter case, OBrien does not", async () => {
    const users = await collect<{ displayName: string }>(
      client,
      client.api("/users").filter("startswith(displayName,'O''BRIEN')").select("displayName"),
    );
    expect(users.map((user) => user.displayName).sort()).toEqual([
      "O'Brien Licensed",
      "O'Brien Nowhere",
      "O'Brien, Siobhán",
      "o'brien lower",
    ]);
  });
});

describe("$select, $count, $orderby", () => {
  it("$select answers only the selected properties and id, licenses included", async () => {
    const selected = ["displayName", "assignedLicenses", "licenseAssignmentStates", "assignedPlans"];
    const page = await client.api("/users").select(selected).filter("startswith(displayName,'O''Brien Lic')").get();
    expect(page.value).toHaveLength(1);
    const [user] = page.value;
    expect(Object.keys(user).sort()).toEqual(["id", ...selected].sort());
    expect(user).toMatchObject({
      id: licensed.id,
      assignedLicenses: [{ skuId: e3, disabledPlans: [] }],
      licenseAssignmentStates: [{ skuId: e3, assignedByGroup: null, state: "Active", error: "None" }],
    });
    expect(user.assignedPlans.length).toBeGreaterThan(0);
    expect(user.assignedPlans[0]).toMatchObject({ capabilityStatus: "Enabled", servicePlanId: expect.any(String) });

    const one = await client.api(`/users/${licensed.id}`).select(["usageLocation", "userType"]).get();
    const { "@odata.context": context, ...properties } = one;
    expect(context).toContain("/graph/v1.0/$metadata#users/$entity");
    expect(properties).toEqual({ id: licensed.id, usageLocation: "GB", userType: "Member" });
  });

  it("$count=true with the ConsistencyLevel: eventual header counts the filter's users, paging aside", async () => {
    const page = await client
      .api("/users")
      .header("ConsistencyLevel", "eventual")
      .count(true)
      .filter("userType eq 'Guest'")
      .top(1)
      .get();
    expect(page["@odata.count"]).toBe((await truth({ userType: "guest" })).length);
    expect(page.value).toHaveLength(1);
    expect(page["@odata.nextLink"]).toEqual(
      expect.stringMatching(/^https:\/\/127\.0\.0\.1:\d+\/graph\/v1\.0\/users\?/),
    );

    const refused = await graphFailure(client.api("/users").count(true).get());
    expect(refused).toMatchObject({ statusCode: 400, code: "Request_UnsupportedQuery" });
    expect(refused.error.message).toContain("ConsistencyLevel");
  });

  it("$orderby=displayName pages in the database's order", async () => {
    const users = await collect<{ id: string }>(
      client,
      client.api("/users").orderby("displayName").select("displayName").top(37),
    );
    const expected = await suite.t.db.user.findMany({
      where: { tenantId: suite.t.tenants.contoso, deletedAt: null },
      orderBy: [{ displayName: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    expect(users.map((user) => user.id)).toEqual(expected.map((user) => user.id));
  });
});

describe("unsupported OData", () => {
  const refusals: Array<[string, (client: Client) => Promise<unknown>]> = [
    ["$expand", (c) => c.api("/users").expand("manager").get()],
    ["$search", (c) => c.api("/users").header("ConsistencyLevel", "eventual").search('"displayName:Megan"').get()],
    ["endswith()", (c) => c.api("/users").filter("endswith(userPrincipalName,'@contoso.test')").get()],
    ["$skip", (c) => c.api("/users").skip(5).get()],
    ["$orderby on another property", (c) => c.api("/users").orderby("userPrincipalName").get()],
    ["$select of a property Allot lacks", (c) => c.api("/users").select("employeeId").get()],
    ["$expand on one user", (c) => c.api("/users/admin@contoso.test").expand("memberOf").get()],
  ];
  for (const [name, call] of refusals) {
    it(`${name} is a GraphError 400 Request_UnsupportedQuery, never ignored`, async () => {
      const refused = await graphFailure(call(client));
      expect(refused).toMatchObject({ statusCode: 400, code: "Request_UnsupportedQuery" });
      expect(refused.error.message.length).toBeGreaterThan(0);
    });
  }

  it("a property that is no user property is Graph's 400 Request_BadRequest", async () => {
    const refused = await graphFailure(client.api("/users").filter("shoeSize eq 42").get());
    expect(refused).toMatchObject({ statusCode: 400, code: "Request_BadRequest" });
  });
});
