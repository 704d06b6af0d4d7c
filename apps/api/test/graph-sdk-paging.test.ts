import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { PageIterator } from "@microsoft/microsoft-graph-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ListedUser, main, usersWhere } from "./graph-sdk-example.js";
import { collect, type SdkSuite, startSdkSuite } from "./graph-sdk-setup.js";
import { type RegisteredApp, registerApp } from "./graph-tokens.js";
import { catalogBySku, login } from "./helpers.js";

/**
 * The official Graph SDK (@microsoft/microsoft-graph-client 3) against Allot's Graph API: PageIterator through a
 * tenant of 1,000+ users, tenant isolation, and the README's example script run as it is written.
 */

const BULK_USERS = 1_000;

let suite: SdkSuite;
let reader: RegisteredApp;
let contosoIds: string[];

/** The ids of a tenant's live users, from the database: the truth the SDK's walks are checked against. */
async function liveUserIds(tenantId: string): Promise<string[]> {
  const rows = await suite.t.db.user.findMany({ where: { tenantId, deletedAt: null }, select: { id: true } });
  return rows.map((row) => row.id).sort();
}

/** The users pages the app answered through the front since `from`. */
const usersPagesSince = (from: number) =>
  suite.front.seen.slice(from).filter((seen) => seen.method === "GET" && seen.url.startsWith("/graph/v1.0/users?"));

beforeAll(async () => {
  suite = await startSdkSuite();
  const { t } = suite;
  // One statement for 1,000 users, a deleted one among them (never listed).
  const batch = randomUUID().slice(0, 8);
  await t.db.$executeRaw`
    INSERT INTO "User" (id, "tenantId", "displayName", email, "usageLocation", "deletedAt", "updatedAt")
    SELECT gen_random_uuid(), ${t.tenants.contoso}::uuid, 'Bulk ' || lpad(n::text, 4, '0'),
           'bulk-' || ${batch} || '-' || n || '@contoso.test', 'NL', CASE WHEN n = 500 THEN now() END, now()
      FROM generate_series(1, ${BULK_USERS + 1}) AS n`;
  reader = await registerApp(t.app, suite.admin, t.tenants.contoso, ["User.Read.All"]);
  contosoIds = await liveUserIds(t.tenants.contoso);
  expect(contosoIds.length).toBeGreaterThan(BULK_USERS);
});
afterAll(() => suite.close());

describe("PageIterator", () => {
  for (const top of [100, 999]) {
    it(`visits every user exactly once at $top=${top}, following @odata.nextLink`, async () => {
      const client = suite.sdk(reader);
      const from = suite.front.seen.length;
      const users = await collect<{ id: string }>(client, client.api("/users").top(top));
      const ids = users.map((user) => user.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual(contosoIds);
      // Full pages until the last, each fetched once.
      const pages = usersPagesSince(from);
      expect(pages).toHaveLength(Math.ceil(contosoIds.length / top));
      expect(pages.every((page) => page.status === 200)).toBe(true);
    });
  }

  it("stops when the callback says so and resumes where it stopped", async () => {
    const client = suite.sdk(reader);
    const seen: string[] = [];
    const iterator = new PageIterator(client, await client.api("/users").top(100).select("id").get(), (user) => {
      seen.push(user.id);
      return seen.length % 250 !== 0;
    });
    await iterator.iterate();
    expect(seen).toHaveLength(250);
    expect(iterator.isComplete()).toBe(false);
    while (!iterator.isComplete()) await iterator.resume();
    expect([...seen].sort()).toEqual(contosoIds);
  });

  it("pages a $filter and $orderby=displayName in the database's order", async () => {
    const client = suite.sdk(reader);
    const users = await collect<{ id: string; displayName: string }>(
      client,
      client.api("/users").filter("startswith(displayName,'Bulk ')").orderby("displayName desc").top(128),
    );
    const expected = await suite.t.db.user.findMany({
      where: { tenantId: suite.t.tenants.contoso, deletedAt: null, displayName: { startsWith: "Bulk " } },
      orderBy: [{ displayName: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    expect(users.map((user) => user.id)).toEqual(expected.map((user) => user.id));
    expect(users).toHaveLength(BULK_USERS);
  });
});

describe("tenant isolation", () => {
  it("an app of another tenant pages through its own users only and finds none of this tenant's", async () => {
    const { t } = suite;
    const fabrikamAdmin = await login(t.app, "admin@fabrikam.test");
    const fabrikamApp = await registerApp(t.app, fabrikamAdmin, t.tenants.fabrikam, ["Directory.Read.All"]);
    const client = suite.sdk(fabrikamApp);
    const users = await collect<{ id: string }>(client, client.api("/users").top(50));
    const ids = users.map((user) => user.id).sort();
    expect(ids).toEqual(await liveUserIds(t.tenants.fabrikam));
    const contoso = new Set(contosoIds);
    expect(ids.filter((id) => contoso.has(id))).toEqual([]);
    expect(await usersWhere(client, "startswith(userPrincipalName,'bulk-')")).toEqual([]);
    const contosoAdmin = suite.admin.me.user.id;
    await expect(client.api(`/users/${contosoAdmin}`).get()).rejects.toMatchObject({
      statusCode: 404,
      code: "Request_ResourceNotFound",
    });
    await expect(client.api("/users/admin@contoso.test").get()).rejects.toMatchObject({ statusCode: 404 });
  });
});

describe("the README's example script", () => {
  it("is the README's code block, character for character", () => {
    const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
    const marker = "<!-- apps/api/test/graph-sdk-example.ts -->\n```ts\n";
    const start = readme.indexOf(marker);
    expect(start, "README marks the example with its file").toBeGreaterThan(-1);
    const block = readme.slice(start + marker.length, readme.indexOf("\n```\n", start + marker.length) + 1);
    expect(block).toBe(readFileSync(new URL("./graph-sdk-example.ts", import.meta.url), "utf8"));
  });

  it("lists a product's holders through PageIterator and assigns it, printing the refusal's reason", async () => {
    const { t } = suite;
    const catalog = await catalogBySku(t.db);
    const skuId = catalog.POWER_BI_PRO?.skuId as string;
    const licenser = await registerApp(t.app, suite.admin, t.tenants.contoso, [
      "User.Read.All",
      "LicenseAssignment.ReadWrite.All",
    ]);
    const env = {
      ALLOT_URL: suite.front.origin,
      ALLOT_CLIENT_ID: licenser.appId,
      ALLOT_CLIENT_SECRET: licenser.secret.secretText,
    };
    const holders = () =>
      t.db.user.count({
        where: {
          tenantId: t.tenants.contoso,
          deletedAt: null,
          licenseAssignments: { some: { product: { skuId }, state: { not: "error" } } },
        },
      });
    const before = await holders();
    const printed: string[] = [];
    await main(env, [skuId, "bulk-nobody@contoso.test"], (line) => printed.push(line));
    expect(printed).toEqual([`${before} users hold ${skuId}`, expect.stringMatching(/^404 NotFound: /)]);

    const target = await t.db.user.findFirstOrThrow({
      where: { tenantId: t.tenants.contoso, displayName: "Bulk 0001" },
    });
    printed.length = 0;
    await main(env, [skuId, target.email], (line) => printed.push(line));
    expect(printed).toEqual([`${before} users hold ${skuId}`, `${target.email} now holds ${skuId}`]);
    expect(await holders()).toBe(before + 1);
    const listed: ListedUser[] = await usersWhere(suite.sdk(licenser), `assignedLicenses/any(x:x/skuId eq ${skuId})`);
    expect(listed).toContainEqual({ id: target.id, displayName: "Bulk 0001", userPrincipalName: target.email });

    const nowhere = await t.db.user.update({
      where: { id: (await t.db.user.findFirstOrThrow({ where: { displayName: "Bulk 0002" } })).id },
      data: { usageLocation: null },
    });
    printed.length = 0;
    await main(env, [skuId, nowhere.id], (line) => printed.push(line));
    expect(printed[1]).toMatch(/^400 UsageLocationRequired: /);
  });
});
