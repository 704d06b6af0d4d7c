import { randomUUID } from "node:crypto";
import type {
  BulkLicenseReport,
  LicenseConflictReport,
  LicenseRequestPage,
  LicenseSelection,
  ReclaimCandidate,
  ReclaimPage,
  SubscribedSku,
  User,
  UserIds,
} from "@allot/contracts";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertSeatCountersMatchHolders, DAY_MS, type MadeUser, makeGroup, makeUser } from "./fixtures.js";
import { as, createTestApp, login, problem, type Session, type TestApp, walkPages } from "./helpers.js";

/**
 * The read views behind the licensing pages: users holding a product (users?skuId), "select all that match"
 * (users/ids), the tri-state of a selection (licenses/selection), the Reclaim page (licenses/reclaimCandidates),
 * the requests inbox (licenseRequests), the per-user deltas of a bulk report, list prices, and the seeded
 * Fabrikam conflict.
 */

let t: TestApp;
let admin: Session;
let sku: Record<string, string>;
let productIdOf: Record<string, string>;
let planIds: Record<string, string[]>;
/** A user product that costs nothing (like a free trial SKU), made for the Reclaim tests. */
const FREE = { skuId: randomUUID(), skuPartNumber: `FREE_TEST_${randomUUID().slice(0, 8).toUpperCase()}` };

const base = () => `/api/tenants/${t.tenants.contoso}`;

beforeAll(async () => {
  t = await createTestApp();
  // Before the first licensing request, so the catalog the app keeps in memory has it.
  const free = await t.db.product.create({
    data: {
      skuId: FREE.skuId,
      skuPartNumber: FREE.skuPartNumber,
      displayName: "Free test product",
      kind: "user",
      pricePerSeatMonthCents: 0,
    },
  });
  await t.db.subscription.create({
    data: {
      tenantId: t.tenants.contoso,
      productId: free.id,
      seats: 100,
      source: "admin",
      termStartsAt: new Date(Date.now() - 10 * DAY_MS),
      termEndsAt: new Date(Date.now() + 300 * DAY_MS),
    },
  });
  await t.db.tenantProduct.create({ data: { tenantId: t.tenants.contoso, productId: free.id } });
  admin = await login(t.app, "admin@contoso.test");
  const products = await t.db.product.findMany({
    select: { id: true, skuId: true, skuPartNumber: true, servicePlans: { select: { servicePlanId: true } } },
  });
  sku = Object.fromEntries(products.map((p) => [p.skuPartNumber, p.skuId]));
  productIdOf = Object.fromEntries(products.map((p) => [p.skuPartNumber, p.id]));
  planIds = Object.fromEntries(products.map((p) => [p.skuPartNumber, p.servicePlans.map((s) => s.servicePlanId)]));
});
afterAll(() => t?.close());

async function ok<T>(response: Promise<LightMyRequestResponse> | LightMyRequestResponse, status = 200): Promise<T> {
  const answer = await response;
  expect(answer.statusCode, answer.body).toBe(status);
  return answer.json() as T;
}

function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(problem(response).code, response.body).toBe(code);
  return problem(response);
}

async function assign(userId: string, skus: string[], session = admin) {
  await ok(
    as(t.app, session).post(`${base()}/users/${userId}/assignLicense`, {
      addLicenses: skus.map((skuId) => ({ skuId })),
      removeLicenses: [],
    }),
  );
}

async function assignGroup(groupId: string, skus: string[]) {
  await ok(
    as(t.app, admin).post(`${base()}/groups/${groupId}/assignLicense`, {
      addLicenses: skus.map((skuId) => ({ skuId })),
      removeLicenses: [],
    }),
  );
}

const prefixed = (label: string) => `${label} ${randomUUID().slice(0, 8)}`;

const listUsers = (query: string) =>
  ok<{ items: User[]; nextCursor: string | null }>(as(t.app, admin).get(`${base()}/users?${query}`));
const walkUsers = (query: string, limit = 200) => walkPages(listUsers, query, limit, 200);
const userIds = (query: string) => ok<UserIds>(as(t.app, admin).get(`${base()}/users/ids?${query}`));

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

describe("licenses/reclaimCandidates", () => {
  const url = () => `${base()}/licenses/reclaimCandidates`;
  const reclaim = (query = "", session = admin) => ok<ReclaimPage>(as(t.app, session).get(`${url()}?${query}`));
  let u: Record<string, MadeUser>;
  const now = Date.now();
  /** Several users inactive since the very same instant: their order (and paging across them) is by id. */
  const tie = new Date(now - 150 * DAY_MS);

  beforeAll(async () => {
    const make = async (
      label: string,
      times: { lastSignInAt: Date | null; createdAt: Date },
      direct: string[],
      location: string | null = "NL",
    ) => {
      const user = await makeUser(t.db, t.tenants.contoso, {
        displayName: `Reclaim ${label}`,
        usageLocation: location,
      });
      if (direct.length > 0) await assign(user.id, direct);
      await t.db.user.update({ where: { id: user.id }, data: times });
      return user;
    };
    const PBI = sku.POWER_BI_PRO as string;
    const EXO = sku.EXCHANGESTANDARD as string;
    u = {
      old: await make("old", { lastSignInAt: new Date(now - 120 * DAY_MS), createdAt: new Date(now - 400 * DAY_MS) }, [
        PBI,
        EXO,
      ]),
      yesterday: await make(
        "yesterday",
        { lastSignInAt: new Date(now - DAY_MS), createdAt: new Date(now - 400 * DAY_MS) },
        [PBI],
      ),
      never: await make("never", { lastSignInAt: null, createdAt: new Date(now - 100 * DAY_MS) }, [PBI]),
      neverRecent: await make("never recent", { lastSignInAt: null, createdAt: new Date(now - 10 * DAY_MS) }, [PBI]),
      freeOnly: await make("free only", { lastSignInAt: null, createdAt: new Date(now - 300 * DAY_MS) }, [FREE.skuId]),
      paidAndFree: await make(
        "paid and free",
        { lastSignInAt: new Date(now - 200 * DAY_MS), createdAt: new Date(now - 300 * DAY_MS) },
        [FREE.skuId, EXO],
      ),
      inheritedOnly: await make(
        "inherited only",
        { lastSignInAt: new Date(now - 300 * DAY_MS), createdAt: new Date(now - 300 * DAY_MS) },
        [],
      ),
      unlicensed: await make(
        "unlicensed",
        { lastSignInAt: new Date(now - 300 * DAY_MS), createdAt: new Date(now - 300 * DAY_MS) },
        [],
      ),
      tie1: await make("tie 1", { lastSignInAt: null, createdAt: tie }, [EXO]),
      tie2: await make("tie 2", { lastSignInAt: null, createdAt: tie }, [EXO]),
      tie3: await make("tie 3", { lastSignInAt: tie, createdAt: new Date(now - 300 * DAY_MS) }, [EXO]),
    };
    const group = await makeGroup(t.db, t.tenants.contoso, [(u.inheritedOnly as MadeUser).id]);
    await assignGroup(group.id, [PBI]);
    // Deleted users are not candidates, however long inactive.
    const deleted = await make(
      "deleted",
      { lastSignInAt: new Date(now - 300 * DAY_MS), createdAt: new Date(now - 300 * DAY_MS) },
      [],
    );
    await t.db.user.update({ where: { id: deleted.id }, data: { deletedAt: new Date(now - DAY_MS) } });
    await t.db.licenseAssignment.create({
      data: {
        tenantId: t.tenants.contoso,
        userId: deleted.id,
        productId: productIdOf.POWER_BI_PRO as string,
        disabledServicePlanIds: [],
      },
    });
    u.deleted = deleted;
  });

  /** Every candidate, computed here from the rows: live users inactive since before `since` with paid direct licenses. */
  async function expectedCandidates(since: Date) {
    const users = await t.db.user.findMany({
      where: { tenantId: t.tenants.contoso, deletedAt: null },
      select: {
        id: true,
        lastSignInAt: true,
        createdAt: true,
        licenseAssignments: {
          where: { assignedByGroupId: null, product: { pricePerSeatMonthCents: { gt: 0 } } },
          select: { product: { select: { skuId: true, skuPartNumber: true, pricePerSeatMonthCents: true } } },
        },
      },
    });
    return users
      .map((user) => ({
        id: user.id,
        inactiveSince: (user.lastSignInAt ?? user.createdAt).getTime(),
        licenses: user.licenseAssignments.map((l) => l.product),
      }))
      .filter((user) => user.inactiveSince < since.getTime() && user.licenses.length > 0)
      .sort((a, b) => a.inactiveSince - b.inactiveSince || (a.id < b.id ? -1 : 1));
  }

  const walk = (query: string, limit: number) =>
    walkPages<ReclaimCandidate>(
      async (q) => {
        const page = await reclaim(q);
        return page;
      },
      query,
      limit,
      1000,
    );

  it("defaults to 90 days: the longest inactive first, with their paid direct licenses and totals over all", async () => {
    const page = await reclaim();
    expect(page.inactiveSince).toBe(new Date(t.clock.now().getTime() - 90 * DAY_MS).toISOString());
    expect(page.currency).toBe("EUR");
    const expected = await expectedCandidates(new Date(page.inactiveSince));
    // The seeded directory has inactive license holders of its own (generated people's sign-in history).
    expect(expected.length).toBeGreaterThan(15);
    expect(page.totalUsers).toBe(expected.length);
    const cents = expected.reduce((sum, c) => sum + c.licenses.reduce((s, l) => s + l.pricePerSeatMonthCents, 0), 0);
    expect(page.totalMonthlyCostCents).toBe(cents);
    expect(page.items.map((c) => c.id)).toEqual(expected.slice(0, 50).map((c) => c.id));

    const all = await walk("", 200);
    const ids = all.map((c) => c.id);
    expect(ids).toEqual(expected.map((c) => c.id));
    for (const name of ["old", "never", "paidAndFree", "tie1", "tie2", "tie3"]) {
      expect(ids, name).toContain(u[name]?.id);
    }
    for (const name of ["yesterday", "neverRecent", "freeOnly", "inheritedOnly", "unlicensed", "deleted"]) {
      expect(ids, name).not.toContain(u[name]?.id);
    }
    const byId = new Map(all.map((c) => [c.id, c]));
    expect(byId.get(u.old?.id as string)).toEqual({
      id: u.old?.id,
      displayName: "Reclaim old",
      email: u.old?.email,
      userType: "member",
      lastSignInAt: new Date(now - 120 * DAY_MS).toISOString(),
      createdAt: new Date(now - 400 * DAY_MS).toISOString(),
      licenses: [
        {
          skuId: sku.EXCHANGESTANDARD,
          skuPartNumber: "EXCHANGESTANDARD",
          displayName: expect.any(String),
          monthlyCents: 380,
        },
        {
          skuId: sku.POWER_BI_PRO,
          skuPartNumber: "POWER_BI_PRO",
          displayName: expect.any(String),
          monthlyCents: 1_310,
        },
      ],
      monthlyCostCents: 1_690,
    });
    // Never signed in: inactive since creation. Free licenses are not listed nor priced.
    expect(byId.get(u.never?.id as string)).toMatchObject({ lastSignInAt: null, monthlyCostCents: 1_310 });
    expect(byId.get(u.paidAndFree?.id as string)?.licenses.map((l) => l.skuId)).toEqual([sku.EXCHANGESTANDARD]);
    expect(byId.get(u.paidAndFree?.id as string)?.monthlyCostCents).toBe(380);
    expect(all.reduce((sum, c) => sum + c.monthlyCostCents, 0)).toBe(page.totalMonthlyCostCents);
  });

  it("keyset pages are stable: one at a time, across users inactive since the same instant, no repeat or gap", async () => {
    const whole = (await walk("inactiveDays=120", 200)).map((c) => c.id);
    const one = (await walk("inactiveDays=120", 1)).map((c) => c.id);
    const three = (await walk("inactiveDays=120", 3)).map((c) => c.id);
    expect(one).toEqual(whole);
    expect(three).toEqual(whole);
    const ties = [u.tie1, u.tie2, u.tie3].map((x) => x?.id as string).sort();
    const at = whole.indexOf(ties[0] as string);
    expect(whole.slice(at, at + 3)).toEqual(ties);
    // Every page reports the totals of all candidates.
    const first = await reclaim("inactiveDays=120&limit=2");
    const second = await reclaim(`inactiveDays=120&limit=2&cursor=${encodeURIComponent(first.nextCursor as string)}`);
    expect(second.totalUsers).toBe(first.totalUsers);
    expect(second.totalMonthlyCostCents).toBe(first.totalMonthlyCostCents);
    expect(first.totalUsers).toBe(whole.length);
    // A new candidate inactive longer than the pages already read does not shift the pages after them.
    const late = await makeUser(t.db, t.tenants.contoso, { displayName: "Reclaim late" });
    await assign(late.id, [sku.EXCHANGESTANDARD as string]);
    await t.db.user.update({ where: { id: late.id }, data: { lastSignInAt: new Date(now - 1000 * DAY_MS) } });
    const rest: string[] = [];
    for (let cursor = first.nextCursor; cursor !== null; ) {
      const page = await reclaim(`inactiveDays=120&limit=5&cursor=${encodeURIComponent(cursor)}`);
      rest.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    }
    expect(rest).toEqual(whole.slice(2));
  });

  it("inactiveDays moves the line: 5 days takes in the recently created never-signed-in user, 3650 almost nobody", async () => {
    const five = (await walk("inactiveDays=5", 200)).map((c) => c.id);
    expect(five).toContain(u.neverRecent?.id);
    expect(five).not.toContain(u.yesterday?.id);
    expect(five).toEqual((await expectedCandidates(new Date(t.clock.now().getTime() - 5 * DAY_MS))).map((c) => c.id));
    const page = await reclaim("inactiveDays=3650");
    expect(page).toMatchObject({ items: [], totalUsers: 0, totalMonthlyCostCents: 0, nextCursor: null });
    expect((await reclaim("inactiveDays=1")).totalUsers).toBeGreaterThan(page.totalUsers);
  });

  it("inactivity is measured at the app clock: 10 days on, yesterday's sign-in is 11 days old", async () => {
    const start = t.clock.now();
    try {
      t.clock.advanceDays(10);
      const page = await reclaim("inactiveDays=5");
      expect(page.inactiveSince).toBe(new Date(start.getTime() + 5 * DAY_MS).toISOString());
      const ids = (await walk("inactiveDays=5", 200)).map((c) => c.id);
      expect(ids).toContain(u.yesterday?.id);
      expect(ids).toEqual((await expectedCandidates(new Date(page.inactiveSince))).map((c) => c.id));
    } finally {
      t.clock.set(start);
    }
  });

  it("bad query is 400: inactiveDays 0, 3651, abc, 1.5, -1, empty; bad limit, cursor, unknown parameter", async () => {
    for (const query of [
      "inactiveDays=0",
      "inactiveDays=3651",
      "inactiveDays=abc",
      "inactiveDays=1.5",
      "inactiveDays=-1",
      "inactiveDays=",
      "inactiveDays=1e2",
      "inactiveDays=90&inactiveDays=30",
      "limit=0",
      "limit=201",
      "cursor=garbage",
      `cursor=${Buffer.from(JSON.stringify(["x", "y"])).toString("base64url")}`,
      "status=pending",
    ]) {
      expectProblem(await as(t.app, admin).get(`${url()}?${query}`), 400, "ValidationFailed");
    }
  });

  it("directory readers see it; a maker does not", async () => {
    for (const email of ["billing@contoso.test", "licenses@contoso.test", "service@contoso.test"]) {
      expect((await reclaim("limit=1", await login(t.app, email))).items).toHaveLength(1);
    }
    expectProblem(await as(t.app, await login(t.app, "maker@contoso.test")).get(url()), 403, "Forbidden");
  });
});

describe("licenseRequests", () => {
  const url = () => `${base()}/licenseRequests`;
  const list = (query = "", session = admin) => ok<LicenseRequestPage>(as(t.app, session).get(`${url()}?${query}`));
  let ids: Record<string, string>;
  let maker: { id: string; displayName: string; email: string };

  beforeAll(async () => {
    expect(await t.db.licenseRequest.count()).toBe(0);
    maker = await t.db.user.findUniqueOrThrow({
      where: { email: "maker@contoso.test" },
      select: { id: true, displayName: true, email: true },
    });
    const other = await makeUser(t.db, t.tenants.contoso, { displayName: "Requester two" });
    const fabrikamUser = await makeUser(t.db, t.tenants.fabrikam);
    const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3_600_000);
    const create = async (
      name: string,
      data: {
        tenantId?: string;
        requesterUserId?: string;
        sku: string;
        status: "pending" | "approved" | "denied" | "cancelled";
        createdAt: Date;
        message?: string;
      },
    ) => {
      const row = await t.db.licenseRequest.create({
        data: {
          tenantId: data.tenantId ?? t.tenants.contoso,
          requesterUserId: data.requesterUserId ?? maker.id,
          productId: productIdOf[data.sku] as string,
          status: data.status,
          message: data.message ?? null,
          createdAt: data.createdAt,
          ...(data.status === "pending"
            ? {}
            : { decidedAt: new Date(data.createdAt.getTime() + 60_000), decidedByUserId: admin.me.user.id }),
        },
      });
      ids[name] = row.id;
    };
    ids = {};
    const same = at(5);
    await create("denied", { sku: "VISIOCLIENT", status: "denied", createdAt: at(6) });
    await create("tieA", { sku: "POWER_BI_PRO", status: "pending", createdAt: same });
    await create("tieB", { sku: "POWER_BI_PRO", status: "pending", createdAt: same, requesterUserId: other.id });
    await create("pendingOld", { sku: "POWER_BI_PRO", status: "pending", createdAt: at(3), message: "For reports" });
    await create("approved", { sku: "EXCHANGESTANDARD", status: "approved", createdAt: at(2) });
    await create("pendingNew", { sku: "VISIOCLIENT", status: "pending", createdAt: at(1) });
    await create("fabrikam", {
      tenantId: t.tenants.fabrikam,
      requesterUserId: fabrikamUser.id,
      sku: "POWER_BI_PRO",
      status: "pending",
      createdAt: at(0.5),
    });
  });

  const newestFirst = () => {
    const [first, second] = [ids.tieA, ids.tieB].sort().reverse();
    return [ids.pendingNew, ids.approved, ids.pendingOld, first, second, ids.denied];
  };

  it("lists the tenant's requests newest first (ties by id), with the total; another tenant's never", async () => {
    const page = await list();
    expect(page.items.map((r) => r.id)).toEqual(newestFirst());
    expect(page.total).toBe(6);
    expect(page.nextCursor).toBeNull();
    expect(page.items.map((r) => r.id)).not.toContain(ids.fabrikam);
    expect(page.items.find((r) => r.id === ids.pendingOld)).toEqual({
      id: ids.pendingOld,
      status: "pending",
      requester: maker,
      skuId: sku.POWER_BI_PRO,
      skuPartNumber: "POWER_BI_PRO",
      productName: expect.any(String),
      message: "For reports",
      createdAt: expect.any(String),
      decidedAt: null,
      decidedBy: null,
      decisionReason: null,
      fulfilledWith: null,
    });
    expect(page.items.find((r) => r.id === ids.approved)).toMatchObject({ status: "approved", message: null });
    expect(page.items.find((r) => r.id === ids.approved)?.decidedAt).toEqual(expect.any(String));
  });

  it("filters by status, the total counting the filter over all pages", async () => {
    const pending = await list("status=pending");
    expect(pending.items.map((r) => r.id)).toEqual(
      newestFirst().filter((id) => id !== ids.approved && id !== ids.denied),
    );
    expect(pending.total).toBe(4);
    expect(await list("status=approved")).toMatchObject({ items: [{ id: ids.approved }], total: 1 });
    expect(await list("status=denied")).toMatchObject({ items: [{ id: ids.denied }], total: 1 });
    expect(await list("status=cancelled")).toEqual({ items: [], nextCursor: null, total: 0 });

    const first = await list("status=pending&limit=1");
    expect(first.total).toBe(4);
    const walked = await walkPages(list, "status=pending", 1, 10);
    expect(walked.map((r) => r.id)).toEqual(pending.items.map((r) => r.id));
    expect((await walkPages(list, "", 2, 10)).map((r) => r.id)).toEqual(newestFirst());
    const second = await list(`status=pending&limit=1&cursor=${encodeURIComponent(first.nextCursor as string)}`);
    expect(second.total).toBe(4);
  });

  it("approvers read it (global, license and user admins, admin agent); billing, helpdesk, service admins and makers get 403", async () => {
    for (const email of ["licenses@contoso.test", "users@contoso.test", "agent@partner.test"]) {
      expect((await list("", await login(t.app, email))).total, email).toBe(6);
    }
    for (const email of [
      "billing@contoso.test",
      "helpdesk@contoso.test",
      "service@contoso.test",
      "maker@contoso.test",
    ]) {
      expectProblem(await as(t.app, await login(t.app, email)).get(url()), 403, "Forbidden");
    }
    const fabrikam = await login(t.app, "admin@fabrikam.test");
    // Contoso is out of the Fabrikam admin's reach altogether.
    expectProblem(await as(t.app, fabrikam).get(url()), 404, "NotFound");
    const own = await ok<LicenseRequestPage>(
      as(t.app, fabrikam).get(`/api/tenants/${t.tenants.fabrikam}/licenseRequests`),
    );
    expect(own.items.map((r) => r.id)).toEqual([ids.fabrikam]);
  });

  it("bad query is 400", async () => {
    for (const query of ["status=open", "status=", "limit=0", "cursor=bad", "page=2"]) {
      expectProblem(await as(t.app, admin).get(`${url()}?${query}`), 400, "ValidationFailed");
    }
  });
});

describe("bulk report: per user, the name and what changes", () => {
  const bulk = (body: unknown) => as(t.app, admin).post(`${base()}/licenses/bulk`, body);

  it("add mode: added, removed and changed skuIds for users who pass and users who are refused", async () => {
    const fresh = await makeUser(t.db, t.tenants.contoso, { displayName: "Report fresh" });
    const noLocation = await makeUser(t.db, t.tenants.contoso, {
      displayName: "Report no location",
      usageLocation: null,
    });
    const holder = await makeUser(t.db, t.tenants.contoso, { displayName: "Report holder" });
    const exchange = await makeUser(t.db, t.tenants.contoso, { displayName: "Report exchange" });
    await assign(holder.id, [sku.POWER_BI_PRO as string]);
    await assign(exchange.id, [sku.EXCHANGESTANDARD as string]);
    const unknown = randomUUID();
    const plan = planIds.POWER_BI_PRO?.[0] as string;

    const report = await ok<BulkLicenseReport>(
      bulk({
        userIds: [fresh.id, noLocation.id, holder.id, unknown],
        add: [{ skuId: sku.POWER_BI_PRO, disabledPlans: [plan] }],
        atomic: false,
      }),
    );
    const swap = await ok<BulkLicenseReport>(
      bulk({
        userIds: [exchange.id, fresh.id],
        add: [{ skuId: sku.VISIOCLIENT }],
        remove: [sku.EXCHANGESTANDARD],
        atomic: false,
        dryRun: true,
      }),
    );
    const byUser = new Map(report.results.map((r) => [r.userId, r]));
    const swapped = new Map(swap.results.map((r) => [r.userId, r]));
    expect(byUser.get(fresh.id)).toEqual({
      userId: fresh.id,
      displayName: "Report fresh",
      ok: true,
      added: [sku.POWER_BI_PRO],
      removed: [],
      changed: [],
    });
    expect(byUser.get(holder.id)).toEqual({
      userId: holder.id,
      displayName: "Report holder",
      ok: true,
      added: [],
      removed: [],
      changed: [sku.POWER_BI_PRO],
    });
    // Visio has no free seat and `fresh` has no Exchange to remove: both refused, each with what was asked.
    expect(swapped.get(exchange.id)).toMatchObject({
      displayName: "Report exchange",
      ok: false,
      added: [sku.VISIOCLIENT],
      removed: [sku.EXCHANGESTANDARD],
      changed: [],
      violations: [{ code: "CountViolation" }],
    });
    expect(swapped.get(fresh.id)).toMatchObject({
      displayName: "Report fresh",
      ok: false,
      added: [sku.VISIOCLIENT],
      removed: [],
      changed: [],
    });
    expect(
      swapped
        .get(fresh.id)
        ?.violations?.map((v) => v.code)
        .sort(),
    ).toEqual(["CountViolation", "NotAssigned"]);
    const swapOk = await ok<BulkLicenseReport>(
      bulk({ userIds: [exchange.id], add: [{ skuId: sku.EXCHANGEENTERPRISE }], remove: [sku.EXCHANGESTANDARD] }),
    );
    expect(swapOk.results).toEqual([
      {
        userId: exchange.id,
        displayName: "Report exchange",
        ok: true,
        added: [sku.EXCHANGEENTERPRISE],
        removed: [sku.EXCHANGESTANDARD],
        changed: [],
      },
    ]);
    // Refused: what the change would have done, beside why not.
    expect(byUser.get(noLocation.id)).toMatchObject({
      displayName: "Report no location",
      ok: false,
      added: [sku.POWER_BI_PRO],
      removed: [],
      changed: [],
      violations: [{ code: "UsageLocationRequired" }],
    });
    expect(byUser.get(unknown)).toMatchObject({
      displayName: null,
      ok: false,
      added: [],
      removed: [],
      changed: [],
      violations: [{ code: "NotFound" }],
    });
    expect(report.summary).toEqual({ users: 4, succeeded: 2, failed: 2 });

    // An atomic refusal carries the same report.
    const other = await makeUser(t.db, t.tenants.contoso, { displayName: "Report other" });
    const refused = await bulk({ userIds: [other.id, noLocation.id], add: [{ skuId: sku.POWER_BI_PRO }] });
    expect(refused.statusCode).toBe(422);
    const refusedReport = (refused.json() as { report: BulkLicenseReport }).report;
    expect(refusedReport.results.find((r) => r.userId === other.id)).toEqual({
      userId: other.id,
      displayName: "Report other",
      ok: true,
      added: [sku.POWER_BI_PRO],
      removed: [],
      changed: [],
    });
    await assertSeatCountersMatchHolders(t.db, t.tenants.contoso);
  });

  it("replace mode: removed lists the direct licenses not kept, for users who pass and users who are refused", async () => {
    const a = await makeUser(t.db, t.tenants.contoso, { displayName: "Replace a" });
    const b = await makeUser(t.db, t.tenants.contoso, { displayName: "Replace b" });
    await assign(a.id, [sku.POWER_BI_PRO as string, sku.EXCHANGESTANDARD as string]);
    await assign(b.id, [sku.EXCHANGESTANDARD as string]);
    await assign(b.id, [sku.EXCHANGEARCHIVE_ADDON as string]);

    const passing = await ok<BulkLicenseReport>(
      bulk({
        userIds: [a.id],
        add: [{ skuId: sku.EXCHANGESTANDARD }, { skuId: sku.VISIOCLIENT }],
        mode: "replace",
        atomic: false,
        dryRun: true,
      }),
    );
    // Visio has no free seat: a refused user, whose report still says what replace would do.
    expect(passing.results[0]).toMatchObject({
      displayName: "Replace a",
      ok: false,
      added: [sku.VISIOCLIENT],
      removed: [sku.POWER_BI_PRO],
      changed: [],
      violations: [{ code: "CountViolation" }],
    });
    const kept = await ok<BulkLicenseReport>(
      bulk({ userIds: [a.id], add: [{ skuId: sku.EXCHANGESTANDARD }], mode: "replace", atomic: false, dryRun: true }),
    );
    expect(kept.results[0]).toEqual({
      userId: a.id,
      displayName: "Replace a",
      ok: true,
      added: [],
      removed: [sku.POWER_BI_PRO],
      changed: [],
    });
    // Keeping only the archive add-on would drop the Exchange plan it needs: refused, and it would not remove the
    // add-on itself.
    const orphan = await ok<BulkLicenseReport>(
      bulk({ userIds: [b.id], add: [{ skuId: sku.EXCHANGEARCHIVE_ADDON }], mode: "replace", atomic: false }),
    );
    expect(orphan.results[0]).toMatchObject({
      displayName: "Replace b",
      ok: false,
      added: [],
      removed: [sku.EXCHANGESTANDARD],
      changed: [],
      violations: [{ code: "DependencyViolation" }],
    });
    // replace with nothing removes every direct license.
    const cleared = await ok<BulkLicenseReport>(bulk({ userIds: [a.id], mode: "replace", atomic: false }));
    expect(cleared.results[0]).toMatchObject({ ok: true, added: [], changed: [] });
    expect([...(cleared.results[0]?.removed ?? [])].sort()).toEqual(
      [sku.EXCHANGESTANDARD as string, sku.POWER_BI_PRO as string].sort(),
    );
    expect(await t.db.licenseAssignment.count({ where: { userId: a.id } })).toBe(0);
    await assertSeatCountersMatchHolders(t.db, t.tenants.contoso);
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
