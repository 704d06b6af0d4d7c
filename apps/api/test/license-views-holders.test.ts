import { randomUUID } from "node:crypto";
import type { LicenseConflictReport, LicenseSelection, SubscribedSku, User } from "@allot/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { DAY_MS, type MadeUser, makeGroup, makeUser } from "./fixtures.js";
import { as, login } from "./helpers.js";
import {
  admin,
  assign,
  assignGroup,
  base,
  expectProblem,
  listUsers,
  ok,
  prefixed,
  productIdOf,
  setUpViewsApp,
  sku,
  t,
  userIds,
  walkUsers,
} from "./license-views-setup.js";

/**
 * The read views of who holds what: the seeded Fabrikam conflict, list prices, users holding a product (users?skuId)
 * and each user's products with a product's holder counts, "select all that match" (users/ids, up to 10,000 users) and
 * the tri-state of a selection (licenses/selection).
 */

setUpViewsApp();

describe("the seeded Fabrikam conflict", () => {
  it("Power BI Pro: 12 holders on 10 seats, a shortfall of 2, in licenseConflicts and subscribedSkus", async () => {
    const fabrikam = await login(t.app, "admin@fabrikam.test");
    const fabrikamBase = `/api/tenants/${t.tenants.fabrikam}`;
    const { value } = await ok<{ value: LicenseConflictReport[] }>(
      as(t.app, fabrikam).get(`${fabrikamBase}/licenseConflicts`),
    );
    expect(value.map((c) => c.skuPartNumber)).toEqual(["POWER_BI_PRO"]);
    const conflict = value[0] as LicenseConflictReport;
    expect(conflict).toMatchObject({
      skuId: sku.POWER_BI_PRO,
      consumedUnits: 12,
      usableUnits: 10,
      shortfall: 2,
      userCount: 12,
    });
    // The seed's cut was made 20 days ago and accepted as a conflict: 70 of its 90 days to resolve it are left.
    const daysLeft = (Date.parse(conflict.resolveBy ?? "") - Date.now()) / 86_400_000;
    expect(daysLeft).toBeGreaterThan(69);
    expect(daysLeft).toBeLessThanOrEqual(70);
    expect(conflict.users).toHaveLength(12);
    expect(conflict.users.every((u) => u.direct)).toBe(true);
    expect(conflict.fixes).toEqual(
      expect.arrayContaining([
        { kind: "buySeats", seats: 2 },
        { kind: "removeAssignments", count: 2 },
      ]),
    );
    const holders = await t.db.licenseAssignment.findMany({
      where: { tenantId: t.tenants.fabrikam, productId: productIdOf.POWER_BI_PRO, state: { not: "error" } },
      select: { userId: true },
    });
    expect(conflict.users.map((u) => u.id).sort()).toEqual(holders.map((h) => h.userId).sort());
    const skus = await ok<{ value: SubscribedSku[] }>(as(t.app, fabrikam).get(`${fabrikamBase}/subscribedSkus`));
    expect(skus.value.find((s) => s.skuPartNumber === "POWER_BI_PRO")).toMatchObject({
      consumedUnits: 12,
      prepaidUnits: { enabled: 10 },
      available: 0,
      conflicts: 2,
    });
    // Contoso has none.
    expect((await ok<{ value: unknown[] }>(as(t.app, admin).get(`${base()}/licenseConflicts`))).value).toEqual([]);
  });
});

describe("subscribedSkus prices", () => {
  it("every product carries its list price per seat and month, in integer cents, and its currency", async () => {
    const { value } = await ok<{ value: SubscribedSku[] }>(as(t.app, admin).get(`${base()}/subscribedSkus`));
    const rows = await t.db.product.findMany({ select: { skuId: true, pricePerSeatMonthCents: true, currency: true } });
    const price = new Map(rows.map((r) => [r.skuId, r]));
    expect(value.length).toBeGreaterThan(5);
    for (const s of value) {
      expect(s, s.skuPartNumber).toMatchObject({
        pricePerSeatMonthCents: price.get(s.skuId)?.pricePerSeatMonthCents,
        currency: price.get(s.skuId)?.currency,
      });
      expect(Number.isInteger(s.pricePerSeatMonthCents)).toBe(true);
    }
    expect(value.find((s) => s.skuPartNumber === "POWER_BI_PRO")).toMatchObject({
      pricePerSeatMonthCents: 1_310,
      currency: "EUR",
    });
    expect(value.find((s) => s.skuPartNumber === "POWERAUTOMATE_PROCESS")?.pricePerSeatMonthCents).toBe(14_000);
  });
});

describe("users?skuId", () => {
  let prefix: string;
  let users: Record<"direct" | "inherited" | "error" | "none" | "exchange", MadeUser>;

  beforeAll(async () => {
    prefix = prefixed("Skuview");
    const make = (label: string, usageLocation: string | null = "NL") =>
      makeUser(t.db, t.tenants.contoso, { displayName: `${prefix} ${label}`, usageLocation });
    users = {
      direct: await make("a direct"),
      inherited: await make("b inherited"),
      error: await make("c error", null),
      none: await make("d none"),
      exchange: await make("e exchange"),
    };
    await assign(users.direct.id, [sku.POWER_BI_PRO as string]);
    await assign(users.exchange.id, [sku.EXCHANGESTANDARD as string]);
    const group = await makeGroup(t.db, t.tenants.contoso, [users.inherited.id, users.error.id]);
    await assignGroup(group.id, [sku.POWER_BI_PRO as string]);
    // The premise: the user without a usage location holds an inherited assignment in error.
    expect(
      await t.db.licenseAssignment.findMany({
        where: { userId: users.error.id },
        select: { state: true, assignedByGroupId: true },
      }),
    ).toEqual([{ state: "error", assignedByGroupId: group.id }]);
  });

  it("lists the product's holders in effect, direct or inherited; an inherited assignment in error is not one", async () => {
    const search = `search=${encodeURIComponent(prefix)}`;
    const holders = await listUsers(`skuId=${sku.POWER_BI_PRO}&${search}`);
    expect(holders.items.map((u) => u.displayName)).toEqual([`${prefix} a direct`, `${prefix} b inherited`]);
    expect(holders.items.map((u) => u.licenseCount)).toEqual([1, 1]);
    expect((await listUsers(`${search}`)).items).toHaveLength(5);
    expect((await listUsers(`skuId=${sku.EXCHANGESTANDARD}&${search}`)).items.map((u) => u.id)).toEqual([
      users.exchange.id,
    ]);
    expect((await listUsers(`skuId=${sku.VISIOCLIENT}&${search}`)).items).toEqual([]);
    // Any letter case of the skuId; combined with the other filters.
    const upper = await listUsers(`skuId=${sku.POWER_BI_PRO?.toUpperCase()}&${search}`);
    expect(upper.items.map((u) => u.id)).toEqual(holders.items.map((u) => u.id));
    expect((await listUsers(`skuId=${sku.POWER_BI_PRO}&${search}&licensed=false`)).items).toEqual([]);
    expect((await listUsers(`skuId=${sku.POWER_BI_PRO}&${search}&type=guest`)).items).toEqual([]);
  });

  it("pages through every holder: as many as the product's consumedUnits, in (displayName, id) order", async () => {
    const all = await walkUsers(`skuId=${sku.POWER_BI_PRO}`, 17);
    const consumed = (
      await ok<{ value: SubscribedSku[] }>(as(t.app, admin).get(`${base()}/subscribedSkus`))
    ).value.find((s) => s.skuPartNumber === "POWER_BI_PRO")?.consumedUnits;
    expect(all).toHaveLength(consumed as number);
    expect(new Set(all.map((u) => u.id)).size).toBe(all.length);
    expect(all.every((u) => u.tenantId === t.tenants.contoso && u.deletedAt === null)).toBe(true);
    const holderIds = await t.db.licenseAssignment.findMany({
      where: { tenantId: t.tenants.contoso, productId: productIdOf.POWER_BI_PRO, state: { not: "error" } },
      select: { userId: true },
      distinct: ["userId"],
    });
    expect(all.map((u) => u.id).sort()).toEqual(holderIds.map((h) => h.userId).sort());
    // The same users and order as one big page and as users/ids.
    expect(all.map((u) => u.id)).toEqual((await walkUsers(`skuId=${sku.POWER_BI_PRO}`, 200)).map((u) => u.id));
    expect((await userIds(`skuId=${sku.POWER_BI_PRO}`)).ids).toEqual(all.map((u) => u.id));
  });

  it("an unknown skuId is 404 NotFound on querystring.skuId; a malformed one 400", async () => {
    const unknown = randomUUID();
    for (const path of ["users", "users/ids"]) {
      const response = await as(t.app, admin).get(`${base()}/${path}?skuId=${unknown}`);
      const body = expectProblem(response, 404, "NotFound");
      expect(body.errors).toMatchObject([{ path: "querystring.skuId", skuId: unknown }]);
      expectProblem(await as(t.app, admin).get(`${base()}/${path}?skuId=nope`), 400, "ValidationFailed");
    }
  });
});

describe("users' licenses and a product's holder counts", () => {
  it("each user names the products it holds in effect, direct or inherited, since the earliest assignment", async () => {
    const prefix = prefixed("Heldby");
    const both = await makeUser(t.db, t.tenants.contoso, { displayName: `${prefix} a both`, usageLocation: "NL" });
    const grouped = await makeUser(t.db, t.tenants.contoso, { displayName: `${prefix} b group`, usageLocation: "NL" });
    const none = await makeUser(t.db, t.tenants.contoso, { displayName: `${prefix} c none`, usageLocation: null });
    const before = Date.now();
    await assign(both.id, [sku.POWER_BI_PRO as string, sku.EXCHANGESTANDARD as string]);
    const group = await makeGroup(t.db, t.tenants.contoso, [both.id, grouped.id, none.id]);
    await assignGroup(group.id, [sku.POWER_BI_PRO as string]);
    const direct = await t.db.licenseAssignment.findFirstOrThrow({
      where: { userId: both.id, productId: productIdOf.POWER_BI_PRO, assignedByGroupId: null },
    });
    const inherited = await t.db.licenseAssignment.findFirstOrThrow({
      where: { userId: grouped.id, productId: productIdOf.POWER_BI_PRO },
    });

    const page = await listUsers(`search=${encodeURIComponent(prefix)}`);
    const [a, b, c] = page.items;
    const names = Object.fromEntries(
      (await t.db.product.findMany({ select: { skuPartNumber: true, displayName: true } })).map((p) => [
        p.skuPartNumber,
        p.displayName,
      ]),
    );
    const pbi = { skuId: sku.POWER_BI_PRO, skuPartNumber: "POWER_BI_PRO", displayName: names.POWER_BI_PRO };
    const exchange = {
      skuId: sku.EXCHANGESTANDARD,
      skuPartNumber: "EXCHANGESTANDARD",
      displayName: names.EXCHANGESTANDARD,
    };
    // Both ways counts once, dated by the direct assignment that came first; products by display name.
    expect(a?.licenses).toEqual(
      [
        { ...pbi, direct: true, inherited: true, assignedAt: direct.createdAt.toISOString() },
        { ...exchange, direct: true, inherited: false, assignedAt: expect.any(String) },
      ].sort((x, y) => (String(x.displayName) < String(y.displayName) ? -1 : 1)),
    );
    expect(a?.licenseCount).toBe(2);
    expect(new Date(a?.licenses[0]?.assignedAt ?? 0).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(b?.licenses).toEqual([
      { ...pbi, direct: false, inherited: true, assignedAt: inherited.createdAt.toISOString() },
    ]);
    // No usage location: the inherited assignment is in error and holds nothing.
    expect(c?.licenses).toEqual([]);
    expect(c?.licenseCount).toBe(0);
    // The single-user read (Prisma) answers exactly what the list statement does.
    for (const listed of page.items) {
      expect(await ok<User>(as(t.app, admin).get(`${base()}/users/${listed.id}`))).toEqual(listed);
    }
  });

  it("holderCounts: the holders users?skuId lists, how many directly and how many through a group", async () => {
    const counts = await ok<{ skuId: string; total: number; direct: number; inherited: number }>(
      as(t.app, admin).get(`${base()}/licenses/holderCounts?skuId=${sku.POWER_BI_PRO}`),
    );
    const holders = await walkUsers(`skuId=${sku.POWER_BI_PRO}`);
    const held = holders.map((u) => u.licenses.find((license) => license.skuId === sku.POWER_BI_PRO));
    expect(counts).toEqual({
      skuId: sku.POWER_BI_PRO,
      total: holders.length,
      direct: held.filter((license) => license?.direct).length,
      inherited: held.filter((license) => license?.inherited).length,
    });
    expect(counts.direct).toBeGreaterThan(0);
    expect(counts.inherited).toBeGreaterThan(0);
    expect(counts.direct + counts.inherited).toBeGreaterThan(counts.total);
    const consumed = (
      await ok<{ value: SubscribedSku[] }>(as(t.app, admin).get(`${base()}/subscribedSkus`))
    ).value.find((s) => s.skuPartNumber === "POWER_BI_PRO")?.consumedUnits;
    expect(counts.total).toBe(consumed);
    // Any letter case; unknown 404, malformed or missing 400; makers may not read the directory.
    expect(
      await ok(as(t.app, admin).get(`${base()}/licenses/holderCounts?skuId=${sku.POWER_BI_PRO?.toUpperCase()}`)),
    ).toEqual(counts);
    const unknown = randomUUID();
    const body = expectProblem(
      await as(t.app, admin).get(`${base()}/licenses/holderCounts?skuId=${unknown}`),
      404,
      "NotFound",
    );
    expect(body.errors).toMatchObject([{ path: "querystring.skuId", skuId: unknown }]);
    expectProblem(await as(t.app, admin).get(`${base()}/licenses/holderCounts?skuId=nope`), 400, "ValidationFailed");
    expectProblem(await as(t.app, admin).get(`${base()}/licenses/holderCounts`), 400, "ValidationFailed");
    const maker = await login(t.app, "maker@contoso.test");
    expectProblem(
      await as(t.app, maker).get(`${base()}/licenses/holderCounts?skuId=${sku.POWER_BI_PRO}`),
      403,
      "Forbidden",
    );
  });
});

describe("users/ids", () => {
  let prefix: string;
  beforeAll(async () => {
    prefix = prefixed("Idsview");
    for (let i = 0; i < 7; i++) {
      await makeUser(t.db, t.tenants.contoso, { displayName: `${prefix} ${i % 3}` });
    }
    await makeUser(t.db, t.tenants.contoso, {
      displayName: `${prefix} gone`,
      deletedAt: new Date(Date.now() - DAY_MS),
    });
  });

  it("answers the ids the list pages through, in the same order, for each of the list's filters", async () => {
    const queries = [
      "",
      `search=${encodeURIComponent(prefix)}`,
      "search=an",
      "search=contoso.test",
      `skuId=${sku.SPE_E3}`,
      `skuId=${sku.EXCHANGESTANDARD}&type=member`,
      "type=guest",
      "type=member&licensed=false",
      "role=licenseAdmin",
      "role=member",
      "licensed=true",
      "deleted=true",
      `deleted=true&search=${encodeURIComponent(prefix)}`,
    ];
    for (const query of queries) {
      const listed = (await walkUsers(query)).map((u) => u.id);
      const answer = await userIds(query);
      expect(answer, query).toEqual({ ids: listed, truncated: false });
    }
    const mine = await userIds(`search=${encodeURIComponent(prefix)}`);
    expect(mine.ids).toHaveLength(7);
    expect((await userIds(`search=${encodeURIComponent(prefix)}&deleted=true`)).ids).toHaveLength(1);
  });

  it("never includes another tenant's users", async () => {
    const fabrikam = new Set(
      (await t.db.user.findMany({ where: { tenantId: t.tenants.fabrikam }, select: { id: true } })).map((u) => u.id),
    );
    expect(fabrikam.size).toBeGreaterThan(100);
    for (const query of ["", "deleted=true", `skuId=${sku.POWER_BI_PRO}`, "search=fabrikam.test", "type=guest"]) {
      const { ids } = await userIds(query);
      expect(
        ids.filter((id) => fabrikam.has(id)),
        query,
      ).toEqual([]);
    }
    expect((await userIds("search=fabrikam.test")).ids).toEqual([]);
    const someone = await t.db.user.findFirstOrThrow({ where: { tenantId: t.tenants.fabrikam } });
    expect((await userIds(`search=${encodeURIComponent(someone.email)}`)).ids).toEqual([]);
  });

  it("takes the list's filters only: paging parameters and unknown ones are 400", async () => {
    for (const query of ["limit=10", "cursor=abc", "foo=1", "type=robot", "licensed=yes", "role=king"]) {
      expectProblem(await as(t.app, admin).get(`${base()}/users/ids?${query}`), 400, "ValidationFailed");
    }
    const maker = await login(t.app, "maker@contoso.test");
    expectProblem(await as(t.app, maker).get(`${base()}/users/ids`), 403, "Forbidden");
  });
});

describe("licenses/selection", () => {
  const url = () => `${base()}/licenses/selection`;
  const select = (ids: string[], session = admin) => as(t.app, session).post(url(), { userIds: ids });

  it("counts, per product, the users holding it directly and in effect", async () => {
    const direct = await makeUser(t.db, t.tenants.contoso);
    const inherited = await makeUser(t.db, t.tenants.contoso);
    const both = await makeUser(t.db, t.tenants.contoso);
    const inError = await makeUser(t.db, t.tenants.contoso, { usageLocation: null });
    const unlicensed = await makeUser(t.db, t.tenants.contoso);
    await assign(direct.id, [sku.POWER_BI_PRO as string]);
    await assign(both.id, [sku.POWER_BI_PRO as string, sku.EXCHANGESTANDARD as string]);
    const group = await makeGroup(t.db, t.tenants.contoso, [inherited.id, both.id, inError.id]);
    await assignGroup(group.id, [sku.POWER_BI_PRO as string]);

    // A deleted user with a license row left behind, a Fabrikam holder and an unknown id: none of them count.
    const deleted = await makeUser(t.db, t.tenants.contoso, { deletedAt: new Date(Date.now() - DAY_MS) });
    await t.db.licenseAssignment.create({
      data: {
        tenantId: t.tenants.contoso,
        userId: deleted.id,
        productId: productIdOf.POWER_BI_PRO as string,
        disabledServicePlanIds: [],
      },
    });
    const fabrikamHolder = await t.db.licenseAssignment.findFirstOrThrow({
      where: { tenantId: t.tenants.fabrikam, productId: productIdOf.POWER_BI_PRO, assignedByGroupId: null },
    });

    const ids = [direct, inherited, both, inError, unlicensed].map((u) => u.id);
    const answer = await ok<LicenseSelection>(
      select([...ids, deleted.id, fabrikamHolder.userId, randomUUID()].map((id, i) => (i % 2 ? id.toUpperCase() : id))),
    );
    expect(answer.users).toBe(5);
    const expected = [
      { skuId: sku.POWER_BI_PRO, directHolders: 2, holders: 3 },
      { skuId: sku.EXCHANGESTANDARD, directHolders: 1, holders: 1 },
    ].sort((a, b) => ((a.skuId as string) < (b.skuId as string) ? -1 : 1));
    expect(answer.value).toEqual(expected);

    // One user at a time: the tri-state's building blocks.
    expect((await ok<LicenseSelection>(select([inherited.id]))).value).toEqual([
      { skuId: sku.POWER_BI_PRO, directHolders: 0, holders: 1 },
    ]);
    expect(await ok<LicenseSelection>(select([inError.id]))).toEqual({ users: 1, value: [] });
    expect(await ok<LicenseSelection>(select([unlicensed.id]))).toEqual({ users: 1, value: [] });
    expect(await ok<LicenseSelection>(select([deleted.id, fabrikamHolder.userId]))).toEqual({ users: 0, value: [] });
  });

  it("reads only: any directory reader may ask, a maker may not; nothing is written", async () => {
    const user = await makeUser(t.db, t.tenants.contoso);
    const readers = await Promise.all(
      ["billing@contoso.test", "helpdesk@contoso.test", "service@contoso.test"].map((email) => login(t.app, email)),
    );
    const maker = await login(t.app, "maker@contoso.test");
    const audits = await t.db.auditEvent.count();
    for (const reader of readers) {
      expect((await ok<LicenseSelection>(select([user.id], reader))).users).toBe(1);
    }
    expectProblem(await select([user.id], maker), 403, "Forbidden");
    expect(await t.db.auditEvent.count()).toBe(audits);
  });

  it("bad input is 400", async () => {
    const user = await makeUser(t.db, t.tenants.contoso);
    const api = as(t.app, admin);
    for (const body of [
      { userIds: [] },
      { userIds: [user.id, user.id] },
      { userIds: [user.id, user.id.toUpperCase()] },
      { userIds: ["nope"] },
      { userIds: Array.from({ length: 10_001 }, () => randomUUID()) },
      { userIds: [user.id], add: [] },
      {},
      { userIds: user.id },
    ]) {
      expectProblem(await api.post(url(), body), 400, "ValidationFailed");
    }
    expectProblem(await api.post(`${url()}?dryRun=true`, { userIds: [user.id] }), 400, "ValidationFailed");
  });
});

describe("more users than a bulk change takes (runs last: it adds 10,001 users)", { timeout: 120_000 }, () => {
  it("users/ids answers the first 10,000 in list order and says truncated; exactly 10,000 is not truncated", async () => {
    const tag = randomUUID().slice(0, 8);
    await t.db.$executeRaw`
      INSERT INTO "User" (id, "tenantId", "displayName", email, "usageLocation", "updatedAt")
      SELECT gen_random_uuid(), ${t.tenants.contoso}::uuid, 'Bulkfill ' || lpad(g::text, 5, '0'),
             'bulkfill-' || g || '-' || ${tag} || '@contoso.test', 'NL', now()
        FROM generate_series(1, 10001) AS g`;
    const expected = await t.db.user.findMany({
      where: { tenantId: t.tenants.contoso, displayName: { startsWith: "Bulkfill " } },
      orderBy: [{ displayName: "asc" }, { id: "asc" }],
      select: { id: true, displayName: true },
    });
    expect(expected).toHaveLength(10_001);

    const all = await userIds("search=Bulkfill");
    expect(all.truncated).toBe(true);
    expect(all.ids).toHaveLength(10_000);
    expect(all.ids).toEqual(expected.slice(0, 10_000).map((u) => u.id));
    expect(new Set(all.ids).size).toBe(10_000);
    expect((await userIds("")).truncated).toBe(true);
    expect((await userIds("")).ids).toHaveLength(10_000);
    // Short searches take the other plan; same answer.
    expect((await userIds("search=Bu")).truncated).toBe(true);

    const last = expected.at(-1) as { id: string };
    await t.db.user.update({ where: { id: last.id }, data: { deletedAt: new Date() } });
    const exactly = await userIds("search=Bulkfill");
    expect(exactly.truncated).toBe(false);
    expect(exactly.ids).toEqual(all.ids);

    // 10,000 ids are what a bulk change takes: the selection counts them all.
    const selection = await ok<LicenseSelection>(
      as(t.app, admin).post(`${base()}/licenses/selection`, { userIds: exactly.ids }),
    );
    expect(selection).toEqual({ users: 10_000, value: [] });
  });
});
