import type { GroupLicenses, LicenseDetails, LicensedUser, RestoredUser, SubscribedSku } from "@allot/contracts";
import type { Db } from "@allot/db";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { assertSeatCountersMatchHolders, auditOf, DAY_MS, makeUser } from "./fixtures.js";
import { as, createTestApp, login, problem, type Session, type TestApp } from "./helpers.js";

/**
 * Every license rule and path of DESIGN.md §2 that licenses.test.ts does not already drive, through the API on
 * the seeded Contoso (and, for a self-service subscription, Fabrikam). Subscriptions are set up straight in the
 * database: the billing API does not exist yet. Each scenario puts back the seats and subscription states it
 * changes, and ends by checking that every product's consumedUnits counter equals its holders.
 */

let t: TestApp;
let admin: Session;
let licenseAdmin: Session;
let userAdmin: Session;
let products: Map<string, { id: string; skuId: string; plans: string[] }>;

beforeAll(async () => {
  t = await createTestApp();
  [admin, licenseAdmin, userAdmin] = await Promise.all([
    login(t.app, "admin@contoso.test"),
    login(t.app, "licenses@contoso.test"),
    login(t.app, "users@contoso.test"),
  ]);
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
const planOf = (sku: string, index: number) => product(sku).plans[index] as string;

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

async function skus(base = contoso(), session: Session = admin): Promise<Map<string, SubscribedSku>> {
  const body = await ok<{ value: SubscribedSku[] }>(as(t.app, session).get(`${base}/subscribedSkus`));
  return new Map(body.value.map((s) => [s.skuPartNumber, s]));
}

async function consumed(sku: string, tenantId = t.tenants.contoso): Promise<number> {
  const row = await t.db.tenantProduct.findUnique({
    where: { tenantId_productId: { tenantId, productId: product(sku).id } },
  });
  return row?.consumedUnits ?? 0;
}

async function details(userId: string, session: Session = admin): Promise<LicenseDetails["value"]> {
  return (await ok<LicenseDetails>(as(t.app, session).get(`${contoso()}/users/${userId}/licenseDetails`))).value;
}

/** A user's licenseAssignmentStates, read without changing anything. */
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

const assertCountersMatchRows = (db: Db = t.db) => assertSeatCountersMatchHolders(db);

/** A seeded user holding this product directly (the first by id). */
async function seededHolderOf(sku: string): Promise<string> {
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

describe("direct assignment: the rules licenses.test.ts does not drive", () => {
  it("AlreadyAssigned (409) for the same license with the same plans, in any order; NotAssigned (422) for one not held directly", async () => {
    const user = await makeUser(t.db, t.tenants.contoso);
    const e3 = { sku: "SPE_E3", disabledPlans: [planOf("SPE_E3", 0), planOf("SPE_E3", 1)] };
    await ok(assign(licenseAdmin, user.id, [e3]));
    const e3Consumed = await consumed("SPE_E3");

    const again = await assign(licenseAdmin, user.id, [{ ...e3, disabledPlans: [...e3.disabledPlans].reverse() }]);
    expect(again.statusCode).toBe(409);
    expect(problem(again)).toMatchObject({
      code: "AlreadyAssigned",
      status: 409,
      errors: [{ code: "AlreadyAssigned", skuId: skuId("SPE_E3") }],
    });

    const notHeld = await assign(licenseAdmin, user.id, [], ["VISIOCLIENT"]);
    expect(notHeld.statusCode).toBe(422);
    expect(problem(notHeld)).toMatchObject({
      code: "NotAssigned",
      errors: [{ code: "NotAssigned", skuId: skuId("VISIOCLIENT") }],
    });

    // A license the user inherits from a group is not its own to remove.
    const group = await newGroup();
    await ok(assignGroup(admin, group, ["EXCHANGESTANDARD"]));
    await ok(addMembers(group, [user.id]), 204);
    const inherited = await assign(licenseAdmin, user.id, [], ["EXCHANGESTANDARD"]);
    expect(inherited.statusCode).toBe(422);
    expect(problem(inherited).code).toBe("NotAssigned");

    // Refusals change nothing and audit nothing.
    for (const response of [again, notHeld, inherited]) expect(await auditOf(t.db, response)).toEqual([]);
    expect(await consumed("SPE_E3")).toBe(e3Consumed);
    expect((await rowsOf(user.id)).map((r) => r.productId).sort()).toEqual(
      [product("SPE_E3").id, product("EXCHANGESTANDARD").id].sort(),
    );
    await assertCountersMatchRows();
  });

  it("ProhibitedInUsageLocationViolation (422) for a user in Cuba; a product sold everywhere still applies", async () => {
    const user = await makeUser(t.db, t.tenants.contoso, { usageLocation: "CU" });
    for (const sku of ["SPE_E3", "O365_BUSINESS_PREMIUM"]) {
      const refused = await assign(admin, user.id, [sku]);
      expect(refused.statusCode, sku).toBe(422);
      const body = problem(refused);
      expect(body.code).toBe("ProhibitedInUsageLocationViolation");
      expect(body.errors?.[0]).toMatchObject({ code: "ProhibitedInUsageLocationViolation", skuId: skuId(sku) });
    }
    // Business Standard is also full: both violations are listed, the location's first.
    const business = problem(await assign(admin, user.id, ["O365_BUSINESS_PREMIUM"]));
    expect(business.errors?.map((e) => e.code)).toEqual(["ProhibitedInUsageLocationViolation", "CountViolation"]);
    expect(await rowsOf(user.id)).toEqual([]);
    const allowed = await ok<LicensedUser>(assign(admin, user.id, ["POWER_BI_PRO"]));
    expect(allowed.assignedLicenses).toEqual([{ skuId: skuId("POWER_BI_PRO"), disabledPlans: [] }]);
    await assertCountersMatchRows();
  });

  it("GuestRequiresGlobalAdmin (403) for a license or user admin licensing a guest; a global admin may", async () => {
    const guest = await makeUser(t.db, t.tenants.contoso, { userType: "guest" });
    const before = await consumed("POWER_BI_PRO");
    for (const session of [licenseAdmin, userAdmin]) {
      const refused = await assign(session, guest.id, ["POWER_BI_PRO"]);
      expect(refused.statusCode).toBe(403);
      expect(problem(refused)).toMatchObject({
        code: "GuestRequiresGlobalAdmin",
        errors: [{ code: "GuestRequiresGlobalAdmin", skuId: null }],
      });
    }
    expect(await consumed("POWER_BI_PRO")).toBe(before);
    const granted = await ok<LicensedUser>(assign(admin, guest.id, ["POWER_BI_PRO"]));
    expect(granted.licenseAssignmentStates).toMatchObject([{ skuId: skuId("POWER_BI_PRO"), state: "Active" }]);
    expect(await consumed("POWER_BI_PRO")).toBe(before + 1);
    // Taking a guest's license away needs no global admin: only licensing does.
    await ok(assign(licenseAdmin, guest.id, [], ["POWER_BI_PRO"]));
    expect(await consumed("POWER_BI_PRO")).toBe(before);
    await assertCountersMatchRows();
  });

  it("a refusal lists every violation with its code and skuId; the status is the first violation's", async () => {
    // A guest in Cuba, by a license admin: removing what it lacks, a foreign plan, E3 (not sold in CU), Visio (full).
    const guest = await makeUser(t.db, t.tenants.contoso, { userType: "guest", usageLocation: "CU" });
    const all = await assign(
      licenseAdmin,
      guest.id,
      [{ sku: "SPE_E3", disabledPlans: [planOf("VISIOCLIENT", 0)] }, "VISIOCLIENT"],
      ["POWER_BI_PRO"],
    );
    const body = problem(all);
    // Who may do it first (403), then whether the request can apply (422), then seats (409).
    expect(all.statusCode).toBe(403);
    expect(body).toMatchObject({ status: 403, code: "GuestRequiresGlobalAdmin" });
    expect(body.errors?.map((e) => [e.code, e.skuId])).toEqual([
      ["GuestRequiresGlobalAdmin", null],
      ["NotAssigned", skuId("POWER_BI_PRO")],
      ["InvalidServicePlan", skuId("SPE_E3")],
      ["ProhibitedInUsageLocationViolation", skuId("SPE_E3")],
      ["CountViolation", skuId("VISIOCLIENT")],
    ]);
    expect(body.errors?.every((e) => e.path === "body" && e.message.length > 0)).toBe(true);

    // 409 first: two exclusive Exchange plans and a full product.
    const member = await makeUser(t.db, t.tenants.contoso);
    const clash = await assign(admin, member.id, ["EXCHANGESTANDARD", "EXCHANGEENTERPRISE", "VISIOCLIENT"]);
    expect(clash.statusCode).toBe(409);
    expect(problem(clash).code).toBe("MutuallyExclusiveViolation");
    const [exclusive, count, ...rest] = problem(clash).errors ?? [];
    expect(exclusive?.code).toBe("MutuallyExclusiveViolation");
    // Reported on whichever of the two sorts first by product id.
    expect([skuId("EXCHANGESTANDARD"), skuId("EXCHANGEENTERPRISE")]).toContain(exclusive?.skuId);
    expect(count).toMatchObject({ code: "CountViolation", skuId: skuId("VISIOCLIENT") });
    expect(rest).toEqual([]);

    // 403 first: the guest again, with nothing else wrong.
    const inNl = await makeUser(t.db, t.tenants.contoso, { userType: "guest" });
    const guestOnly = await assign(licenseAdmin, inNl.id, ["POWER_BI_PRO", "VISIOCLIENT"]);
    expect(guestOnly.statusCode).toBe(403);
    expect(problem(guestOnly).errors?.map((e) => e.code)).toEqual(["GuestRequiresGlobalAdmin", "CountViolation"]);

    for (const id of [guest.id, member.id, inNl.id]) expect(await rowsOf(id)).toEqual([]);
    await assertCountersMatchRows();
  });

  it("a write is read back at once: licenseDetails right after assignLicense shows the change", async () => {
    const user = await makeUser(t.db, t.tenants.contoso);
    for (let round = 0; round < 3; round++) {
      await ok(assign(licenseAdmin, user.id, [{ sku: "SPE_E3", disabledPlans: [planOf("SPE_E3", round)] }]));
      const [e3] = await details(user.id, licenseAdmin);
      expect(e3?.servicePlans.filter((p) => p.provisioningStatus === "Disabled").map((p) => p.servicePlanId)).toEqual([
        planOf("SPE_E3", round),
      ]);
      await ok(assign(licenseAdmin, user.id, [], ["SPE_E3"]));
      expect(await details(user.id, licenseAdmin)).toEqual([]);
    }
    await assertCountersMatchRows();
  });
});

describe("subscription states", () => {
  it("a product whose subscriptions are all disabled (or deleted) refuses SubscriptionNotUsable; its holders show Disabled", async () => {
    const holder = await seededHolderOf("EXCHANGEENTERPRISE");
    const newcomer = await makeUser(t.db, t.tenants.contoso);
    const holders = await consumed("EXCHANGEENTERPRISE");

    await setState("EXCHANGEENTERPRISE", "disabled");
    const refused = await assign(admin, newcomer.id, ["EXCHANGEENTERPRISE"]);
    expect(refused.statusCode).toBe(409);
    expect(problem(refused)).toMatchObject({
      code: "SubscriptionNotUsable",
      errors: [{ code: "SubscriptionNotUsable", skuId: skuId("EXCHANGEENTERPRISE") }],
    });

    expect((await statesOf(holder)).find((s) => s.skuId === skuId("EXCHANGEENTERPRISE"))).toMatchObject({
      assignedByGroup: null,
      state: "Disabled",
      error: "SubscriptionNotUsable",
    });
    const [exchange] = (await details(holder)).filter((d) => d.skuId === skuId("EXCHANGEENTERPRISE"));
    expect(exchange?.servicePlans.map((p) => p.provisioningStatus)).toEqual(["Disabled"]);
    expect((await skus()).get("EXCHANGEENTERPRISE")).toMatchObject({
      capabilityStatus: "Suspended",
      prepaidUnits: { enabled: 0, warning: 0, suspended: 10, lockedOut: 0 },
      consumedUnits: holders,
      available: 0,
      conflicts: holders,
    });
    const conflicts = await ok<{ value: Array<{ skuPartNumber: string; fixes: Array<{ kind: string }> }> }>(
      as(t.app, admin).get(`${contoso()}/licenseConflicts`),
    );
    const report = conflicts.value.find((c) => c.skuPartNumber === "EXCHANGEENTERPRISE");
    expect(report?.fixes.map((f) => f.kind)).toContain("renewSubscription");

    await setState("EXCHANGEENTERPRISE", "deleted");
    const gone = await assign(admin, newcomer.id, ["EXCHANGEENTERPRISE"]);
    expect(problem(gone).code).toBe("SubscriptionNotUsable");
    expect((await skus()).get("EXCHANGEENTERPRISE")?.capabilityStatus).toBe("Deleted");
    expect(await rowsOf(newcomer.id)).toEqual([]);
    expect(await consumed("EXCHANGEENTERPRISE")).toBe(holders);
    await assertCountersMatchRows();
  });

  it("a maker's self-service subscription cannot be assigned from until an admin takes it over", async () => {
    const fabrikam = `/api/tenants/${t.tenants.fabrikam}`;
    const fabrikamAdmin = await login(t.app, "admin@fabrikam.test");
    const maker = await t.db.user.findFirstOrThrow({ where: { email: "maker@fabrikam.test" } });
    const user = await makeUser(t.db, t.tenants.fabrikam);
    const subscription = await t.db.subscription.create({
      data: {
        tenantId: t.tenants.fabrikam,
        productId: product("POWERAUTOMATE_ATTENDED_RPA").id,
        seats: 3,
        source: "selfService",
        ownerUserId: maker.id,
        termStartsAt: new Date(Date.now() - DAY_MS),
        termEndsAt: new Date(Date.now() + 30 * DAY_MS),
      },
    });
    cleanups.push(async () => {
      await t.db.licenseAssignment.deleteMany({ where: { userId: user.id } });
      await t.db.tenantProduct.updateMany({
        where: { tenantId: t.tenants.fabrikam, productId: product("POWERAUTOMATE_ATTENDED_RPA").id },
        data: { consumedUnits: 0 },
      });
      await t.db.subscription.delete({ where: { id: subscription.id } });
    });

    const refused = await assign(fabrikamAdmin, user.id, ["POWERAUTOMATE_ATTENDED_RPA"], [], fabrikam);
    expect(refused.statusCode).toBe(409);
    expect(problem(refused)).toMatchObject({
      code: "SubscriptionNotUsable",
      errors: [{ code: "SubscriptionNotUsable", skuId: skuId("POWERAUTOMATE_ATTENDED_RPA") }],
    });
    expect((await skus(fabrikam, fabrikamAdmin)).get("POWERAUTOMATE_ATTENDED_RPA")).toMatchObject({
      prepaidUnits: { enabled: 3 },
      available: 0,
    });

    await t.db.subscription.update({ where: { id: subscription.id }, data: { takenOverAt: new Date() } });
    const granted = await ok<LicensedUser>(
      assign(fabrikamAdmin, user.id, ["POWERAUTOMATE_ATTENDED_RPA"], [], fabrikam),
    );
    expect(granted.licenseAssignmentStates).toMatchObject([{ state: "Active", error: null }]);
    expect((await skus(fabrikam, fabrikamAdmin)).get("POWERAUTOMATE_ATTENDED_RPA")).toMatchObject({
      consumedUnits: 1,
      available: 2,
    });
    await assertCountersMatchRows();
  });

  it("an expired subscription in its grace period is still assignable and its holders stay Active; a trial too", async () => {
    const user = await makeUser(t.db, t.tenants.contoso);
    await setState("EXCHANGESTANDARD", "expired");
    const granted = await ok<LicensedUser>(assign(licenseAdmin, user.id, ["EXCHANGESTANDARD"]));
    expect(granted.licenseAssignmentStates).toMatchObject([
      { skuId: skuId("EXCHANGESTANDARD"), state: "Active", error: null },
    ]);
    expect((await details(user.id))[0]?.servicePlans.every((p) => p.provisioningStatus === "Success")).toBe(true);
    expect((await skus()).get("EXCHANGESTANDARD")).toMatchObject({
      capabilityStatus: "Warning",
      prepaidUnits: { enabled: 0, warning: 30, suspended: 0, lockedOut: 0 },
      conflicts: 0,
    });
    // The seeded trial of Power Automate Premium is assignable like a purchase.
    const trial = await ok<LicensedUser>(assign(licenseAdmin, user.id, ["POWERAUTOMATE_ATTENDED_RPA"]));
    expect(trial.assignedLicenses.map((l) => l.skuId)).toContain(skuId("POWERAUTOMATE_ATTENDED_RPA"));
    await ok(assign(licenseAdmin, user.id, [], ["POWERAUTOMATE_ATTENDED_RPA", "EXCHANGESTANDARD"]));
    await assertCountersMatchRows();
  });

  it("seats reduced below the holders: ActiveWithError (CountViolation), nobody new, holders may switch plans or leave", async () => {
    const holder = await seededHolderOf("VISIOCLIENT");
    const newcomer = await makeUser(t.db, t.tenants.contoso);
    expect(await consumed("VISIOCLIENT")).toBe(5);
    await setSeats("VISIOCLIENT", 4);

    // A plan switch moves no seat, so it is allowed; its answer shows the conflict.
    const switched = await ok<LicensedUser>(
      assign(licenseAdmin, holder, [{ sku: "VISIOCLIENT", disabledPlans: [planOf("VISIOCLIENT", 0)] }]),
    );
    expect(switched.licenseAssignmentStates.find((s) => s.skuId === skuId("VISIOCLIENT"))).toMatchObject({
      state: "ActiveWithError",
      error: "CountViolation",
    });
    // The license still works: the plans left on are provisioned.
    const [visio] = (await details(holder)).filter((d) => d.skuId === skuId("VISIOCLIENT"));
    expect(
      visio?.servicePlans
        .map((p) => [p.servicePlanId, p.provisioningStatus])
        .sort((a, b) => a[0]?.localeCompare(b[0] ?? "") ?? 0),
    ).toEqual([
      [planOf("VISIOCLIENT", 0), "Disabled"],
      [planOf("VISIOCLIENT", 1), "Success"],
    ]);
    expect((await skus()).get("VISIOCLIENT")).toMatchObject({ consumedUnits: 5, available: 0, conflicts: 1 });

    const refused = await assign(licenseAdmin, newcomer.id, ["VISIOCLIENT"]);
    expect(refused.statusCode).toBe(409);
    expect(problem(refused).code).toBe("CountViolation");

    // The holder leaving ends the conflict; the others are Active again.
    await ok(assign(licenseAdmin, holder, [], ["VISIOCLIENT"]));
    expect((await skus()).get("VISIOCLIENT")).toMatchObject({ consumedUnits: 4, available: 0, conflicts: 0 });
    const other = await seededHolderOf("VISIOCLIENT");
    expect((await statesOf(other)).find((s) => s.skuId === skuId("VISIOCLIENT"))?.state).toBe("Active");
    await assertCountersMatchRows();

    // Put the seed back: five seats, five holders.
    await t.db.subscription.updateMany({
      where: { tenantId: t.tenants.contoso, productId: product("VISIOCLIENT").id },
      data: { seats: 5 },
    });
    await ok(assign(licenseAdmin, holder, ["VISIOCLIENT"]));
    await assertCountersMatchRows();
  });
});

describe("licenseDetails", () => {
  it("lists each license in effect once with every plan's provisioningStatus; plans off only if off in every assignment", async () => {
    const user = await makeUser(t.db, t.tenants.contoso);
    const [p0, p1, p2] = [0, 1, 2].map((i) => planOf("SPE_E3", i));
    await ok(assign(licenseAdmin, user.id, [{ sku: "SPE_E3", disabledPlans: [p0 as string, p1 as string] }]));
    let [e3] = await details(user.id);
    expect(e3).toMatchObject({ id: `${user.id}_${skuId("SPE_E3")}`, skuId: skuId("SPE_E3"), skuPartNumber: "SPE_E3" });
    expect(e3?.servicePlans).toHaveLength(product("SPE_E3").plans.length);
    expect(
      e3?.servicePlans
        .filter((p) => p.provisioningStatus === "Disabled")
        .map((p) => p.servicePlanId)
        .sort(),
    ).toEqual([p0, p1].sort());
    expect(e3?.servicePlans.every((p) => p.servicePlanName.length > 0 && p.displayName.length > 0)).toBe(true);

    // The same product through a group with other plans off: one entry, only the plan off in both is off.
    const group = await newGroup();
    await ok(assignGroup(admin, group, [{ sku: "SPE_E3", disabledPlans: [p1 as string, p2 as string] }]));
    const e3Consumed = await consumed("SPE_E3");
    await ok(addMembers(group, [user.id]), 204);
    expect(await consumed("SPE_E3")).toBe(e3Consumed);
    const value = await details(user.id);
    expect(value).toHaveLength(1);
    [e3] = value;
    expect(e3?.servicePlans.filter((p) => p.provisioningStatus === "Disabled").map((p) => p.servicePlanId)).toEqual([
      p1,
    ]);

    // An inherited license that could not apply is not in effect.
    const noLocation = await makeUser(t.db, t.tenants.contoso, { usageLocation: null });
    await ok(addMembers(group, [noLocation.id]), 204);
    expect(await rowsOf(noLocation.id)).toMatchObject([{ state: "error", errorCode: "UsageLocationRequired" }]);
    expect(await details(noLocation.id)).toEqual([]);
    await assertCountersMatchRows();
  });
});

describe("deleting and restoring a user", () => {
  it("delete frees one seat per product, direct and inherited alike (one when both); restore gives both back", async () => {
    const user = await makeUser(t.db, t.tenants.contoso);
    const group = await newGroup();
    await ok(assignGroup(admin, group, ["POWER_BI_PRO", "EXCHANGESTANDARD"]));
    await ok(assign(licenseAdmin, user.id, ["POWER_BI_PRO"]));
    await ok(addMembers(group, [user.id]), 204);
    const [bi, exchange] = [await consumed("POWER_BI_PRO"), await consumed("EXCHANGESTANDARD")];
    expect(await rowsOf(user.id)).toHaveLength(3);

    const deleted = await as(t.app, admin).delete(`${contoso()}/users/${user.id}`);
    expect(deleted.statusCode).toBe(204);
    expect([await consumed("POWER_BI_PRO"), await consumed("EXCHANGESTANDARD")]).toEqual([bi - 1, exchange - 1]);
    expect(await rowsOf(user.id)).toEqual([]);
    const [deletion] = await auditOf(t.db, deleted);
    expect(deletion).toMatchObject({ action: "user.deleted", targetId: user.id });
    expect([...(deletion?.productIds ?? [])].sort()).toEqual(
      [product("POWER_BI_PRO").id, product("EXCHANGESTANDARD").id].sort(),
    );
    await assertCountersMatchRows();

    const response = await as(t.app, admin).post(`${contoso()}/users/${user.id}/restore`);
    const restored = await ok<RestoredUser>(response);
    expect(restored).toMatchObject({ deletedAt: null, licenseCount: 2, licensesNotRestored: [] });
    expect([await consumed("POWER_BI_PRO"), await consumed("EXCHANGESTANDARD")]).toEqual([bi, exchange]);
    const byKey = (a: Array<string | null>, b: Array<string | null>) => a.join().localeCompare(b.join());
    expect((await rowsOf(user.id)).map((r) => [r.productId, r.assignedByGroupId, r.state]).sort(byKey)).toEqual(
      [
        [product("POWER_BI_PRO").id, null, "active"],
        [product("POWER_BI_PRO").id, group, "active"],
        [product("EXCHANGESTANDARD").id, group, "active"],
      ].sort(byKey),
    );
    const [restoration] = await auditOf(t.db, response, "user.restored");
    expect(restoration).toMatchObject({ action: "user.restored", targetId: user.id });
    // The direct license that came back and the inherited ones re-applied.
    expect(restoration?.productIds).toEqual([product("POWER_BI_PRO").id, product("EXCHANGESTANDARD").id].sort());
    expect(restoration?.after).toMatchObject({ restoredLicenses: 1, inheritedLicenses: 2 });
    await assertCountersMatchRows();
  });

  it("restore brings back direct licenses only where seats are free and reports the rest; inherited ones stay in error", async () => {
    const user = await makeUser(t.db, t.tenants.contoso);
    const rival = await makeUser(t.db, t.tenants.contoso);
    await setSeats("VISIOCLIENT", 6);
    await ok(assign(admin, user.id, ["VISIOCLIENT", "POWER_BI_PRO"]));
    const group = await newGroup();
    await ok(assignGroup(admin, group, ["EXCHANGEENTERPRISE"]));
    await ok(addMembers(group, [user.id]), 204);
    expect((await rowsOf(user.id)).every((r) => r.state === "active")).toBe(true);

    expect((await as(t.app, admin).delete(`${contoso()}/users/${user.id}`)).statusCode).toBe(204);
    // Meanwhile the freed Visio seat goes to someone else, and Exchange Plan 2 loses its spare seats.
    await ok(assign(admin, rival.id, ["VISIOCLIENT"]));
    await setSeats("EXCHANGEENTERPRISE", await consumed("EXCHANGEENTERPRISE"));

    const response = await as(t.app, admin).post(`${contoso()}/users/${user.id}/restore`);
    const restored = await ok<RestoredUser>(response);
    expect(restored.licenseCount).toBe(1);
    // Inherited licenses are given back first (a group's base product can carry a direct add-on), then direct ones.
    expect(restored.licensesNotRestored).toEqual([
      { productId: product("EXCHANGEENTERPRISE").id, skuPartNumber: "EXCHANGEENTERPRISE", code: "CountViolation" },
      { productId: product("VISIOCLIENT").id, skuPartNumber: "VISIOCLIENT", code: "CountViolation" },
    ]);
    expect((await rowsOf(user.id)).map((r) => [r.productId, r.state, r.errorCode])).toEqual(
      [
        [product("POWER_BI_PRO").id, "active", null],
        [product("EXCHANGEENTERPRISE").id, "error", "CountViolation"],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    const view = await groupView(group);
    expect(view.membersWithLicenseErrors).toEqual([
      { userId: user.id, displayName: user.displayName, skuId: skuId("EXCHANGEENTERPRISE"), error: "CountViolation" },
    ]);
    const [event] = await auditOf(t.db, response, "user.restored");
    expect(event).toMatchObject({ action: "user.restored", targetId: user.id });
    expect([...(event?.productIds ?? [])].sort()).toEqual(
      [product("VISIOCLIENT").id, product("POWER_BI_PRO").id, product("EXCHANGEENTERPRISE").id].sort(),
    );
    await assertCountersMatchRows();

    // Seats bought: the group's reprocess gives the inherited license back.
    await t.db.subscription.updateMany({
      where: { tenantId: t.tenants.contoso, productId: product("EXCHANGEENTERPRISE").id },
      data: { seats: 10 },
    });
    const reprocessed = await ok<GroupLicenses>(
      as(t.app, admin).post(`${contoso()}/groups/${group}/reprocessLicenseAssignment`),
    );
    expect(reprocessed.membersWithLicenseErrorsCount).toBe(0);
    expect((await rowsOf(user.id)).every((r) => r.state === "active")).toBe(true);
    // Back to the seed: Visio's sixth seat goes when the rival gives it back.
    await ok(assign(admin, rival.id, [], ["VISIOCLIENT"]));
    await assertCountersMatchRows();
  });
});

describe("group membership", () => {
  it("a new member of a licensed group gets its licenses at once (or in error, with the reason); leaving removes only those", async () => {
    const group = await newGroup();
    await ok(assignGroup(licenseAdmin, group, ["EXCHANGESTANDARD"]));
    const plain = await makeUser(t.db, t.tenants.contoso);
    const noLocation = await makeUser(t.db, t.tenants.contoso, { usageLocation: null });
    const alsoDirect = await makeUser(t.db, t.tenants.contoso);
    await ok(assign(licenseAdmin, alsoDirect.id, ["EXCHANGESTANDARD"]));
    const before = await consumed("EXCHANGESTANDARD");

    const added = await addMembers(group, [plain.id, noLocation.id, alsoDirect.id], userAdmin);
    expect(added.statusCode, added.body).toBe(204);
    expect(await consumed("EXCHANGESTANDARD")).toBe(before + 1);
    expect(await rowsOf(plain.id)).toMatchObject([{ assignedByGroupId: group, state: "active", errorCode: null }]);
    expect(await rowsOf(noLocation.id)).toMatchObject([
      { assignedByGroupId: group, state: "error", errorCode: "UsageLocationRequired" },
    ]);
    expect((await rowsOf(alsoDirect.id)).map((r) => r.assignedByGroupId).sort()).toEqual([group, null].sort());
    expect(await auditOf(t.db, added, "group.membersAdded")).toMatchObject([
      { action: "group.membersAdded", targetId: group, after: { licensesApplied: 2, licenseErrors: 1 } },
    ]);
    expect((await details(plain.id)).map((d) => d.skuPartNumber)).toEqual(["EXCHANGESTANDARD"]);
    const view = await groupView(group);
    expect(view).toMatchObject({ memberCount: 3, membersWithLicenseErrorsCount: 1 });
    await assertCountersMatchRows();

    // Leaving: the inherited row goes, the direct one (and its seat) stays; an error row frees nothing.
    for (const [member, seats] of [
      [alsoDirect.id, before + 1],
      [plain.id, before],
      [noLocation.id, before],
    ] as const) {
      const removed = await as(t.app, userAdmin).delete(`${contoso()}/groups/${group}/members/${member}`);
      expect(removed.statusCode).toBe(204);
      expect(await consumed("EXCHANGESTANDARD")).toBe(seats);
      expect((await rowsOf(member)).every((r) => r.assignedByGroupId === null)).toBe(true);
      expect(await auditOf(t.db, removed, "group.memberRemoved")).toMatchObject([
        { action: "group.memberRemoved", targetId: group },
      ]);
    }
    expect(await rowsOf(alsoDirect.id)).toMatchObject([{ assignedByGroupId: null, state: "active" }]);
    await assertCountersMatchRows();
  });

  it("a user in two groups handing the same product holds one seat; leaving one keeps it, leaving both frees it", async () => {
    const [first, second] = [await newGroup(), await newGroup()];
    for (const group of [first, second]) await ok(assignGroup(admin, group, ["POWER_BI_PRO"]));
    const user = await makeUser(t.db, t.tenants.contoso);
    const before = await consumed("POWER_BI_PRO");
    await ok(addMembers(first, [user.id]), 204);
    await ok(addMembers(second, [user.id]), 204);
    expect(await consumed("POWER_BI_PRO")).toBe(before + 1);
    expect((await rowsOf(user.id)).map((r) => r.state)).toEqual(["active", "active"]);
    await ok(as(t.app, admin).delete(`${contoso()}/groups/${first}/members/${user.id}`), 204);
    expect(await consumed("POWER_BI_PRO")).toBe(before + 1);
    expect(await rowsOf(user.id)).toMatchObject([{ assignedByGroupId: second }]);
    await ok(as(t.app, admin).delete(`${contoso()}/groups/${second}/members/${user.id}`), 204);
    expect(await consumed("POWER_BI_PRO")).toBe(before);
    expect(await rowsOf(user.id)).toEqual([]);
    await assertCountersMatchRows();
  });
});

describe("group licenses", () => {
  it("AlreadyAssigned (409), NotAssigned (422) and InvalidServicePlan (422) for the group's own list: all listed, first decides", async () => {
    const group = await newGroup();
    await ok(assignGroup(admin, group, [{ sku: "SPE_E3", disabledPlans: [planOf("SPE_E3", 0)] }]));

    const twice = await assignGroup(admin, group, [{ sku: "SPE_E3", disabledPlans: [planOf("SPE_E3", 0)] }]);
    expect(twice.statusCode).toBe(409);
    expect(problem(twice)).toMatchObject({
      code: "AlreadyAssigned",
      errors: [{ code: "AlreadyAssigned", skuId: skuId("SPE_E3") }],
    });

    const absent = await assignGroup(admin, group, [], ["VISIOCLIENT"]);
    expect(absent.statusCode).toBe(422);
    expect(problem(absent)).toMatchObject({
      code: "NotAssigned",
      errors: [{ code: "NotAssigned", skuId: skuId("VISIOCLIENT") }],
    });

    const foreign = await assignGroup(admin, group, [
      { sku: "POWER_BI_PRO", disabledPlans: [planOf("VISIOCLIENT", 0)] },
    ]);
    expect(foreign.statusCode).toBe(422);
    expect(problem(foreign).code).toBe("InvalidServicePlan");

    const all = await assignGroup(
      admin,
      group,
      [
        { sku: "SPE_E3", disabledPlans: [planOf("SPE_E3", 0)] },
        { sku: "POWER_BI_PRO", disabledPlans: [planOf("VISIOCLIENT", 0)] },
      ],
      ["VISIOCLIENT"],
    );
    // The request's own faults (422) come before what stands in its way (409).
    expect(all.statusCode).toBe(422);
    expect(problem(all).errors?.map((e) => [e.code, e.skuId])).toEqual([
      ["InvalidServicePlan", skuId("POWER_BI_PRO")],
      ["NotAssigned", skuId("VISIOCLIENT")],
      ["AlreadyAssigned", skuId("SPE_E3")],
    ]);

    for (const response of [twice, absent, foreign, all]) expect(await auditOf(t.db, response)).toEqual([]);
    expect((await groupView(group)).assignedLicenses).toEqual([
      { skuId: skuId("SPE_E3"), disabledPlans: [planOf("SPE_E3", 0)] },
    ]);
    await assertCountersMatchRows();
  });

  it("a plan change on the group's license reaches every member's inherited row, moving no seat", async () => {
    const members = await Promise.all([0, 1].map(() => makeUser(t.db, t.tenants.contoso)));
    const group = await newGroup();
    await ok(
      addMembers(
        group,
        members.map((m) => m.id),
      ),
      204,
    );
    await ok(assignGroup(admin, group, ["SPE_E3"]));
    const before = await consumed("SPE_E3");

    const off = [planOf("SPE_E3", 3), planOf("SPE_E3", 4)].sort();
    const changed = await assignGroup(licenseAdmin, group, [{ sku: "SPE_E3", disabledPlans: off }]);
    const view = await ok<GroupLicenses>(changed);
    expect(view.assignedLicenses).toEqual([{ skuId: skuId("SPE_E3"), disabledPlans: off }]);
    expect(await consumed("SPE_E3")).toBe(before);
    for (const member of members) {
      expect(await rowsOf(member.id)).toMatchObject([
        { assignedByGroupId: group, state: "active", disabledServicePlanIds: off },
      ]);
      const [e3] = await details(member.id);
      expect(
        e3?.servicePlans
          .filter((p) => p.provisioningStatus === "Disabled")
          .map((p) => p.servicePlanId)
          .sort(),
      ).toEqual(off);
    }
    const [event] = await auditOf(t.db, changed, "group.licensesChanged");
    expect(event).toMatchObject({
      action: "group.licensesChanged",
      targetId: group,
      productIds: [product("SPE_E3").id],
      before: { licenses: [{ skuId: skuId("SPE_E3"), disabledPlans: [] }] },
      after: { licenses: [{ skuId: skuId("SPE_E3"), disabledPlans: off }], members: 2 },
    });
    await assertCountersMatchRows();
  });

  it("removing a group license removes the members' inherited rows and frees their seats, direct ones stay", async () => {
    const [inheritOnly, alsoDirect] = await Promise.all([
      makeUser(t.db, t.tenants.contoso),
      makeUser(t.db, t.tenants.contoso),
    ]);
    await ok(assign(admin, alsoDirect.id, ["POWER_BI_PRO"]));
    const group = await newGroup();
    await ok(addMembers(group, [inheritOnly.id, alsoDirect.id]), 204);
    const before = await consumed("POWER_BI_PRO");
    await ok(assignGroup(admin, group, ["POWER_BI_PRO"]));
    expect(await consumed("POWER_BI_PRO")).toBe(before + 1);

    const removed = await assignGroup(licenseAdmin, group, [], ["POWER_BI_PRO"]);
    expect((await ok<GroupLicenses>(removed)).assignedLicenses).toEqual([]);
    expect(await consumed("POWER_BI_PRO")).toBe(before);
    expect(await rowsOf(inheritOnly.id)).toEqual([]);
    expect(await rowsOf(alsoDirect.id)).toMatchObject([{ assignedByGroupId: null, state: "active" }]);
    expect(await auditOf(t.db, removed, "group.licensesChanged")).toMatchObject([
      { action: "group.licensesChanged", productIds: [product("POWER_BI_PRO").id], after: { removed: 2 } },
    ]);
    await assertCountersMatchRows();
  });

  it("a license admin's group license leaves a guest member in error (GuestRequiresGlobalAdmin); a global admin's reprocess applies it", async () => {
    const guest = await makeUser(t.db, t.tenants.contoso, { userType: "guest" });
    const member = await makeUser(t.db, t.tenants.contoso);
    const group = await newGroup();
    await ok(addMembers(group, [guest.id, member.id]), 204);
    const before = await consumed("POWER_BI_PRO");

    const view = await ok<GroupLicenses>(assignGroup(licenseAdmin, group, ["POWER_BI_PRO"]));
    expect(view.membersWithLicenseErrors).toEqual([
      {
        userId: guest.id,
        displayName: guest.displayName,
        skuId: skuId("POWER_BI_PRO"),
        error: "GuestRequiresGlobalAdmin",
      },
    ]);
    expect(await consumed("POWER_BI_PRO")).toBe(before + 1);
    expect((await statesOf(guest.id))[0]).toMatchObject({
      assignedByGroup: group,
      state: "Error",
      error: "GuestRequiresGlobalAdmin",
    });

    // A license admin's reprocess cannot fix it; a global admin's does.
    expect(
      (await ok<GroupLicenses>(as(t.app, licenseAdmin).post(`${contoso()}/groups/${group}/reprocessLicenseAssignment`)))
        .membersWithLicenseErrorsCount,
    ).toBe(1);
    const fixed = await ok<GroupLicenses>(
      as(t.app, admin).post(`${contoso()}/groups/${group}/reprocessLicenseAssignment`),
    );
    expect(fixed.membersWithLicenseErrorsCount).toBe(0);
    expect(await consumed("POWER_BI_PRO")).toBe(before + 2);
    expect(await rowsOf(guest.id)).toMatchObject([{ state: "active", errorCode: null }]);
    await assertCountersMatchRows();
  });

  it("reprocess after seats are bought clears CountViolation errors, handing the seats out in user id order", async () => {
    const members = (await Promise.all([0, 1, 2].map(() => makeUser(t.db, t.tenants.contoso)))).sort((a, b) =>
      a.id.localeCompare(b.id),
    );
    const group = await newGroup();
    await ok(addMembers(group, members.map((m) => m.id).reverse()), 204);
    expect(await consumed("VISIOCLIENT")).toBe(5);

    const assigned = await assignGroup(admin, group, ["VISIOCLIENT"]);
    const full = await ok<GroupLicenses>(assigned);
    expect(full.membersWithLicenseErrorsCount).toBe(3);
    expect(new Set(full.membersWithLicenseErrors.map((e) => e.error))).toEqual(new Set(["CountViolation"]));
    expect(await consumed("VISIOCLIENT")).toBe(5);
    const [assignEvent] = await auditOf(t.db, assigned, "group.licensesChanged");
    expect(assignEvent).toMatchObject({ productIds: [product("VISIOCLIENT").id], after: { applied: 0, errors: 3 } });

    await setSeats("VISIOCLIENT", 7);
    const reprocess = () => as(t.app, licenseAdmin).post(`${contoso()}/groups/${group}/reprocessLicenseAssignment`);
    const partly = await reprocess();
    expect((await ok<GroupLicenses>(partly)).membersWithLicenseErrors.map((e) => [e.userId, e.error])).toEqual([
      [members[2]?.id, "CountViolation"],
    ]);
    for (const [index, member] of members.entries()) {
      expect((await rowsOf(member.id))[0]?.state, `member ${index}`).toBe(index < 2 ? "active" : "error");
    }
    expect(await consumed("VISIOCLIENT")).toBe(7);
    expect(await auditOf(t.db, partly, "group.licensesReprocessed")).toMatchObject([
      { action: "group.licensesReprocessed", targetId: group, after: { members: 3, applied: 2, errors: 1 } },
    ]);
    await assertCountersMatchRows();

    await t.db.subscription.updateMany({
      where: { tenantId: t.tenants.contoso, productId: product("VISIOCLIENT").id },
      data: { seats: 8 },
    });
    expect((await ok<GroupLicenses>(reprocess())).membersWithLicenseErrorsCount).toBe(0);
    expect(await consumed("VISIOCLIENT")).toBe(8);
    // Nothing left to do: a second reprocess changes nothing.
    expect((await ok<GroupLicenses>(reprocess())).membersWithLicenseErrorsCount).toBe(0);
    expect(await consumed("VISIOCLIENT")).toBe(8);
    await assertCountersMatchRows();

    // Back to the seed.
    await ok(assignGroup(admin, group, [], ["VISIOCLIENT"]));
    expect(await consumed("VISIOCLIENT")).toBe(5);
    await assertCountersMatchRows();
  });
});

describe("audit of license mutations", () => {
  it("assignLicense and bulk write their events in the same request, with the products touched", async () => {
    const [one, two] = await Promise.all([makeUser(t.db, t.tenants.contoso), makeUser(t.db, t.tenants.contoso)]);
    const single = await assign(licenseAdmin, one.id, ["POWER_BI_PRO", "EXCHANGESTANDARD"]);
    await ok(single);
    const [event] = await auditOf(t.db, single);
    expect(event).toMatchObject({
      action: "user.licensesChanged",
      targetType: "user",
      targetId: one.id,
      actorUserId: licenseAdmin.me.user.id,
      before: { licenses: [] },
    });
    expect([...(event?.productIds ?? [])].sort()).toEqual(
      [product("POWER_BI_PRO").id, product("EXCHANGESTANDARD").id].sort(),
    );

    const bulk = await as(t.app, licenseAdmin).post(`${contoso()}/licenses/bulk`, {
      userIds: [one.id, two.id],
      add: [{ skuId: skuId("EXCHANGEARCHIVE_ADDON") }],
      remove: [],
      atomic: false,
    });
    await ok(bulk);
    const events = await auditOf(t.db, bulk);
    expect(events.map((e) => [e.action, e.targetId]).sort()).toEqual(
      [
        ["licenses.bulkApplied", t.tenants.contoso],
        ["user.licensesChanged", one.id],
      ].sort(),
    );
    for (const e of events) expect(e.productIds).toEqual([product("EXCHANGEARCHIVE_ADDON").id]);
    // Two has no Exchange: refused with DependencyViolation, so no event for it.
    await assertCountersMatchRows();
  });
});

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
