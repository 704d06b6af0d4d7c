import type { GroupLicenses, LicensedUser, RestoredUser } from "@allot/contracts";
import { describe, expect, it } from "vitest";
import { auditOf, DAY_MS, makeUser } from "./fixtures.js";
import { as, login, problem } from "./helpers.js";
import {
  addMembers,
  admin,
  assertCountersMatchRows,
  assign,
  assignGroup,
  cleanups,
  consumed,
  contoso,
  details,
  groupView,
  licenseAdmin,
  newGroup,
  ok,
  planOf,
  product,
  rowsOf,
  seededHolderOf,
  setSeats,
  setState,
  setUpRulesApp,
  skuId,
  skus,
  statesOf,
  t,
  userAdmin,
} from "./license-rules-setup.js";

/**
 * License rules of DESIGN.md §2 that licenses.test.ts does not already drive, for a user's own licenses: the
 * assignment refusals, subscription states, licenseDetails, and deleting and restoring a user. Through the API on the
 * seeded Contoso (and, for a self-service subscription, Fabrikam); subscriptions are set up straight in the database.
 * Each scenario puts back the seats and subscription states it changes, and ends by checking that every product's
 * consumedUnits counter equals its holders.
 */

setUpRulesApp();

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
