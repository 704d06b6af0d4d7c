import { randomUUID } from "node:crypto";
import type { BulkLicenseReport, LicenseRequestPage } from "@allot/contracts";
import { beforeAll, describe, expect, it } from "vitest";
import { assertSeatCountersMatchHolders, makeUser } from "./fixtures.js";
import { as, login, walkPages } from "./helpers.js";
import {
  admin,
  assign,
  base,
  expectProblem,
  ok,
  planIds,
  productIdOf,
  setUpViewsApp,
  sku,
  t,
} from "./license-views-setup.js";

/**
 * The requests inbox (licenseRequests: order, filters, who may read it) and the per-user deltas of a bulk report (the
 * user's name and the skuIds added, removed and changed, in add and replace mode).
 */

setUpViewsApp();

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
