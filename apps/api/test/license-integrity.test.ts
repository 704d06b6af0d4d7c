import type { GroupLicenses, LicenseDetails, LicensedUser, RestoredUser, SubscribedSku } from "@allot/contracts";
import type { Db } from "@allot/db";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { auditOf, makeUser } from "./fixtures.js";
import { as, createTestApp, login, problem, type Session, type TestApp } from "./helpers.js";

/**
 * Integrity across paths: what restore, group membership and group changes may not do to a user's license set
 * (an add-on without its base, licenses a role may not give, a location a license is not sold in), and the audit
 * trail they leave. Each scenario puts back the seats and subscription states it changes.
 */

let t: TestApp;
let admin: Session;
let userAdmin: Session;
let products: Map<string, { id: string; skuId: string; plans: string[] }>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, "admin@contoso.test");
  userAdmin = await login(t.app, "users@contoso.test");
  const rows = await t.db.product.findMany({
    select: {
      id: true,
      skuId: true,
      skuPartNumber: true,
      servicePlans: { select: { servicePlanId: true }, orderBy: { servicePlanId: "asc" } },
    },
  });
  products = new Map(
    rows.map((p) => [p.skuPartNumber, { id: p.id, skuId: p.skuId, plans: p.servicePlans.map((s) => s.servicePlanId) }]),
  );
});
afterAll(() => t.close());

/** Puts back what a scenario changed in the seeded subscriptions, even when it failed half-way. */
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

const contoso = () => `/api/tenants/${t.tenants.contoso}`;
const product = (sku: string) => {
  const entry = products.get(sku);
  if (!entry) throw new Error(`no product ${sku}`);
  return entry;
};
const skuId = (sku: string) => product(sku).skuId;
const _planOf = (sku: string, index: number) => product(sku).plans[index] as string;

type AddSpec = string | { sku: string; disabledPlans: string[] };
const addLicense = (spec: AddSpec) =>
  typeof spec === "string"
    ? { skuId: skuId(spec), disabledPlans: [] }
    : { skuId: skuId(spec.sku), disabledPlans: spec.disabledPlans };

function assign(session: Session, userId: string, add: AddSpec[], remove: string[] = [], base = contoso()) {
  return as(t.app, session).post(`${base}/users/${userId}/assignLicense`, {
    addLicenses: add.map(addLicense),
    removeLicenses: remove.map(skuId),
  });
}

function assignGroup(session: Session, groupId: string, add: AddSpec[], remove: string[] = []) {
  return as(t.app, session).post(`${contoso()}/groups/${groupId}/assignLicense`, {
    addLicenses: add.map(addLicense),
    removeLicenses: remove.map(skuId),
  });
}

async function ok<T>(response: Promise<LightMyRequestResponse> | LightMyRequestResponse, status = 200): Promise<T> {
  const answer = await response;
  expect(answer.statusCode, answer.body).toBe(status);
  return (answer.body ? answer.json() : undefined) as T;
}

async function newGroup(session: Session = admin): Promise<string> {
  const created = await ok<{ id: string }>(
    as(t.app, session).post(`${contoso()}/groups`, { displayName: `Licensing ${crypto.randomUUID().slice(0, 8)}` }),
    201,
  );
  return created.id;
}

const addMembers = (groupId: string, userIds: string[], session: Session = admin) =>
  as(t.app, session).post(`${contoso()}/groups/${groupId}/members`, { userIds });

async function _skus(base = contoso(), session: Session = admin): Promise<Map<string, SubscribedSku>> {
  const body = await ok<{ value: SubscribedSku[] }>(as(t.app, session).get(`${base}/subscribedSkus`));
  return new Map(body.value.map((s) => [s.skuPartNumber, s]));
}

async function consumed(sku: string, tenantId = t.tenants.contoso): Promise<number> {
  const row = await t.db.tenantProduct.findUnique({
    where: { tenantId_productId: { tenantId, productId: product(sku).id } },
  });
  return row?.consumedUnits ?? 0;
}

async function _details(userId: string, session: Session = admin): Promise<LicenseDetails["value"]> {
  return (await ok<LicenseDetails>(as(t.app, session).get(`${contoso()}/users/${userId}/licenseDetails`))).value;
}

async function statesOf(userId: string): Promise<LicensedUser["licenseAssignmentStates"]> {
  return (await ok<LicensedUser>(as(t.app, admin).get(`${contoso()}/users/${userId}/licenses`)))
    .licenseAssignmentStates;
}

async function groupView(groupId: string): Promise<GroupLicenses> {
  return ok<GroupLicenses>(as(t.app, admin).get(`${contoso()}/groups/${groupId}/licenses`));
}

const rowsOf = (userId: string) =>
  t.db.licenseAssignment.findMany({
    where: { userId },
    select: { productId: true, assignedByGroupId: true, state: true, errorCode: true, disabledServicePlanIds: true },
    orderBy: [{ productId: "asc" }, { assignedByGroupId: "asc" }],
  });

/** Sets the seats of a product's admin subscriptions in a tenant; the old count comes back after the test. */
async function setSeats(sku: string, seats: number, tenantId = t.tenants.contoso) {
  const where = { tenantId, productId: product(sku).id, source: "admin" as const };
  const before = await t.db.subscription.findMany({ where, select: { id: true, seats: true } });
  expect(before.length, `${sku} has one admin subscription`).toBe(1);
  cleanups.push(() => t.db.subscription.update({ where: { id: before[0]?.id }, data: { seats: before[0]?.seats } }));
  await t.db.subscription.updateMany({ where, data: { seats } });
}

async function setState(sku: string, state: "active" | "expired" | "disabled" | "deleted") {
  const where = { tenantId: t.tenants.contoso, productId: product(sku).id };
  const before = await t.db.subscription.findMany({ where, select: { id: true, state: true } });
  cleanups.push(async () => {
    for (const row of before) await t.db.subscription.update({ where: { id: row.id }, data: { state: row.state } });
  });
  await t.db.subscription.updateMany({ where, data: { state } });
}

/** consumedUnits must always equal the number of live users holding the product (a seat each). */
async function assertCountersMatchRows(db: Db = t.db) {
  const rows = await db.$queryRaw<Array<{ tenantId: string; productId: string; consumed: number; holders: number }>>`
    SELECT tp."tenantId"::text AS "tenantId", tp."productId"::text AS "productId", tp."consumedUnits" AS consumed,
           (SELECT COUNT(DISTINCT la."userId") FROM "LicenseAssignment" la JOIN "User" u ON u.id = la."userId"
             WHERE la."tenantId" = tp."tenantId" AND la."productId" = tp."productId" AND la.state <> 'error'
               AND u."deletedAt" IS NULL)::int AS holders
      FROM "TenantProduct" tp`;
  for (const row of rows) expect(row, `product ${row.productId}`).toEqual({ ...row, consumed: row.holders });
}

/** A seeded user holding this product directly (the first by id). */
async function _seededHolderOf(sku: string): Promise<string> {
  const row = await t.db.licenseAssignment.findFirst({
    where: {
      tenantId: t.tenants.contoso,
      productId: product(sku).id,
      assignedByGroupId: null,
      state: "active",
      user: { deletedAt: null },
    },
    orderBy: { userId: "asc" },
    select: { userId: true },
  });
  if (!row) throw new Error(`no holder of ${sku}`);
  return row.userId;
}

describe("license integrity across restore, groups and location changes", () => {
  it("membersAdded / memberRemoved / reprocess / group.deleted audit carry productIds", async () => {
    const group = await newGroup();
    await ok(assignGroup(admin, group, ["POWER_BI_PRO"]));
    const user = await makeUser(t.db, t.tenants.contoso);
    const added = await addMembers(group, [user.id]);
    const removed = await as(t.app, admin).delete(`${contoso()}/groups/${group}/members/${user.id}`);
    await ok(addMembers(group, [user.id]), 204);
    const reprocessed = await as(t.app, admin).post(`${contoso()}/groups/${group}/reprocessLicenseAssignment`);
    const deleted = await as(t.app, admin).delete(`${contoso()}/groups/${group}`);
    const got = {
      added: (await auditOf(t.db, added)).map((e) => [e.action, e.productIds]),
      removed: (await auditOf(t.db, removed)).map((e) => [e.action, e.productIds]),
      reprocessed: (await auditOf(t.db, reprocessed)).map((e) => [e.action, e.productIds]),
      deleted: (await auditOf(t.db, deleted)).map((e) => [e.action, e.productIds]),
    };
    const pbi = product("POWER_BI_PRO").id;
    // The group's event, and one per member whose inherited licenses changed (reprocess had nothing to do).
    const member = () => ["user.inheritedLicensesChanged", [pbi]];
    expect(got).toEqual({
      added: [member(), ["group.membersAdded", [pbi]]],
      removed: [member(), ["group.memberRemoved", [pbi]]],
      reprocessed: [["group.licensesReprocessed", []]],
      deleted: [member(), ["group.deleted", [pbi]]],
    });
  });

  it("restore never leaves an add-on without its prerequisite", async () => {
    const user = await makeUser(t.db, t.tenants.contoso);
    await ok(assign(admin, user.id, ["SPE_E3", "EXCHANGEARCHIVE_ADDON"]));
    expect((await as(t.app, admin).delete(`${contoso()}/users/${user.id}`)).statusCode).toBe(204);
    await setSeats("SPE_E3", await consumed("SPE_E3"));
    const _restored = await ok<RestoredUser>(as(t.app, admin).post(`${contoso()}/users/${user.id}/restore`));
    const rows = await rowsOf(user.id);
    const held = new Set(rows.filter((r) => r.state !== "error").map((r) => r.productId));
    // Archive needs E3 or an Exchange plan: held without one breaks DependencyViolation.
    if (held.has(product("EXCHANGEARCHIVE_ADDON").id)) {
      expect(
        ["SPE_E3", "O365_BUSINESS_PREMIUM", "EXCHANGESTANDARD", "EXCHANGEENTERPRISE"].some((s) =>
          held.has(product(s).id),
        ),
      ).toBe(true);
    }
    // Put back: free the archive seat.
    await t.db.licenseAssignment.deleteMany({ where: { userId: user.id } });
    await t.db.tenantProduct.update({
      where: { tenantId_productId: { tenantId: t.tenants.contoso, productId: product("EXCHANGEARCHIVE_ADDON").id } },
      data: { consumedUnits: { decrement: held.size } },
    });
  });

  it("restore of a license whose subscriptions are disabled reports SubscriptionNotUsable", async () => {
    const user = await makeUser(t.db, t.tenants.contoso);
    await ok(assign(admin, user.id, ["EXCHANGEENTERPRISE"]));
    expect((await as(t.app, admin).delete(`${contoso()}/users/${user.id}`)).statusCode).toBe(204);
    await setState("EXCHANGEENTERPRISE", "disabled");
    const restored = await ok<RestoredUser>(as(t.app, admin).post(`${contoso()}/users/${user.id}/restore`));
    expect(restored.licensesNotRestored.map((l) => l.code)).toEqual(["SubscriptionNotUsable"]);
  });

  it("restore reports a product once when both its direct and inherited assignments could not come back", async () => {
    const user = await makeUser(t.db, t.tenants.contoso);
    await setSeats("VISIOCLIENT", 6);
    await ok(assign(admin, user.id, ["VISIOCLIENT"]));
    const group = await newGroup();
    await ok(assignGroup(admin, group, ["VISIOCLIENT"]));
    await ok(addMembers(group, [user.id]), 204);
    expect((await as(t.app, admin).delete(`${contoso()}/users/${user.id}`)).statusCode).toBe(204);
    await t.db.subscription.updateMany({
      where: { tenantId: t.tenants.contoso, productId: product("VISIOCLIENT").id },
      data: { seats: 5 },
    });
    const restored = await ok<RestoredUser>(as(t.app, admin).post(`${contoso()}/users/${user.id}/restore`));
    await ok(assignGroup(admin, group, [], ["VISIOCLIENT"]));
    expect(restored.licensesNotRestored).toHaveLength(1);
  });

  it("an inherited error row is no longer Error once the user holds the product (directly)", async () => {
    const user = await makeUser(t.db, t.tenants.contoso);
    const group = await newGroup();
    await ok(addMembers(group, [user.id]), 204);
    await ok(assignGroup(admin, group, ["VISIOCLIENT"]));
    expect(await rowsOf(user.id)).toMatchObject([{ state: "error", errorCode: "CountViolation" }]);
    await setSeats("VISIOCLIENT", 6);
    const direct = await ok<LicensedUser>(assign(admin, user.id, ["VISIOCLIENT"]));
    const _view = await groupView(group);
    await ok(assignGroup(admin, group, [], ["VISIOCLIENT"]));
    await ok(assign(admin, user.id, [], ["VISIOCLIENT"]));
    expect(direct.licenseAssignmentStates.every((s) => s.state === "Active")).toBe(true);
  });

  it("a user admin restoring a guest does not hand it licenses only a global admin may give", async () => {
    const guest = await makeUser(t.db, t.tenants.contoso, { userType: "guest" });
    await ok(assign(admin, guest.id, ["POWER_BI_PRO"]));
    expect((await as(t.app, userAdmin).delete(`${contoso()}/users/${guest.id}`)).statusCode).toBe(204);
    const restored = await ok<RestoredUser>(as(t.app, userAdmin).post(`${contoso()}/users/${guest.id}/restore`));
    expect(restored.licenseCount).toBe(0);
  });

  it("a licensed user cannot move to a location where a license it holds is not sold, nor lose its location", async () => {
    const user = await makeUser(t.db, t.tenants.contoso);
    await ok(assign(admin, user.id, ["SPE_E3", "POWER_BI_PRO"]));
    const moved = await as(t.app, admin).patch(`${contoso()}/users/${user.id}`, { usageLocation: "CU" });
    expect(moved.statusCode).toBe(422);
    expect(problem(moved)).toMatchObject({
      code: "ProhibitedInUsageLocationViolation",
      errors: [{ code: "ProhibitedInUsageLocationViolation", skuId: skuId("SPE_E3") }],
    });
    const cleared = await as(t.app, admin).patch(`${contoso()}/users/${user.id}`, { usageLocation: null });
    expect(problem(cleared).code).toBe("UsageLocationRequired");
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).usageLocation).toBe("NL");
    // Where every license is sold, the move is fine.
    expect((await as(t.app, admin).patch(`${contoso()}/users/${user.id}`, { usageLocation: "BE" })).statusCode).toBe(
      200,
    );
    expect((await statesOf(user.id)).every((state) => state.state === "Active")).toBe(true);
  });

  it("inherited license changes leave an audit trail on the user", async () => {
    const user = await makeUser(t.db, t.tenants.contoso);
    const group = await newGroup();
    await ok(assignGroup(admin, group, ["POWER_BI_PRO"]));
    const added = await addMembers(group, [user.id]);
    const events = await auditOf(t.db, added);
    expect(events.some((e) => e.targetId === user.id || JSON.stringify(e.after).includes(user.id))).toBe(true);
    const viaGroupLicense = await assignGroup(admin, group, ["EXCHANGESTANDARD"]);
    const more = await auditOf(t.db, viaGroupLicense);
    expect(more.some((e) => e.targetId === user.id || JSON.stringify(e.after).includes(user.id))).toBe(true);
  });
  it("taking a group's base product away from a user who holds its add-on directly is refused, like removing it directly", async () => {
    const user = await makeUser(t.db, t.tenants.contoso);
    const group = await newGroup();
    await ok(assignGroup(admin, group, ["EXCHANGESTANDARD"]));
    await ok(addMembers(group, [user.id]), 204);
    await ok(assign(admin, user.id, ["EXCHANGEARCHIVE_ADDON"]));
    const before = await rowsOf(user.id);
    const counters = [await consumed("EXCHANGESTANDARD"), await consumed("EXCHANGEARCHIVE_ADDON")];

    const refusals = [
      await as(t.app, admin).delete(`${contoso()}/groups/${group}/members/${user.id}`),
      await assignGroup(admin, group, [], ["EXCHANGESTANDARD"]),
      await as(t.app, admin).delete(`${contoso()}/groups/${group}`),
    ];
    for (const refused of refusals) {
      expect(refused.statusCode).toBe(409);
      expect(problem(refused)).toMatchObject({
        code: "DependencyViolation",
        errors: [{ code: "DependencyViolation", userId: user.id, skuId: skuId("EXCHANGEARCHIVE_ADDON") }],
      });
      expect(await auditOf(t.db, refused)).toEqual([]);
    }
    expect(await rowsOf(user.id)).toEqual(before);
    expect([await consumed("EXCHANGESTANDARD"), await consumed("EXCHANGEARCHIVE_ADDON")]).toEqual(counters);
    expect(await t.db.group.count({ where: { id: group } })).toBe(1);

    // Once the add-on is gone (or held with its own base), the group change goes through.
    await ok(assign(admin, user.id, [], ["EXCHANGEARCHIVE_ADDON"]));
    expect((await as(t.app, admin).delete(`${contoso()}/groups/${group}/members/${user.id}`)).statusCode).toBe(204);
    await assertCountersMatchRows();
  });
});
