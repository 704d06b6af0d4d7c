import type { GroupLicenses, LicensedUser, RestoredUser } from "@allot/contracts";
import { describe, expect, it } from "vitest";
import { auditOf, makeUser } from "./fixtures.js";
import { as, problem } from "./helpers.js";
import {
  addMembers,
  admin,
  assertCountersMatchRows,
  assign,
  assignGroup,
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
  setSeats,
  setState,
  setUpRulesApp,
  skuId,
  statesOf,
  t,
  userAdmin,
} from "./license-rules-setup.js";

/**
 * License rules of DESIGN.md §2 that licenses.test.ts does not already drive, through groups and across changes:
 * group membership, a group's own licenses and reprocessing, the audit of license mutations, and integrity across
 * restore, groups and location changes. Through the API on the seeded Contoso; subscriptions are set up straight in
 * the database. Each scenario puts back the seats and subscription states it changes, and ends by checking that
 * every product's consumedUnits counter equals its holders.
 */

setUpRulesApp();

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
