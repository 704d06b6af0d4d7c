import type { BillingResult, LicenseConflictReport, LicensedUser, SubscribedSku, Subscription } from "@allot/contracts";
import { addDays, addMonths, DISABLED_DAYS, EXPIRED_GRACE_DAYS } from "@allot/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSubscriptionLifecycle } from "../src/services/billing/lifecycle-job.js";
import { type MadeUser, makeUser } from "./fixtures.js";
import {
  as,
  type CatalogRow,
  catalogBySku,
  clearProduct,
  createTestApp,
  login,
  problem,
  type Session,
  type TestApp,
} from "./helpers.js";

/**
 * The subscription lifecycle through the API with a movable clock and the scheduled job run by hand:
 * active → expired at term end (Warning, users keep access) → +30 days disabled (Suspended, assignments Disabled,
 * a conflict listing every holder, nothing new assignable) → +90 days deleted (assignments removed and audited).
 * The job is idempotent. Auto-renew renews with a renewal order; cancelling a monthly subscription skips expired;
 * renewing an expired or disabled one restores it. Each describe has its own database and clock.
 */

type Api = ReturnType<typeof as>;

interface World {
  t: TestApp;
  admin: Session;
  api: Api;
  base: string;
  sku: Record<string, CatalogRow>;
}

/** A fixed, known instant to start from (a 31st, so month arithmetic clamps). */
const T0 = new Date("2031-01-31T10:00:00.000Z");

/** A fresh app at T0, the seeded subscriptions brought up to T0 by one run of the job (so later runs are ours). */
async function world(): Promise<World> {
  const t = await createTestApp();
  t.clock.set(T0);
  await runSubscriptionLifecycle(t.db, T0);
  const admin = await login(t.app, "admin@contoso.test");
  return { t, admin, api: as(t.app, admin), base: `/api/tenants/${t.tenants.contoso}`, sku: await catalogBySku(t.db) };
}

async function buy(w: World, skuPartNumber: string, body: Record<string, unknown>): Promise<BillingResult> {
  const response = await w.api.post(`${w.base}/subscriptions`, {
    skuId: w.sku[skuPartNumber]?.skuId,
    seats: 3,
    billingTerm: "monthly",
    autoRenew: false,
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function subscription(w: World, id: string): Promise<Subscription & { orders: BillingResult["order"][] }> {
  const response = await w.api.get(`${w.base}/subscriptions/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function skuRow(w: World, skuPartNumber: string): Promise<SubscribedSku | undefined> {
  const response = await w.api.get(`${w.base}/subscribedSkus`);
  expect(response.statusCode).toBe(200);
  return (response.json().value as SubscribedSku[]).find((row) => row.skuPartNumber === skuPartNumber);
}

async function conflictOf(w: World, skuPartNumber: string): Promise<LicenseConflictReport | undefined> {
  const response = await w.api.get(`${w.base}/licenseConflicts`);
  expect(response.statusCode).toBe(200);
  return (response.json().value as LicenseConflictReport[]).find((c) => c.skuPartNumber === skuPartNumber);
}

async function assign(w: World, userId: string, skuPartNumber: string) {
  return w.api.post(`${w.base}/users/${userId}/assignLicense`, {
    addLicenses: [{ skuId: w.sku[skuPartNumber]?.skuId }],
    removeLicenses: [],
  });
}

/** The user's assignment states of one product, as GET users/:id/licenses reports them. */
async function statesOf(w: World, userId: string, skuPartNumber: string): Promise<string[]> {
  const response = await w.api.get(`${w.base}/users/${userId}/licenses`);
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as LicensedUser).licenseAssignmentStates
    .filter((state) => state.skuId === w.sku[skuPartNumber]?.skuId)
    .map((state) => state.state);
}

/** Runs the scheduled job at the clock's time. */
const runJob = (w: World) => runSubscriptionLifecycle(w.t.db, w.t.clock.now());

/** Everything the job could change, to prove a second run changes nothing. */
async function snapshot(w: World) {
  const [subscriptions, orders, invoices, audit, assignments, products] = await Promise.all([
    w.t.db.subscription.findMany({ orderBy: { id: "asc" } }),
    w.t.db.order.count(),
    w.t.db.invoice.count(),
    w.t.db.auditEvent.count(),
    w.t.db.licenseAssignment.findMany({ orderBy: { id: "asc" }, select: { id: true, state: true } }),
    w.t.db.tenantProduct.findMany({ orderBy: [{ tenantId: "asc" }, { productId: "asc" }] }),
  ]);
  return { subscriptions, orders, invoices, audit, assignments, products };
}

describe("active without auto-renew: expired → disabled → deleted", () => {
  let w: World;
  let bought: BillingResult;
  let holders: MadeUser[];
  let termEnd: Date;

  beforeAll(async () => {
    w = await world();
    // Visio starts from nothing, so the only seats are the ones bought here.
    await clearProduct(w.t.db, w.t.tenants.contoso, w.sku.VISIOCLIENT?.productId as string);
    w.t.clock.set(T0);
    bought = await buy(w, "VISIOCLIENT", { seats: 3 });
    termEnd = new Date(bought.subscription.termEndsAt);
    holders = [await makeUser(w.t.db, w.t.tenants.contoso), await makeUser(w.t.db, w.t.tenants.contoso)];
    for (const user of holders) expect((await assign(w, user.id, "VISIOCLIENT")).statusCode).toBe(200);
  });
  afterAll(() => w?.t.close());

  it("the purchase starts a monthly term at the clock's time, ending a calendar month later (clamped)", () => {
    expect(bought.subscription).toMatchObject({
      state: "active",
      capabilityStatus: "Enabled",
      autoRenew: false,
      termStartsAt: T0.toISOString(),
      termEndsAt: "2031-02-28T10:00:00.000Z",
      nextLifecycleAt: "2031-02-28T10:00:00.000Z",
    });
  });

  it("nothing happens before the term ends", async () => {
    w.t.clock.set(new Date(termEnd.getTime() - 60_000));
    const before = await snapshot(w);
    await runJob(w);
    expect((await subscription(w, bought.subscription.id)).state).toBe("active");
    expect((await snapshot(w)).subscriptions).toEqual(before.subscriptions);
  });

  it("at term end it expires: Warning, the seats still usable, users keep access (Active)", async () => {
    w.t.clock.set(termEnd);
    const report = await runJob(w);
    expect(report.expired).toBeGreaterThanOrEqual(1);
    const expired = await subscription(w, bought.subscription.id);
    expect(expired).toMatchObject({
      state: "expired",
      capabilityStatus: "Warning",
      stateChangedAt: termEnd.toISOString(),
      nextLifecycleAt: addDays(termEnd, EXPIRED_GRACE_DAYS).toISOString(),
    });
    expect(await skuRow(w, "VISIOCLIENT")).toMatchObject({
      capabilityStatus: "Warning",
      prepaidUnits: { enabled: 0, warning: 3, suspended: 0, lockedOut: 0 },
      consumedUnits: 2,
      available: 1,
    });
    for (const user of holders) expect(await statesOf(w, user.id, "VISIOCLIENT")).toEqual(["Active"]);
    const events = await w.t.db.auditEvent.findMany({
      where: { targetId: bought.subscription.id, action: "billing.subscriptionExpired" },
    });
    expect(events).toHaveLength(1);
  });

  it("from the day it expires it is a license conflict of every holder, with Renew as the fix and the day access ends", async () => {
    const accessEnds = addDays(termEnd, EXPIRED_GRACE_DAYS).toISOString();
    const conflict = await conflictOf(w, "VISIOCLIENT");
    expect(conflict).toMatchObject({
      kind: "expired",
      capabilityStatus: "Warning",
      consumedUnits: 2,
      usableUnits: 3,
      shortfall: 0,
      expiring: 2,
      userCount: 2,
      accessEndsAt: accessEnds,
      resolveBy: accessEnds,
    });
    expect(conflict?.fixes).toEqual([
      { kind: "renewSubscription", subscriptionId: bought.subscription.id, seats: 3, state: "expired", trial: false },
    ]);
    expect(conflict?.users.map((u) => u.id).sort()).toEqual(holders.map((u) => u.id).sort());
    // Each holder with the day they were licensed and their last sign-in (never, for these).
    for (const user of conflict?.users ?? []) {
      expect(Date.parse(user.licensedAt)).toBeGreaterThan(0);
      expect(user.lastSignInAt).toBeNull();
    }
    // The subscription says how many people depend on it; the conflict shows at once on Home's data too.
    expect((await subscription(w, bought.subscription.id)).holdersLosingAccess).toBe(2);
    // subscribedSkus counts them too, so the Licenses page lists the product among the conflicts.
    expect(await skuRow(w, "VISIOCLIENT")).toMatchObject({ conflicts: 0, expiring: 2 });
  });

  it("running the job again changes nothing", async () => {
    const before = await snapshot(w);
    const report = await runJob(w);
    expect(report).toMatchObject({ renewed: 0, expired: 0, disabled: 0, deleted: 0, licensesRemoved: 0 });
    expect(await snapshot(w)).toEqual(before);
  });

  it("30 days later it is disabled: Suspended, assignments Disabled, a conflict listing every holder, no new seats", async () => {
    w.t.clock.set(addDays(termEnd, EXPIRED_GRACE_DAYS));
    const report = await runJob(w);
    expect(report.disabled).toBeGreaterThanOrEqual(1);
    const disabledAt = addDays(termEnd, EXPIRED_GRACE_DAYS);
    expect(await subscription(w, bought.subscription.id)).toMatchObject({
      state: "disabled",
      capabilityStatus: "Suspended",
      stateChangedAt: disabledAt.toISOString(),
      nextLifecycleAt: addDays(disabledAt, DISABLED_DAYS).toISOString(),
    });
    expect(await skuRow(w, "VISIOCLIENT")).toMatchObject({
      capabilityStatus: "Suspended",
      prepaidUnits: { enabled: 0, warning: 0, suspended: 3, lockedOut: 0 },
      available: 0,
    });
    for (const user of holders) expect(await statesOf(w, user.id, "VISIOCLIENT")).toEqual(["Disabled"]);
    const conflict = await conflictOf(w, "VISIOCLIENT");
    expect(conflict).toMatchObject({ shortfall: 2, userCount: 2, usableUnits: 0, capabilityStatus: "Suspended" });
    expect(conflict?.users.map((u) => u.id).sort()).toEqual(holders.map((u) => u.id).sort());
    // The deadline is the deletion of the disabled subscription.
    expect(conflict?.resolveBy).toBe(addDays(disabledAt, DISABLED_DAYS).toISOString());
    expect(conflict?.kind).toBe("shortfall");
    expect(conflict?.fixes).toContainEqual({
      kind: "renewSubscription",
      subscriptionId: bought.subscription.id,
      seats: 3,
      state: "disabled",
      trial: false,
    });
    // Both holders have lost access: the subscription says so.
    expect((await subscription(w, bought.subscription.id)).holdersLosingAccess).toBe(2);
    // An admin can no longer assign from it.
    const newcomer = await makeUser(w.t.db, w.t.tenants.contoso);
    const refused = await assign(w, newcomer.id, "VISIOCLIENT");
    expect(refused.statusCode, refused.body).toBeGreaterThanOrEqual(400);
    expect(refused.statusCode).toBeLessThan(500);
    expect(await statesOf(w, newcomer.id, "VISIOCLIENT")).toEqual([]);
  });

  it("running the job twice after disabling changes nothing the second time", async () => {
    const before = await snapshot(w);
    await runJob(w);
    expect(await snapshot(w)).toEqual(before);
  });

  it("90 days after that it is deleted: its holders lose the license, each loss audited; the conflict is gone", async () => {
    w.t.clock.set(addDays(termEnd, EXPIRED_GRACE_DAYS + DISABLED_DAYS));
    const report = await runJob(w);
    expect(report.deleted).toBeGreaterThanOrEqual(1);
    expect(report.licensesRemoved).toBeGreaterThanOrEqual(2);
    expect(await subscription(w, bought.subscription.id)).toMatchObject({
      state: "deleted",
      capabilityStatus: "Deleted",
      nextLifecycleAt: null,
    });
    for (const user of holders) {
      expect(await statesOf(w, user.id, "VISIOCLIENT")).toEqual([]);
      const lost = await w.t.db.auditEvent.findMany({
        where: { targetId: user.id, action: "licenses.removedByLifecycle" },
      });
      expect(lost).toHaveLength(1);
      expect(lost[0]?.after).toMatchObject({ reason: "subscriptionDeleted" });
    }
    expect(await conflictOf(w, "VISIOCLIENT")).toBeUndefined();
    expect(await skuRow(w, "VISIOCLIENT")).toMatchObject({ consumedUnits: 0 });
    const deleted = await w.t.db.auditEvent.count({
      where: { targetId: bought.subscription.id, action: "billing.subscriptionDeleted" },
    });
    expect(deleted).toBe(1);
    // Left out of the list unless asked for.
    const list = (await w.api.get(`${w.base}/subscriptions`)).json().value as Subscription[];
    expect(list.map((s) => s.id)).not.toContain(bought.subscription.id);
    const all = (await w.api.get(`${w.base}/subscriptions?includeDeleted=true`)).json().value as Subscription[];
    expect(all.map((s) => s.id)).toContain(bought.subscription.id);
  });

  it("after deletion the job is a no-op, and a deleted subscription cannot be renewed or cancelled", async () => {
    const before = await snapshot(w);
    await runJob(w);
    w.t.clock.set(addDays(w.t.clock.now(), 400));
    await runJob(w);
    const after = await snapshot(w);
    expect(after.subscriptions.find((s) => s.id === bought.subscription.id)).toEqual(
      before.subscriptions.find((s) => s.id === bought.subscription.id),
    );
    for (const action of ["renew", "cancel"]) {
      const response = await w.api.post(`${w.base}/subscriptions/${bought.subscription.id}/${action}`, {});
      expect(response.statusCode, response.body).toBe(409);
      expect(problem(response).code).toBe("SubscriptionStateInvalid");
    }
  });
});

describe("a late job reaches the same states and dates as a punctual one", () => {
  let w: World;
  afterAll(() => w?.t.close());

  it("one run 200 days after the term ended applies expire, disable and delete with their due dates", async () => {
    w = await world();
    await clearProduct(w.t.db, w.t.tenants.contoso, w.sku.VISIOCLIENT?.productId as string);
    w.t.clock.set(T0);
    const bought = await buy(w, "VISIOCLIENT", { seats: 2 });
    const holder = await makeUser(w.t.db, w.t.tenants.contoso);
    expect((await assign(w, holder.id, "VISIOCLIENT")).statusCode).toBe(200);
    const end = new Date(bought.subscription.termEndsAt);
    w.t.clock.set(addDays(end, 200));
    await runJob(w);
    const events = await w.t.db.auditEvent.findMany({
      where: {
        targetId: bought.subscription.id,
        action: { in: ["billing.subscriptionExpired", "billing.subscriptionDisabled", "billing.subscriptionDeleted"] },
      },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => [e.action, (e.after as { at: string }).at])).toEqual([
      ["billing.subscriptionExpired", end.toISOString()],
      ["billing.subscriptionDisabled", addDays(end, 30).toISOString()],
      ["billing.subscriptionDeleted", addDays(end, 120).toISOString()],
    ]);
    expect(await statesOf(w, holder.id, "VISIOCLIENT")).toEqual([]);
    expect((await subscription(w, bought.subscription.id)).stateChangedAt).toBe(addDays(end, 120).toISOString());
  });
});

describe("auto-renew", () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
    w.t.clock.set(T0);
  });
  afterAll(() => w?.t.close());

  it("renews term after term with a renewal order and invoice each, and never expires", async () => {
    const price = w.sku.POWER_BI_PRO?.pricePerSeatMonthCents as number;
    const bought = await buy(w, "POWER_BI_PRO", { seats: 4, autoRenew: true });
    // 31 Jan → 28 Feb → 28 Mar → 28 Apr: three terms end within 89 days.
    w.t.clock.set(addDays(T0, 89));
    const report = await runJob(w);
    expect(report.renewed).toBeGreaterThanOrEqual(3);
    const after = await subscription(w, bought.subscription.id);
    expect(after).toMatchObject({
      state: "active",
      capabilityStatus: "Enabled",
      termStartsAt: "2031-04-28T10:00:00.000Z",
      termEndsAt: "2031-05-28T10:00:00.000Z",
    });
    const renewals = after.orders.filter((order) => order?.kind === "renewal");
    expect(renewals).toHaveLength(3);
    for (const order of renewals) {
      expect(order).toMatchObject({ amountCents: 4 * price, seatsDelta: 4, status: "completed", placedBy: null });
      expect(order?.invoiceId).not.toBeNull();
    }
    const invoices = await w.t.db.invoiceLine.findMany({
      where: { orderId: { in: renewals.map((order) => order?.id as string) } },
    });
    expect(invoices.map((line) => line.periodStart.toISOString()).sort()).toEqual([
      "2031-02-28T10:00:00.000Z",
      "2031-03-28T10:00:00.000Z",
      "2031-04-28T10:00:00.000Z",
    ]);
    const audited = await w.t.db.auditEvent.count({
      where: { targetId: bought.subscription.id, action: "billing.subscriptionAutoRenewed" },
    });
    expect(audited).toBe(3);
  });

  it("a second run at the same time renews nothing more", async () => {
    const before = await snapshot(w);
    const report = await runJob(w);
    expect(report.renewed).toBe(0);
    expect(await snapshot(w)).toEqual(before);
  });

  it("two runs at the same time apply each renewal once", async () => {
    const bought = await buy(w, "POWER_BI_PRO", { seats: 1, autoRenew: true });
    w.t.clock.set(addMonths(w.t.clock.now(), 2));
    await Promise.all([runJob(w), runJob(w), runJob(w)]);
    const renewals = await w.t.db.order.count({ where: { subscriptionId: bought.subscription.id, kind: "renewal" } });
    expect(renewals).toBe(2);
  });

  it("turning auto-renew off (PATCH) makes it expire at its term end instead", async () => {
    const bought = await buy(w, "POWER_BI_PRO", { seats: 2, autoRenew: true });
    const patched = await w.api.patch(`${w.base}/subscriptions/${bought.subscription.id}`, { autoRenew: false });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ autoRenew: false });
    w.t.clock.set(new Date(bought.subscription.termEndsAt));
    await runJob(w);
    const after = await subscription(w, bought.subscription.id);
    expect(after.state).toBe("expired");
    expect(after.orders.filter((order) => order?.kind === "renewal")).toEqual([]);
  });
});

describe("cancel and reactivate", () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
    w.t.clock.set(T0);
  });
  afterAll(() => w?.t.close());

  it("cancelling a monthly subscription disables it at once (skips expired) with a credit for the unused days", async () => {
    await clearProduct(w.t.db, w.t.tenants.contoso, w.sku.VISIOCLIENT?.productId as string);
    const bought = await buy(w, "VISIOCLIENT", { seats: 2, autoRenew: true });
    const holder = await makeUser(w.t.db, w.t.tenants.contoso);
    expect((await assign(w, holder.id, "VISIOCLIENT")).statusCode).toBe(200);
    w.t.clock.set(addDays(T0, 7));
    const response = await w.api.post(`${w.base}/subscriptions/${bought.subscription.id}/cancel`, {});
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json() as BillingResult;
    expect(result.subscription).toMatchObject({
      state: "disabled",
      capabilityStatus: "Suspended",
      autoRenew: false,
      cancelledAt: addDays(T0, 7).toISOString(),
    });
    // 28 days in the term (31 Jan → 28 Feb), 21 left: 2 × 1400 × 21/28 = 2100 back.
    expect(result.order).toMatchObject({ kind: "cancellation", amountCents: -2100 });
    expect(result.invoice?.lines).toHaveLength(1);
    expect(result.invoice?.totalCents).toBe(-2100);
    expect(await statesOf(w, holder.id, "VISIOCLIENT")).toEqual(["Disabled"]);
    // Never passes through expired: the job later deletes it 90 days after the cancellation.
    w.t.clock.set(addDays(T0, 7 + 89));
    await runJob(w);
    expect((await subscription(w, bought.subscription.id)).state).toBe("disabled");
    w.t.clock.set(addDays(T0, 7 + 90));
    await runJob(w);
    expect((await subscription(w, bought.subscription.id)).state).toBe("deleted");
    const kinds = await w.t.db.auditEvent.findMany({
      where: { targetId: bought.subscription.id },
      orderBy: { createdAt: "asc" },
      select: { action: true },
    });
    expect(kinds.map((k) => k.action)).not.toContain("billing.subscriptionExpired");
    expect(await statesOf(w, holder.id, "VISIOCLIENT")).toEqual([]);
  });

  it("free seats through cancel are closed: a credited annual cancellation ends the seats at once, renew → cancel pays each time", async () => {
    // The exploit an outside probe found: buy annual, cancel the same day, get the whole term back and keep the
    // seats usable for 30 days of grace; renew → cancel to repeat it at no cost.
    const productId = w.sku.POWER_BI_PRO?.productId as string;
    const price = w.sku.POWER_BI_PRO?.pricePerSeatMonthCents as number;
    await clearProduct(w.t.db, w.t.tenants.contoso, productId);
    const start = w.t.clock.now();
    const bought = await buy(w, "POWER_BI_PRO", { seats: 2, billingTerm: "annual", autoRenew: true });
    expect(bought.order?.amountCents).toBe(2 * 12 * price);
    const holders = [await makeUser(w.t.db, w.t.tenants.contoso), await makeUser(w.t.db, w.t.tenants.contoso)];
    for (const holder of holders) expect((await assign(w, holder.id, "POWER_BI_PRO")).statusCode).toBe(200);

    w.t.clock.set(new Date(start.getTime() + 3 * 3_600_000));
    const cancelled = await w.api.post(`${w.base}/subscriptions/${bought.subscription.id}/cancel`, {});
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const result = cancelled.json() as BillingResult;
    // The unused whole days come back (the started day is paid), and so the seats end now: disabled, not grace.
    expect(result.subscription).toMatchObject({ state: "disabled", capabilityStatus: "Suspended", autoRenew: false });
    const termDays = Math.round((new Date(bought.subscription.termEndsAt).getTime() - start.getTime()) / 86_400_000);
    expect(result.order).toMatchObject({
      kind: "cancellation",
      amountCents: -Math.round((2 * 12 * price * (termDays - 1)) / termDays),
    });
    // Nothing can be assigned from it, and both holders are in a license conflict with its deletion as deadline.
    const sku = await skuRow(w, "POWER_BI_PRO");
    expect(sku).toMatchObject({ prepaidUnits: { enabled: 0, warning: 0, suspended: 2 }, consumedUnits: 2 });
    const third = await makeUser(w.t.db, w.t.tenants.contoso);
    const refused = await assign(w, third.id, "POWER_BI_PRO");
    expect(refused.statusCode).toBe(409);
    expect(["CountViolation", "SubscriptionNotUsable"]).toContain(problem(refused).code);
    for (const holder of holders) expect(await statesOf(w, holder.id, "POWER_BI_PRO")).toEqual(["Disabled"]);
    const conflict = await conflictOf(w, "POWER_BI_PRO");
    expect(conflict).toMatchObject({ shortfall: 2, usableUnits: 0, consumedUnits: 2 });
    expect(conflict?.resolveBy).toBe(addDays(w.t.clock.now(), DISABLED_DAYS).toISOString());

    // renew → cancel again: the reactivation bills a whole new term, the next cancellation credits its unused days.
    for (let round = 0; round < 3; round++) {
      w.t.clock.set(addDays(w.t.clock.now(), 1));
      const renewed = await w.api.post(`${w.base}/subscriptions/${bought.subscription.id}/renew`, {});
      expect(renewed.statusCode, renewed.body).toBe(200);
      expect(renewed.json().order).toMatchObject({ kind: "renewal", amountCents: 2 * 12 * price });
      for (const holder of holders) expect(await statesOf(w, holder.id, "POWER_BI_PRO")).toEqual(["Active"]);
      w.t.clock.set(new Date(w.t.clock.now().getTime() + 3_600_000));
      const again = await w.api.post(`${w.base}/subscriptions/${bought.subscription.id}/cancel`, {});
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json().subscription.state).toBe("disabled");
    }
    // Every usable seat-day was paid: 4 terms bought, 4 cancelled an hour or three into their first day, so the
    // net is exactly one started day per term for both seats (within a cent per order).
    const orders = await w.t.db.order.findMany({ where: { subscriptionId: bought.subscription.id } });
    const net = orders.reduce((sum, order) => sum + order.amountCents, 0);
    const oneDayCents = (2 * 12 * price) / termDays;
    expect(orders).toHaveLength(8);
    expect(Math.abs(net - 4 * oneDayCents)).toBeLessThanOrEqual(8);
  });

  it("an annual subscription cancelled with nothing left to credit keeps its 30 days of grace; cancelling again disables it", async () => {
    const bought = await buy(w, "POWER_BI_PRO", { seats: 2, billingTerm: "annual", autoRenew: true });
    // The term's last hour: no whole day is left to credit, so it ends like one that runs out.
    w.t.clock.set(new Date(new Date(bought.subscription.termEndsAt).getTime() - 3_600_000));
    const first = await w.api.post(`${w.base}/subscriptions/${bought.subscription.id}/cancel`, {});
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().subscription).toMatchObject({ state: "expired", capabilityStatus: "Warning" });
    expect(first.json().order).toMatchObject({ kind: "cancellation", amountCents: 0 });
    expect(first.json().invoice).toBeNull();
    const cancelledAt = w.t.clock.now();
    w.t.clock.set(addDays(cancelledAt, 29));
    await runJob(w);
    expect((await subscription(w, bought.subscription.id)).state).toBe("expired");
    const second = await w.api.post(`${w.base}/subscriptions/${bought.subscription.id}/cancel`, {});
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().subscription.state).toBe("disabled");
    // Nothing left to credit in grace.
    expect(second.json().order).toBeNull();
    const third = await w.api.post(`${w.base}/subscriptions/${bought.subscription.id}/cancel`, {});
    expect(third.statusCode).toBe(409);
    expect(problem(third).code).toBe("SubscriptionStateInvalid");
  });

  it("the cancellation quote says what the change will do: the credit and the state it leaves", async () => {
    const bought = await buy(w, "POWER_BI_PRO", { seats: 1, billingTerm: "annual", autoRenew: true });
    w.t.clock.set(addDays(w.t.clock.now(), 10));
    const quote = await w.api.post(`${w.base}/billing/quote`, {
      kind: "cancellation",
      subscriptionId: bought.subscription.id,
    });
    expect(quote.statusCode, quote.body).toBe(200);
    expect(quote.json()).toMatchObject({ kind: "cancellation", resultingState: "disabled" });
    const cancelled = await w.api.post(`${w.base}/subscriptions/${bought.subscription.id}/cancel`, {});
    expect(cancelled.json().order.amountCents).toBe(quote.json().amountCents);
    expect(cancelled.json().subscription.state).toBe(quote.json().resultingState);
  });

  it("renewing an expired subscription reactivates it with a new term from now, billed now", async () => {
    const bought = await buy(w, "POWER_BI_PRO", { seats: 3, autoRenew: false });
    w.t.clock.set(addDays(new Date(bought.subscription.termEndsAt), 5));
    await runJob(w);
    expect((await subscription(w, bought.subscription.id)).state).toBe("expired");
    const now = w.t.clock.now();
    const response = await w.api.post(`${w.base}/subscriptions/${bought.subscription.id}/renew`, {});
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json() as BillingResult;
    expect(result.subscription).toMatchObject({
      state: "active",
      capabilityStatus: "Enabled",
      termStartsAt: now.toISOString(),
      termEndsAt: addMonths(now, 1).toISOString(),
      autoRenew: true,
      cancelledAt: null,
    });
    expect(result.order).toMatchObject({
      kind: "renewal",
      amountCents: 3 * (w.sku.POWER_BI_PRO?.pricePerSeatMonthCents as number),
    });
    // It now renews by itself at its new term end.
    w.t.clock.set(addMonths(now, 1));
    await runJob(w);
    expect((await subscription(w, bought.subscription.id)).state).toBe("active");
  });

  it("renewing a disabled subscription restores it: holders Active again, the conflict gone", async () => {
    const product = w.sku.EXCHANGEARCHIVE_ADDON?.productId as string;
    await clearProduct(w.t.db, w.t.tenants.contoso, product);
    // Archiving needs an Exchange product: E3 holders have one (Contoso's first licensable members hold E3).
    const e3Holder = await w.t.db.licenseAssignment.findFirstOrThrow({
      where: { tenantId: w.t.tenants.contoso, productId: w.sku.SPE_E3?.productId as string, assignedByGroupId: null },
    });
    const bought = await buy(w, "EXCHANGEARCHIVE_ADDON", { seats: 1, autoRenew: false });
    expect((await assign(w, e3Holder.userId, "EXCHANGEARCHIVE_ADDON")).statusCode).toBe(200);
    w.t.clock.set(addDays(new Date(bought.subscription.termEndsAt), 31));
    await runJob(w);
    expect((await subscription(w, bought.subscription.id)).state).toBe("disabled");
    expect(await statesOf(w, e3Holder.userId, "EXCHANGEARCHIVE_ADDON")).toEqual(["Disabled"]);
    expect(await conflictOf(w, "EXCHANGEARCHIVE_ADDON")).toBeDefined();
    const response = await w.api.post(`${w.base}/subscriptions/${bought.subscription.id}/renew`, {});
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().subscription).toMatchObject({ state: "active", capabilityStatus: "Enabled" });
    expect(await statesOf(w, e3Holder.userId, "EXCHANGEARCHIVE_ADDON")).toEqual(["Active"]);
    expect(await conflictOf(w, "EXCHANGEARCHIVE_ADDON")).toBeUndefined();
    const audited = await w.t.db.auditEvent.count({
      where: { targetId: bought.subscription.id, action: "billing.subscriptionReactivated" },
    });
    expect(audited).toBe(1);
  });

  it("a change after the term ended, before the job ran, first renews (billed from the term's end) or expires it", async () => {
    const renewing = await buy(w, "POWER_BI_PRO", { seats: 3, autoRenew: true });
    const ending = await buy(w, "POWER_BI_PRO", { seats: 3, autoRenew: false });
    const termEnd = new Date(renewing.subscription.termEndsAt);
    w.t.clock.set(addDays(termEnd, 2));
    // No job run: the seat change itself brings the subscription to today, so it never prorates an ended term.
    const changed = await w.api.post(`${w.base}/subscriptions/${renewing.subscription.id}/changeSeats`, { seats: 1 });
    expect(changed.statusCode, changed.body).toBe(200);
    const after = await subscription(w, renewing.subscription.id);
    expect(after).toMatchObject({ state: "active", termStartsAt: termEnd.toISOString(), seats: 1 });
    const renewal = after.orders.find((order) => order?.kind === "renewal");
    expect(renewal).toMatchObject({ amountCents: 3 * (w.sku.POWER_BI_PRO?.pricePerSeatMonthCents as number) });
    const seatChange = after.orders.find((order) => order?.kind === "seatChange");
    expect(seatChange?.amountCents).toBeLessThan(0);
    // The one without auto-renew has expired meanwhile: seats can no longer change.
    const refused = await w.api.post(`${w.base}/subscriptions/${ending.subscription.id}/changeSeats`, { seats: 1 });
    expect(refused.statusCode).toBe(409);
    expect(problem(refused).code).toBe("SubscriptionStateInvalid");
    expect(refused.json().detail).toContain("expired");
  });

  it("renewing an active subscription turns auto-renew back on and bills nothing now", async () => {
    const bought = await buy(w, "POWER_BI_PRO", { seats: 1, autoRenew: false });
    const response = await w.api.post(`${w.base}/subscriptions/${bought.subscription.id}/renew`, {});
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      subscription: { state: "active", autoRenew: true, termEndsAt: bought.subscription.termEndsAt },
      order: null,
      invoice: null,
    });
  });
});

describe("who loses access: an expired or cancelled subscription whose holders have seats elsewhere", () => {
  let w: World;
  let holders: MadeUser[];

  beforeAll(async () => {
    w = await world();
    await clearProduct(w.t.db, w.t.tenants.contoso, w.sku.VISIOCLIENT?.productId as string);
    w.t.clock.set(T0);
    holders = [await makeUser(w.t.db, w.t.tenants.contoso), await makeUser(w.t.db, w.t.tenants.contoso)];
  });
  afterAll(() => w?.t.close());

  it("cancelling spare seats: the quote and the subscription say nobody loses access, and no conflict arises", async () => {
    const keep = await buy(w, "VISIOCLIENT", { seats: 12, autoRenew: true });
    const spare = await buy(w, "VISIOCLIENT", { seats: 2, autoRenew: true });
    for (const user of holders) expect((await assign(w, user.id, "VISIOCLIENT")).statusCode).toBe(200);
    const quoted = await w.api.post(`${w.base}/billing/quote`, {
      kind: "cancellation",
      subscriptionId: spare.subscription.id,
    });
    expect(quoted.statusCode, quoted.body).toBe(200);
    expect(quoted.json()).toMatchObject({ resultingState: "disabled", holdersLosingAccess: 0 });
    // Either one alone has seats for both holders, so cancelling the other affects nobody.
    const keepQuote = await w.api.post(`${w.base}/billing/quote`, {
      kind: "cancellation",
      subscriptionId: keep.subscription.id,
    });
    expect(keepQuote.json()).toMatchObject({ holdersLosingAccess: 0 });
    expect((await w.api.post(`${w.base}/subscriptions/${spare.subscription.id}/cancel`, {})).statusCode).toBe(200);
    expect(await subscription(w, spare.subscription.id)).toMatchObject({ state: "disabled", holdersLosingAccess: 0 });
    expect(await conflictOf(w, "VISIOCLIENT")).toBeUndefined();
    // Now the 12 seats are all there is: cancelling them would take both holders' access.
    const nowQuote = await w.api.post(`${w.base}/billing/quote`, {
      kind: "cancellation",
      subscriptionId: keep.subscription.id,
    });
    expect(nowQuote.json()).toMatchObject({ resultingState: "disabled", holdersLosingAccess: 2 });
  });

  it("an expired subscription beside enough active seats is no conflict and affects nobody", async () => {
    const lapsing = await buy(w, "VISIOCLIENT", { seats: 3, autoRenew: false });
    w.t.clock.set(new Date(lapsing.subscription.termEndsAt));
    await runJob(w);
    expect(await subscription(w, lapsing.subscription.id)).toMatchObject({ state: "expired", holdersLosingAccess: 0 });
    expect(await conflictOf(w, "VISIOCLIENT")).toBeUndefined();
  });
});
