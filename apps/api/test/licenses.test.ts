import type { BulkLicenseReport, GroupLicenses, LicensedUser, SubscribedSku } from "@allot/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertSeatCountersMatchHolders, auditOf, makeUser } from "./fixtures.js";
import { as, createTestApp, login, problem, type Session, type TestApp } from "./helpers.js";

let t: TestApp;
let admin: Session;
let licenseAdmin: Session;
let sku: Record<string, string>;
let planIds: Record<string, string[]>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, "admin@contoso.test");
  licenseAdmin = await login(t.app, "licenses@contoso.test");
  const products = await t.db.product.findMany({
    select: { skuId: true, skuPartNumber: true, servicePlans: { select: { servicePlanId: true } } },
  });
  sku = Object.fromEntries(products.map((p) => [p.skuPartNumber, p.skuId]));
  planIds = Object.fromEntries(products.map((p) => [p.skuPartNumber, p.servicePlans.map((s) => s.servicePlanId)]));
});
afterAll(() => t.close());

const base = () => `/api/tenants/${t.tenants.contoso}`;

async function skus(session: Session = admin): Promise<Map<string, SubscribedSku>> {
  const response = await as(t.app, session).get(`${base()}/subscribedSkus`);
  expect(response.statusCode).toBe(200);
  return new Map((response.json() as { value: SubscribedSku[] }).value.map((s) => [s.skuPartNumber, s]));
}

describe("subscribedSkus", () => {
  it("reports Graph's shape with seats bought, consumed and available", async () => {
    const power = (await skus()).get("POWER_BI_PRO");
    expect(power).toMatchObject({
      skuId: sku.POWER_BI_PRO,
      appliesTo: "User",
      capabilityStatus: "Enabled",
      prepaidUnits: { enabled: 100, warning: 0, suspended: 0, lockedOut: 0 },
      consumedUnits: 55,
      available: 45,
      conflicts: 0,
    });
    expect(power?.servicePlans.length).toBeGreaterThan(0);
    expect((await skus()).get("POWERAUTOMATE_PROCESS")?.appliesTo).toBe("Company");
  });
});

describe("assignLicense for one user", () => {
  it("assigns, switches service plans and removes, taking and freeing one seat", async () => {
    const user = await makeUser(t.db, t.tenants.contoso);
    const before = (await skus()).get("POWER_BI_PRO")?.consumedUnits ?? 0;
    const api = as(t.app, licenseAdmin);
    const url = `${base()}/users/${user.id}/assignLicense`;

    const added = await api.post(url, {
      addLicenses: [{ skuId: sku.POWER_BI_PRO, disabledPlans: [] }],
      removeLicenses: [],
    });
    expect(added.statusCode).toBe(200);
    const body = added.json() as LicensedUser;
    expect(body.assignedLicenses).toEqual([{ skuId: sku.POWER_BI_PRO, disabledPlans: [] }]);
    expect(body.licenseAssignmentStates).toMatchObject([
      { skuId: sku.POWER_BI_PRO, assignedByGroup: null, state: "Active", error: null },
    ]);
    expect((await skus()).get("POWER_BI_PRO")?.consumedUnits).toBe(before + 1);

    const plan = planIds.POWER_BI_PRO?.[0] as string;
    const switched = await api.post(url, {
      addLicenses: [{ skuId: sku.POWER_BI_PRO, disabledPlans: [plan] }],
      removeLicenses: [],
    });
    expect(switched.statusCode).toBe(200);
    expect((switched.json() as LicensedUser).assignedLicenses).toEqual([
      { skuId: sku.POWER_BI_PRO, disabledPlans: [plan] },
    ]);
    expect((await skus()).get("POWER_BI_PRO")?.consumedUnits).toBe(before + 1);

    const details = await api.get(`${base()}/users/${user.id}/licenseDetails`);
    expect(details.statusCode).toBe(200);
    const plans = (
      details.json() as { value: Array<{ servicePlans: Array<{ servicePlanId: string; provisioningStatus: string }> }> }
    ).value[0]?.servicePlans;
    expect(plans?.find((p) => p.servicePlanId === plan)?.provisioningStatus).toBe("Disabled");

    const removed = await api.post(url, { addLicenses: [], removeLicenses: [sku.POWER_BI_PRO] });
    expect(removed.statusCode).toBe(200);
    expect((removed.json() as LicensedUser).assignedLicenses).toEqual([]);
    expect((await skus()).get("POWER_BI_PRO")?.consumedUnits).toBe(before);
    const events = await auditOf(t.db, removed);
    expect(events).toMatchObject([
      { action: "user.licensesChanged", targetId: user.id, before: { licenses: [{ skuId: sku.POWER_BI_PRO }] } },
    ]);
    await assertSeatCountersMatchHolders(t.db, t.tenants.contoso);
  });

  it("refuses with every violation found and changes nothing", async () => {
    const user = await makeUser(t.db, t.tenants.contoso, { usageLocation: null });
    const response = await as(t.app, admin).post(`${base()}/users/${user.id}/assignLicense`, {
      addLicenses: [{ skuId: sku.VISIOCLIENT }, { skuId: sku.POWER_BI_PRO }],
      removeLicenses: [],
    });
    const body = problem(response);
    expect(response.statusCode).toBe(422);
    expect(body.code).toBe("UsageLocationRequired");
    expect(body.errors?.map((e) => e.code).sort()).toEqual([
      "CountViolation",
      "UsageLocationRequired",
      "UsageLocationRequired",
    ]);
    expect(await t.db.licenseAssignment.count({ where: { userId: user.id } })).toBe(0);
  });

  it("answers CountViolation 409 when no seat is free", async () => {
    const user = await makeUser(t.db, t.tenants.contoso);
    const response = await as(t.app, admin).post(`${base()}/users/${user.id}/assignLicense`, {
      addLicenses: [{ skuId: sku.VISIOCLIENT }],
      removeLicenses: [],
    });
    expect(response.statusCode).toBe(409);
    expect(problem(response).code).toBe("CountViolation");
  });

  it("refuses mutually exclusive products and a dependency left without its prerequisite", async () => {
    const user = await makeUser(t.db, t.tenants.contoso);
    const api = as(t.app, admin);
    const url = `${base()}/users/${user.id}/assignLicense`;
    expect(
      (await api.post(url, { addLicenses: [{ skuId: sku.EXCHANGESTANDARD }], removeLicenses: [] })).statusCode,
    ).toBe(200);
    const clash = await api.post(url, { addLicenses: [{ skuId: sku.EXCHANGEENTERPRISE }], removeLicenses: [] });
    expect(problem(clash).code).toBe("MutuallyExclusiveViolation");
    expect(
      (await api.post(url, { addLicenses: [{ skuId: sku.EXCHANGEARCHIVE_ADDON }], removeLicenses: [] })).statusCode,
    ).toBe(200);
    const orphan = await api.post(url, { addLicenses: [], removeLicenses: [sku.EXCHANGESTANDARD] });
    expect(orphan.statusCode).toBe(409);
    expect(problem(orphan).code).toBe("DependencyViolation");
  });

  it("answers 404 for an unknown sku or user, and InvalidServicePlan for a foreign plan", async () => {
    const user = await makeUser(t.db, t.tenants.contoso);
    const api = as(t.app, admin);
    const unknownSku = await api.post(`${base()}/users/${user.id}/assignLicense`, {
      addLicenses: [{ skuId: "00000000-0000-4000-8000-000000000000" }],
      removeLicenses: [],
    });
    expect(unknownSku.statusCode).toBe(404);
    const unknownUser = await api.post(`${base()}/users/00000000-0000-4000-8000-000000000000/assignLicense`, {
      addLicenses: [{ skuId: sku.POWER_BI_PRO }],
      removeLicenses: [],
    });
    expect(unknownUser.statusCode).toBe(404);
    const foreign = await api.post(`${base()}/users/${user.id}/assignLicense`, {
      addLicenses: [{ skuId: sku.POWER_BI_PRO, disabledPlans: [planIds.VISIOCLIENT?.[0]] }],
      removeLicenses: [],
    });
    expect(foreign.statusCode).toBe(422);
    expect(problem(foreign).code).toBe("InvalidServicePlan");
  });
});

describe("bulk", () => {
  it("dry run answers what a real run does and commits nothing", async () => {
    const users = await Promise.all(Array.from({ length: 5 }, () => makeUser(t.db, t.tenants.contoso)));
    const body = { userIds: users.map((u) => u.id), add: [{ skuId: sku.EXCHANGESTANDARD }], atomic: false };
    const dry = await as(t.app, admin).post(`${base()}/licenses/bulk`, { ...body, dryRun: true });
    expect(dry.statusCode).toBe(200);
    expect(await t.db.licenseAssignment.count({ where: { userId: { in: users.map((u) => u.id) } } })).toBe(0);
    const real = await as(t.app, admin).post(`${base()}/licenses/bulk`, body);
    expect(real.statusCode).toBe(200);
    const dryReport = dry.json() as BulkLicenseReport;
    const realReport = real.json() as BulkLicenseReport;
    expect({ ...dryReport, dryRun: false }).toEqual(realReport);
    expect(realReport.summary).toEqual({ users: 5, succeeded: 5, failed: 0 });
    const seat = realReport.seats[0];
    expect(seat && seat.after.consumedUnits - seat.before.consumedUnits).toBe(5);
    await assertSeatCountersMatchHolders(t.db, t.tenants.contoso);
  });

  it("atomic refuses everyone when one user fails; non-atomic applies the rest", async () => {
    const good = await makeUser(t.db, t.tenants.contoso);
    const bad = await makeUser(t.db, t.tenants.contoso, { usageLocation: null });
    const body = { userIds: [good.id, bad.id], add: [{ skuId: sku.POWER_BI_PRO }] };
    const atomic = await as(t.app, admin).post(`${base()}/licenses/bulk`, body);
    expect(atomic.statusCode).toBe(422);
    const refused = atomic.json() as { code: string; report: BulkLicenseReport };
    expect(refused.code).toBe("UsageLocationRequired");
    expect(refused.report.applied).toBe(false);
    expect(await t.db.licenseAssignment.count({ where: { userId: good.id } })).toBe(0);

    const partial = await as(t.app, admin).post(`${base()}/licenses/bulk`, { ...body, atomic: false });
    expect(partial.statusCode).toBe(200);
    const report = partial.json() as BulkLicenseReport;
    expect(report.summary).toEqual({ users: 2, succeeded: 1, failed: 1 });
    expect(await t.db.licenseAssignment.count({ where: { userId: good.id } })).toBe(1);
  });

  it("replace leaves exactly the named direct licenses", async () => {
    const user = await makeUser(t.db, t.tenants.contoso);
    const api = as(t.app, admin);
    await api.post(`${base()}/users/${user.id}/assignLicense`, {
      addLicenses: [{ skuId: sku.POWER_BI_PRO }],
      removeLicenses: [],
    });
    const replaced = await api.post(`${base()}/licenses/bulk`, {
      userIds: [user.id],
      add: [{ skuId: sku.EXCHANGESTANDARD }],
      mode: "replace",
    });
    expect(replaced.statusCode).toBe(200);
    const rows = await t.db.licenseAssignment.findMany({ where: { userId: user.id }, include: { product: true } });
    expect(rows.map((r) => r.product.skuPartNumber)).toEqual(["EXCHANGESTANDARD"]);
    await assertSeatCountersMatchHolders(t.db, t.tenants.contoso);
  });
});

describe("group-based licensing", () => {
  it("members inherit, direct and inherited share one seat, leaving removes only the inherited one", async () => {
    const api = as(t.app, admin);
    const group = (await api.post(`${base()}/groups`, { displayName: `Licensed ${Date.now()}` })).json() as {
      id: string;
    };
    const a = await makeUser(t.db, t.tenants.contoso);
    const b = await makeUser(t.db, t.tenants.contoso, { usageLocation: null });
    expect((await api.post(`${base()}/groups/${group.id}/members`, { userIds: [a.id, b.id] })).statusCode).toBeLessThan(
      300,
    );
    const before = (await skus()).get("POWER_BI_PRO")?.consumedUnits ?? 0;

    const assigned = await api.post(`${base()}/groups/${group.id}/assignLicense`, {
      addLicenses: [{ skuId: sku.POWER_BI_PRO }],
      removeLicenses: [],
    });
    expect(assigned.statusCode).toBe(200);
    const view = assigned.json() as GroupLicenses;
    expect(view.membersWithLicenseErrorsCount).toBe(1);
    expect(view.membersWithLicenseErrors[0]).toMatchObject({ userId: b.id, error: "UsageLocationRequired" });
    expect((await skus()).get("POWER_BI_PRO")?.consumedUnits).toBe(before + 1);

    // Direct on top of inherited: no second seat.
    const direct = await api.post(`${base()}/users/${a.id}/assignLicense`, {
      addLicenses: [{ skuId: sku.POWER_BI_PRO }],
      removeLicenses: [],
    });
    expect(direct.statusCode).toBe(200);
    expect((direct.json() as LicensedUser).licenseAssignmentStates).toHaveLength(2);
    expect((await skus()).get("POWER_BI_PRO")?.consumedUnits).toBe(before + 1);

    // Leaving the group removes the inherited assignment only; the seat stays with the direct one.
    expect((await api.delete(`${base()}/groups/${group.id}/members/${a.id}`)).statusCode).toBe(204);
    const left = await t.db.licenseAssignment.findMany({ where: { userId: a.id } });
    expect(left.map((r) => r.assignedByGroupId)).toEqual([null]);
    expect((await skus()).get("POWER_BI_PRO")?.consumedUnits).toBe(before + 1);

    // Fix b's location, reprocess: it gets the license.
    await t.db.user.update({ where: { id: b.id }, data: { usageLocation: "NL" } });
    const reprocessed = await api.post(`${base()}/groups/${group.id}/reprocessLicenseAssignment`);
    expect(reprocessed.statusCode).toBe(200);
    expect((reprocessed.json() as GroupLicenses).membersWithLicenseErrorsCount).toBe(0);
    expect((await skus()).get("POWER_BI_PRO")?.consumedUnits).toBe(before + 2);
    await assertSeatCountersMatchHolders(t.db, t.tenants.contoso);

    // Deleting the group frees its members' inherited seats.
    expect((await api.delete(`${base()}/groups/${group.id}`)).statusCode).toBe(204);
    expect((await skus()).get("POWER_BI_PRO")?.consumedUnits).toBe(before + 1);
    await assertSeatCountersMatchHolders(t.db, t.tenants.contoso);
  });
});

describe("conflicts", () => {
  it("lists a product whose holders outnumber its usable seats, with fixes", async () => {
    const fabrikam = `/api/tenants/${t.tenants.fabrikam}`;
    const fabrikamAdmin = await login(t.app, "admin@fabrikam.test");
    const product = await t.db.product.findUniqueOrThrow({ where: { skuPartNumber: "POWER_BI_PRO" } });
    await t.db.subscription.updateMany({
      where: { tenantId: t.tenants.fabrikam, productId: product.id },
      data: { seats: 10 },
    });
    const response = await as(t.app, fabrikamAdmin).get(`${fabrikam}/licenseConflicts`);
    expect(response.statusCode).toBe(200);
    const conflict = (response.json() as { value: Array<Record<string, unknown>> }).value.find(
      (c) => c.skuPartNumber === "POWER_BI_PRO",
    );
    expect(conflict).toMatchObject({ consumedUnits: 12, usableUnits: 10, shortfall: 2, userCount: 12 });
    expect(conflict?.users).toHaveLength(12);
    expect(conflict?.fixes).toContainEqual({ kind: "buySeats", seats: 2 });
    const sku = (await as(t.app, fabrikamAdmin).get(`${fabrikam}/subscribedSkus`)).json() as { value: SubscribedSku[] };
    expect(sku.value.find((s) => s.skuPartNumber === "POWER_BI_PRO")?.conflicts).toBe(2);
  });
});
