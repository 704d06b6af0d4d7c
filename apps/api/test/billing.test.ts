import { randomUUID } from "node:crypto";
import {
  type BillingResult,
  type Invoice,
  type LicenseConflictReport,
  type LicensedUser,
  type Order,
  type Quote,
  type SubscribedSku,
  seatsInUseProblemSchema,
} from "@allot/contracts";
import { addDays, CONFLICT_RESOLVE_DAYS, prorate, termEnd } from "@allot/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSubscriptionLifecycle } from "../src/services/billing/lifecycle-job.js";
import { type MadeUser, makeUser, UUID } from "./fixtures.js";
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
  walkPages,
} from "./helpers.js";

/**
 * Billing admins' changes through the API: purchases and seat changes prorated to the day with one invoice
 * line per change and the quote equal to what is billed; SeatsInUse with the holders, and an accepted conflict's
 * 90-day deadline enforced by the lifecycle job; trials; orders, invoices and their CSV exports; bad input that is
 * always a problem answer, never a 500.
 */

let t: TestApp;
let admin: Session;
let api: ReturnType<typeof as>;
let base: string;
let sku: Record<string, CatalogRow>;

/** A known instant: a 31st (the monthly term ends on the 28th of February, 28 days). */
const T0 = new Date("2031-01-31T10:00:00.000Z");

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(T0);
  // Bring the seeded subscriptions up to T0, so the job runs below act on this file's subscriptions only.
  await runSubscriptionLifecycle(t.db, T0);
  admin = await login(t.app, "admin@contoso.test");
  api = as(t.app, admin);
  base = `/api/tenants/${t.tenants.contoso}`;
  sku = await catalogBySku(t.db);
});
afterAll(() => t?.close());

const skuId = (part: string) => sku[part]?.skuId as string;
const productId = (part: string) => sku[part]?.productId as string;
const price = (part: string) => sku[part]?.pricePerSeatMonthCents as number;

async function buy(part: string, body: Record<string, unknown> = {}): Promise<BillingResult> {
  const response = await api.post(`${base}/subscriptions`, {
    skuId: skuId(part),
    seats: 5,
    billingTerm: "monthly",
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function changeSeats(id: string, seats: number, acceptConflict?: boolean) {
  return api.post(`${base}/subscriptions/${id}/changeSeats`, {
    seats,
    ...(acceptConflict === undefined ? {} : { acceptConflict }),
  });
}

async function quote(body: Record<string, unknown>): Promise<Quote> {
  const response = await api.post(`${base}/billing/quote`, body);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function assign(userId: string, part: string) {
  return api.post(`${base}/users/${userId}/assignLicense`, {
    addLicenses: [{ skuId: skuId(part) }],
    removeLicenses: [],
  });
}

async function skuRow(part: string): Promise<SubscribedSku> {
  const rows = (await api.get(`${base}/subscribedSkus`)).json().value as SubscribedSku[];
  return rows.find((row) => row.skuPartNumber === part) as SubscribedSku;
}

async function conflictOf(part: string): Promise<LicenseConflictReport | undefined> {
  const rows = (await api.get(`${base}/licenseConflicts`)).json().value as LicenseConflictReport[];
  return rows.find((row) => row.skuPartNumber === part);
}

async function counts() {
  const [orders, invoices, lines, subscriptions, assignments, audit] = await Promise.all([
    t.db.order.count(),
    t.db.invoice.count(),
    t.db.invoiceLine.count(),
    t.db.subscription.findMany({ orderBy: { id: "asc" }, select: { id: true, seats: true, state: true } }),
    t.db.licenseAssignment.count(),
    t.db.auditEvent.count(),
  ]);
  return { orders, invoices, lines, subscriptions, assignments, audit };
}

describe("purchases and seat changes, prorated to the day", () => {
  let bought: BillingResult;

  it("a purchase bills the full term now: one order, one invoice with one line, as quoted", async () => {
    t.clock.set(T0);
    const quoted = await quote({ kind: "purchase", skuId: skuId("POWER_BI_PRO"), seats: 5, billingTerm: "monthly" });
    bought = await buy("POWER_BI_PRO", { seats: 5, autoRenew: true });
    expect(bought.subscription).toMatchObject({
      skuId: skuId("POWER_BI_PRO"),
      skuPartNumber: "POWER_BI_PRO",
      seats: 5,
      state: "active",
      source: "admin",
      adminAssignable: true,
      billingTerm: "monthly",
      autoRenew: true,
      termStartsAt: T0.toISOString(),
      termEndsAt: "2031-02-28T10:00:00.000Z",
      pricePerSeatMonthCents: 1310,
      pricePerSeatTermCents: 1310,
      currency: "EUR",
      paymentProvider: "invoice",
    });
    expect(bought.order).toMatchObject({ kind: "purchase", seatsDelta: 5, amountCents: 6550, status: "completed" });
    expect(bought.order?.placedBy?.id).toBe(admin.me.user.id);
    expect(bought.invoice).toMatchObject({ status: "open", totalCents: 6550, currency: "EUR" });
    expect(bought.invoice?.number).toMatch(/^INV-\d{6}$/);
    expect(bought.invoice?.lines).toEqual([
      expect.objectContaining({
        orderId: bought.order?.id,
        quantity: 5,
        unitPriceCents: 1310,
        amountCents: 6550,
        periodStart: T0.toISOString(),
        periodEnd: "2031-02-28T10:00:00.000Z",
      }),
    ]);
    expect(quoted).toMatchObject({ kind: "purchase", amountCents: 6550, currency: "EUR", shortfall: 0 });
    expect(quoted.lines.map((l) => l.amountCents)).toEqual([6550]);
    const audit = await t.db.auditEvent.findMany({
      where: { targetId: bought.subscription.id, action: "billing.subscriptionPurchased" },
    });
    expect(audit).toHaveLength(1);
    // The new seats are usable at once.
    const before = await skuRow("POWER_BI_PRO");
    expect(before.prepaidUnits.enabled).toBeGreaterThanOrEqual(5);
  });

  it("an annual purchase bills twelve months", async () => {
    const annual = await buy("VISIOCLIENT", { seats: 2, billingTerm: "annual" });
    expect(annual.order?.amountCents).toBe(2 * 12 * 1400);
    expect(annual.subscription).toMatchObject({
      pricePerSeatTermCents: 12 * 1400,
      termEndsAt: "2032-01-31T10:00:00.000Z",
    });
  });

  it("adding seats 10 days in bills the days left (18 of 28), exactly the domain's proration and the quote", async () => {
    t.clock.set(addDays(T0, 10));
    const quoted = await quote({ kind: "seatChange", subscriptionId: bought.subscription.id, seats: 8 });
    const before = await counts();
    const response = await changeSeats(bought.subscription.id, 8);
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json() as BillingResult;
    const expected = prorate({
      pricePerSeatMonthCents: 1310,
      term: "monthly",
      termStartsAt: T0,
      termEndsAt: termEnd(T0, "monthly"),
      at: addDays(T0, 10),
      seatsDelta: 3,
    });
    expect(expected).toMatchObject({ daysLeft: 18, termDays: 28 });
    // 3 × 1310 × 18 / 28 = 2526.43 → 2526.
    expect(expected.amountCents).toBe(2526);
    expect(result.subscription.seats).toBe(8);
    expect(result.order).toMatchObject({ kind: "seatChange", seatsDelta: 3, amountCents: 2526 });
    expect(result.invoice?.totalCents).toBe(2526);
    expect(result.invoice?.lines).toHaveLength(1);
    expect(result.invoice?.lines[0]).toMatchObject({
      orderId: result.order?.id,
      quantity: 3,
      amountCents: 2526,
      periodStart: addDays(T0, 10).toISOString(),
      periodEnd: "2031-02-28T10:00:00.000Z",
    });
    expect(quoted).toMatchObject({ kind: "seatChange", amountCents: 2526, daysLeft: 18, termDays: 28, shortfall: 0 });
    const after = await counts();
    expect(after.orders - before.orders).toBe(1);
    expect(after.invoices - before.invoices).toBe(1);
    expect(after.lines - before.lines).toBe(1);
  });

  it("a started day counts as left: half a day later still 18 days", async () => {
    t.clock.set(new Date(addDays(T0, 10).getTime() + 12 * 3_600_000));
    const quoted = await quote({ kind: "seatChange", subscriptionId: bought.subscription.id, seats: 9 });
    expect(quoted).toMatchObject({ daysLeft: 18, amountCents: Math.round((1310 * 18) / 28) });
  });

  it("removing seats later is a credit: a negative line, one per change", async () => {
    t.clock.set(addDays(T0, 15));
    const response = await changeSeats(bought.subscription.id, 6);
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json() as BillingResult;
    // −2 × 1310 × 13 / 28 = −1216.43 → −1216.
    expect(result.order).toMatchObject({ kind: "seatChange", seatsDelta: -2, amountCents: -1216 });
    expect(result.invoice).toMatchObject({ totalCents: -1216, status: "paid" });
    expect(result.invoice?.lines).toEqual([expect.objectContaining({ quantity: -2, amountCents: -1216 })]);
    expect(result.subscription.seats).toBe(6);
  });

  it("the subscription's orders are every change, newest first, and each order names its invoice", async () => {
    const response = await api.get(`${base}/subscriptions/${bought.subscription.id}`);
    expect(response.statusCode).toBe(200);
    const orders = response.json().orders as Order[];
    expect(orders.map((o) => [o.kind, o.seatsDelta, o.amountCents])).toEqual([
      ["seatChange", -2, -1216],
      ["seatChange", 3, 2526],
      ["purchase", 5, 6550],
    ]);
    for (const order of orders) expect(order.invoiceNumber).toMatch(/^INV-/);
  });

  it("the same seat count is refused (400, nothing billed)", async () => {
    const before = await counts();
    const response = await changeSeats(bought.subscription.id, 6);
    expect(response.statusCode).toBe(400);
    expect(problem(response).code).toBe("ValidationFailed");
    expect(await counts()).toEqual(before);
  });

  it("a seat change on a trial or a non-active subscription is SubscriptionStateInvalid", async () => {
    const trial = await t.db.subscription.findFirstOrThrow({
      where: { tenantId: t.tenants.contoso, source: "trial" },
    });
    const response = await changeSeats(trial.id, 30);
    expect(response.statusCode, response.body).toBe(409);
    expect(problem(response).code).toBe("SubscriptionStateInvalid");
  });
});

describe("SeatsInUse and accepted conflicts", () => {
  let subscriptionId: string;
  let holders: MadeUser[];
  let acceptedAt: Date;

  beforeAll(async () => {
    t.clock.set(T0);
    // Visio from nothing: one annual subscription of 5 seats, 4 of them held.
    await clearProduct(t.db, t.tenants.contoso, productId("VISIOCLIENT"));
    const bought = await buy("VISIOCLIENT", { seats: 5, billingTerm: "annual", autoRenew: true });
    subscriptionId = bought.subscription.id;
    holders = [];
    for (let i = 0; i < 4; i++) {
      const user = await makeUser(t.db, t.tenants.contoso);
      expect((await assign(user.id, "VISIOCLIENT")).statusCode).toBe(200);
      holders.push(user);
    }
  });

  it("removing free seats is fine", async () => {
    const response = await changeSeats(subscriptionId, 4);
    expect(response.statusCode, response.body).toBe(200);
  });

  it("removing held seats is 409 SeatsInUse naming the holders, and changes nothing", async () => {
    const before = await counts();
    const response = await changeSeats(subscriptionId, 2);
    expect(response.statusCode, response.body).toBe(409);
    const body = problem(response) as ReturnType<typeof problem> & Record<string, unknown>;
    expect(body.code).toBe("SeatsInUse");
    const members = seatsInUseProblemSchema.parse(body);
    expect(members.shortfall).toBe(2);
    expect(members.holderCount).toBe(4);
    expect(members.holders.map((h) => h.id).sort()).toEqual(holders.map((h) => h.id).sort());
    expect(members.holders.map((h) => h.email).sort()).toEqual(holders.map((h) => h.email).sort());
    expect(await counts()).toEqual(before);
    // acceptConflict: false is the same as leaving it out.
    const explicit = await changeSeats(subscriptionId, 2, false);
    expect(problem(explicit).code).toBe("SeatsInUse");
  });

  it("the quote shows the shortfall without refusing", async () => {
    const quoted = await quote({ kind: "seatChange", subscriptionId, seats: 2 });
    expect(quoted.shortfall).toBe(2);
    expect(quoted.amountCents).toBeLessThan(0);
  });

  it("accepting the conflict removes the seats; users keep access; the conflict has a 90-day deadline", async () => {
    t.clock.set(addDays(T0, 3));
    acceptedAt = t.clock.now();
    const response = await changeSeats(subscriptionId, 2, true);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().subscription.seats).toBe(2);
    const conflict = await conflictOf("VISIOCLIENT");
    expect(conflict).toMatchObject({ shortfall: 2, consumedUnits: 4, usableUnits: 2, userCount: 4 });
    expect(conflict?.resolveBy).toBe(addDays(acceptedAt, CONFLICT_RESOLVE_DAYS).toISOString());
    expect(conflict?.users.map((u) => u.id).sort()).toEqual(holders.map((u) => u.id).sort());
    expect((await skuRow("VISIOCLIENT")).conflicts).toBe(2);
    for (const user of holders) {
      const licenses = (await api.get(`${base}/users/${user.id}/licenses`)).json() as LicensedUser;
      expect(licenses.licenseAssignmentStates.map((s) => s.state)).toEqual(["ActiveWithError"]);
    }
    const audit = await t.db.auditEvent.findFirstOrThrow({
      where: { targetId: subscriptionId, action: "billing.seatsChanged" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit.after).toMatchObject({ seats: 2, conflictAccepted: true, shortfall: 2 });
  });

  it("a later accepted removal keeps the earlier deadline", async () => {
    t.clock.set(addDays(T0, 10));
    const response = await changeSeats(subscriptionId, 1, true);
    expect(response.statusCode, response.body).toBe(200);
    expect((await conflictOf("VISIOCLIENT"))?.resolveBy).toBe(addDays(acceptedAt, CONFLICT_RESOLVE_DAYS).toISOString());
    // Add one back: shortfall 2 again, deadline unchanged.
    expect((await changeSeats(subscriptionId, 2)).statusCode).toBe(200);
  });

  it("before the deadline the job takes nothing away", async () => {
    t.clock.set(new Date(addDays(acceptedAt, CONFLICT_RESOLVE_DAYS).getTime() - 60_000));
    await runSubscriptionLifecycle(t.db, t.clock.now());
    const held = await t.db.licenseAssignment.count({
      where: { tenantId: t.tenants.contoso, productId: productId("VISIOCLIENT") },
    });
    expect(held).toBe(4);
  });

  it("past the deadline the job removes the newest excess holders (audited) and the conflict is gone", async () => {
    t.clock.set(addDays(acceptedAt, CONFLICT_RESOLVE_DAYS));
    const report = await runSubscriptionLifecycle(t.db, t.clock.now());
    expect(report.deadlinesPassed).toBe(1);
    expect(report.licensesRemoved).toBe(2);
    const left = await t.db.licenseAssignment.findMany({
      where: { productId: productId("VISIOCLIENT"), tenantId: t.tenants.contoso },
      select: { userId: true },
    });
    // The two assigned last lose it.
    expect(left.map((row) => row.userId).sort()).toEqual(
      holders
        .slice(0, 2)
        .map((h) => h.id)
        .sort(),
    );
    for (const user of holders.slice(2)) {
      const events = await t.db.auditEvent.findMany({
        where: { targetId: user.id, action: "licenses.removedByLifecycle" },
      });
      expect(events).toHaveLength(1);
      expect(events[0]?.after).toMatchObject({ reason: "conflictDeadlinePassed" });
    }
    expect(await conflictOf("VISIOCLIENT")).toBeUndefined();
    expect(await skuRow("VISIOCLIENT")).toMatchObject({ consumedUnits: 2, conflicts: 0 });
    const row = await t.db.tenantProduct.findUniqueOrThrow({
      where: { tenantId_productId: { tenantId: t.tenants.contoso, productId: productId("VISIOCLIENT") } },
    });
    expect(row.conflictResolveBy).toBeNull();
    // Idempotent: a second run removes no one.
    const again = await runSubscriptionLifecycle(t.db, t.clock.now());
    expect(again).toMatchObject({ deadlinesPassed: 0, licensesRemoved: 0 });
  });
});

/**
 * On its own copy of the database: the deadline test above runs the job 90 days ahead, which (rightly) also takes
 * away the newest holders of Fabrikam's seeded conflict, whose deadline falls within those days.
 */
describe("a conflict that was there already", () => {
  let own: TestApp;
  beforeAll(async () => {
    own = await createTestApp();
  });
  afterAll(() => own?.close());

  it("is not blamed on adding seats (Fabrikam's Power BI Pro, 12 held on 10)", async () => {
    const fabrikamAdmin = as(own.app, await login(own.app, "admin@fabrikam.test"));
    const fabrikam = `/api/tenants/${own.tenants.fabrikam}`;
    const subs = (await fabrikamAdmin.get(`${fabrikam}/subscriptions`)).json().value as BillingResult["subscription"][];
    const pbi = subs.find((s) => s.skuPartNumber === "POWER_BI_PRO") as BillingResult["subscription"];
    // The seeded cut was accepted and has its deadline; take it away to have a shortfall nobody accepted.
    await own.db.tenantProduct.updateMany({
      where: { tenantId: own.tenants.fabrikam, productId: productId("POWER_BI_PRO") },
      data: { conflictResolveBy: null },
    });
    const add = await fabrikamAdmin.post(`${fabrikam}/subscriptions/${pbi.id}/changeSeats`, { seats: 11 });
    expect(add.statusCode, add.body).toBe(200);
    // Adding seats accepts no conflict: no 90-day deadline may start (after it the job would take licenses away).
    const conflicts = (await fabrikamAdmin.get(`${fabrikam}/licenseConflicts`)).json().value as LicenseConflictReport[];
    expect(conflicts.find((c) => c.skuPartNumber === "POWER_BI_PRO")).toMatchObject({ shortfall: 1, resolveBy: null });
    const remove = await fabrikamAdmin.post(`${fabrikam}/subscriptions/${pbi.id}/changeSeats`, { seats: 10 });
    expect(remove.statusCode, remove.body).toBe(409);
    expect(problem(remove).code).toBe("SeatsInUse");
  });
});

/**
 * The deadline follows the product's usable seats, which include a subscription in grace (expired). On its own copy
 * of the database, because the job is run a month ahead.
 */
describe("a conflict deadline and seats in grace", () => {
  let own: TestApp;
  beforeAll(async () => {
    own = await createTestApp();
  });
  afterAll(() => own?.close());

  it("seats bought to cover everyone clear the deadline, counting an expired subscription's seats", async () => {
    own.clock.set(T0);
    const ownAdmin = as(own.app, await login(own.app, "admin@contoso.test"));
    const visio = sku.VISIOCLIENT as CatalogRow;
    await clearProduct(own.db, own.tenants.contoso, visio.productId);
    const ownBase = `/api/tenants/${own.tenants.contoso}`;
    const buyVisio = async (seats: number) => {
      const response = await ownAdmin.post(`${ownBase}/subscriptions`, {
        skuId: visio.skuId,
        seats,
        billingTerm: "monthly",
        autoRenew: false,
      });
      expect(response.statusCode, response.body).toBe(201);
      return (response.json() as BillingResult).subscription.id;
    };
    const deadline = async () =>
      (
        await own.db.tenantProduct.findUniqueOrThrow({
          where: { tenantId_productId: { tenantId: own.tenants.contoso, productId: visio.productId } },
        })
      ).conflictResolveBy;

    // Three seats, three holders; removing two of the seats, accepted, starts a deadline.
    const first = await buyVisio(3);
    for (let i = 0; i < 3; i++) {
      const user = await makeUser(own.db, own.tenants.contoso);
      const assigned = await ownAdmin.post(`${ownBase}/users/${user.id}/assignLicense`, {
        addLicenses: [{ skuId: visio.skuId }],
        removeLicenses: [],
      });
      expect(assigned.statusCode, assigned.body).toBe(200);
    }
    const cut = await ownAdmin.post(`${ownBase}/subscriptions/${first}/changeSeats`, {
      seats: 1,
      acceptConflict: true,
    });
    expect(cut.statusCode, cut.body).toBe(200);
    expect(await deadline()).not.toBeNull();

    // Its term ends without renewal: expired, in grace, its one seat still usable.
    own.clock.set(addDays(termEnd(T0, "monthly"), 1));
    await runSubscriptionLifecycle(own.db, own.clock.now());
    expect((await own.db.subscription.findUniqueOrThrow({ where: { id: first } })).state).toBe("expired");
    expect(await deadline()).not.toBeNull();

    // Two new seats cover the three holders only together with the expired one's seat.
    await buyVisio(2);
    expect(await deadline()).toBeNull();
    // No one is without a seat; the one on the expired seat is an expired conflict until it is renewed, its deadline
    // the end of the grace.
    const conflicts = (await ownAdmin.get(`${ownBase}/licenseConflicts`)).json().value as LicenseConflictReport[];
    const conflict = conflicts.find((c) => c.skuPartNumber === "VISIOCLIENT");
    expect(conflict).toMatchObject({ kind: "expired", shortfall: 0, expiring: 1 });
    expect(conflict?.resolveBy).toBe(conflict?.accessEndsAt);
    expect(conflict?.fixes).toEqual([
      { kind: "renewSubscription", subscriptionId: first, seats: 1, state: "expired", trial: false },
    ]);
  });
});

describe("trials", () => {
  let trial: BillingResult;

  beforeAll(async () => {
    t.clock.set(T0);
    await clearProduct(t.db, t.tenants.contoso, productId("EXCHANGEENTERPRISE"));
  });

  it("a trial: 25 free seats for the product's trial length, an order for the record and no invoice", async () => {
    const response = await api.post(`${base}/trials`, { skuId: skuId("EXCHANGEENTERPRISE") });
    expect(response.statusCode, response.body).toBe(201);
    trial = response.json();
    expect(trial.subscription).toMatchObject({
      seats: 25,
      source: "trial",
      state: "active",
      autoRenew: false,
      termStartsAt: T0.toISOString(),
      termEndsAt: addDays(T0, 30).toISOString(),
      pricePerSeatTermCents: 0,
    });
    expect(trial.order).toMatchObject({ kind: "trial", amountCents: 0, seatsDelta: 25 });
    expect(trial.invoice).toBeNull();
    const pricing = (await api.get(`${base}/pricing`)).json().value as Array<{
      skuId: string;
      trialAvailable: boolean;
    }>;
    expect(pricing.find((p) => p.skuId === skuId("EXCHANGEENTERPRISE"))?.trialAvailable).toBe(false);
  });

  it("a product naming no trial length gets 90 days", async () => {
    await clearProduct(t.db, t.tenants.contoso, productId("EXCHANGEARCHIVE_ADDON"));
    const response = await api.post(`${base}/trials`, { skuId: skuId("EXCHANGEARCHIVE_ADDON") });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().subscription.termEndsAt).toBe(addDays(T0, 90).toISOString());
  });

  it("a second trial of the same product is 409 TrialAlreadyUsed (also the seeded one of Power Automate Premium)", async () => {
    for (const part of ["EXCHANGEENTERPRISE", "POWERAUTOMATE_ATTENDED_RPA"]) {
      const before = await counts();
      const response = await api.post(`${base}/trials`, { skuId: skuId(part) });
      expect(response.statusCode, response.body).toBe(409);
      expect(problem(response).code).toBe("TrialAlreadyUsed");
      expect(await counts()).toEqual(before);
    }
  });

  it("a capacity add-on offers no trial: 422 TrialNotOffered", async () => {
    const response = await api.post(`${base}/trials`, { skuId: skuId("POWERAUTOMATE_PROCESS") });
    expect(response.statusCode, response.body).toBe(422);
    expect(problem(response).code).toBe("TrialNotOffered");
  });

  it("trial seats are usable like others", async () => {
    const user = await makeUser(t.db, t.tenants.contoso);
    const response = await assign(user.id, "EXCHANGEENTERPRISE");
    expect(response.statusCode, response.body).toBe(200);
    expect((await skuRow("EXCHANGEENTERPRISE")).consumedUnits).toBe(1);
  });

  it("a trial never renews and cannot be set to: it expires at its end", async () => {
    const patch = await api.patch(`${base}/subscriptions/${trial.subscription.id}`, { autoRenew: true });
    expect(patch.statusCode, patch.body).toBe(409);
    expect(problem(patch).code).toBe("SubscriptionStateInvalid");
    const renew = await api.post(`${base}/subscriptions/${trial.subscription.id}/renew`, {});
    expect(renew.statusCode).toBe(409);
    expect(problem(renew).code).toBe("SubscriptionStateInvalid");
    t.clock.set(addDays(T0, 30));
    await runSubscriptionLifecycle(t.db, t.clock.now());
    const after = (await api.get(`${base}/subscriptions/${trial.subscription.id}`)).json();
    expect(after).toMatchObject({ state: "expired", capabilityStatus: "Warning" });
    expect(after.orders.map((o: Order) => o.kind)).toEqual(["trial"]);
  });

  it("an expired trial converts to a paid annual subscription, billed now, its holders kept", async () => {
    const now = t.clock.now();
    const quoted = await quote({
      kind: "trialConversion",
      subscriptionId: trial.subscription.id,
      billingTerm: "annual",
      seats: 10,
    });
    const response = await api.post(`${base}/subscriptions/${trial.subscription.id}/convert`, {
      billingTerm: "annual",
      seats: 10,
    });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json() as BillingResult;
    expect(result.subscription).toMatchObject({
      source: "admin",
      state: "active",
      seats: 10,
      billingTerm: "annual",
      autoRenew: true,
      termStartsAt: now.toISOString(),
      termEndsAt: termEnd(now, "annual").toISOString(),
    });
    expect(result.order).toMatchObject({ kind: "trialConversion", amountCents: 10 * 12 * price("EXCHANGEENTERPRISE") });
    expect(result.invoice?.totalCents).toBe(10 * 12 * price("EXCHANGEENTERPRISE"));
    expect(quoted.amountCents).toBe(result.order?.amountCents);
    expect((await skuRow("EXCHANGEENTERPRISE")).consumedUnits).toBe(1);
    // Converted trials are not trials again.
    const again = await api.post(`${base}/subscriptions/${trial.subscription.id}/convert`, { billingTerm: "monthly" });
    expect(again.statusCode).toBe(409);
    expect(problem(again).code).toBe("SubscriptionStateInvalid");
    const trialAgain = await api.post(`${base}/trials`, { skuId: skuId("EXCHANGEENTERPRISE") });
    expect(problem(trialAgain).code).toBe("TrialAlreadyUsed");
  });

  it("converting to fewer seats than are held is SeatsInUse", async () => {
    const archive = await t.db.subscription.findFirstOrThrow({
      where: { tenantId: t.tenants.contoso, productId: productId("EXCHANGEARCHIVE_ADDON"), source: "trial" },
    });
    const e3Holders = await t.db.licenseAssignment.findMany({
      where: { tenantId: t.tenants.contoso, productId: productId("SPE_E3"), assignedByGroupId: null },
      take: 3,
    });
    for (const holder of e3Holders) expect((await assign(holder.userId, "EXCHANGEARCHIVE_ADDON")).statusCode).toBe(200);
    const response = await api.post(`${base}/subscriptions/${archive.id}/convert`, {
      billingTerm: "monthly",
      seats: 2,
    });
    expect(response.statusCode, response.body).toBe(409);
    expect(problem(response).code).toBe("SeatsInUse");
    const ok = await api.post(`${base}/subscriptions/${archive.id}/convert`, { billingTerm: "monthly", seats: 3 });
    expect(ok.statusCode, ok.body).toBe(200);
  });
});

describe("orders and invoices: lists, details, CSV exports", () => {
  it("pages of orders and invoices walk every record once, even when they share a timestamp", async () => {
    // Seven changes while the clock stands still: all at the same instant.
    t.clock.set(addDays(T0, 40));
    const bought = await buy("POWER_BI_PRO", { seats: 1 });
    for (let seats = 2; seats <= 7; seats++)
      expect((await changeSeats(bought.subscription.id, seats)).statusCode).toBe(200);
    const orders = await walkPages<Order>(
      async (query) => (await api.get(`${base}/orders?${query}`)).json(),
      `subscriptionId=${bought.subscription.id}`,
      2,
      10,
    );
    expect(orders).toHaveLength(7);
    expect(new Set(orders.map((o) => o.id)).size).toBe(7);
    const invoices = await walkPages<Invoice>(
      async (query) => (await api.get(`${base}/invoices?${query}`)).json(),
      `subscriptionId=${bought.subscription.id}`,
      3,
      10,
    );
    expect(invoices).toHaveLength(7);
    expect(new Set(invoices.map((i) => i.number)).size).toBe(7);
    for (const invoice of invoices) expect(invoice.lines).toHaveLength(1);
    const first = await api.get(`${base}/orders?limit=200`);
    expect(first.statusCode).toBe(200);
    expect((first.json().items as Order[]).length).toBeGreaterThanOrEqual(7);
  });

  it("an order and an invoice by id; unknown ids are 404", async () => {
    const page = (await api.get(`${base}/orders?limit=1`)).json();
    const order = page.items[0] as Order;
    const one = await api.get(`${base}/orders/${order.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual(order);
    const invoice = await api.get(`${base}/invoices/${order.invoiceId}`);
    expect(invoice.statusCode).toBe(200);
    expect(invoice.json().lines[0].orderId).toBe(order.id);
    for (const url of [`orders/${randomUUID()}`, `invoices/${randomUUID()}`]) {
      const missing = await api.get(`${base}/${url}`);
      expect(missing.statusCode).toBe(404);
      expect(problem(missing).code).toBe("NotFound");
    }
    const foreign = await api.get(`${base}/orders?subscriptionId=${randomUUID()}`);
    expect(foreign.statusCode).toBe(404);
  });

  it("orders and invoices export as CSV attachments with a header row and every record", async () => {
    const orders = await api.get(`${base}/orders/export`);
    expect(orders.statusCode, orders.body).toBe(200);
    expect(orders.headers["content-type"]).toMatch(/^text\/csv/);
    expect(orders.headers["content-disposition"]).toMatch(
      /^attachment; filename="orders-contoso\.test-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    // UTF-8 with a byte order mark, so that Excel reads it as UTF-8.
    expect(orders.body.startsWith("\uFEFF")).toBe(true);
    const rows = orders.body.slice(1).split("\r\n").filter(Boolean);
    expect(rows[0]).toBe(
      "orderId,createdAt,kind,status,skuPartNumber,productName,seatsDelta,amount,amountCents,currency,paymentProvider,placedBy,invoiceNumber,subscriptionId",
    );
    expect(rows.length - 1).toBe(await t.db.order.count({ where: { tenantId: t.tenants.contoso } }));
    // A credit stays a number (no formula guard on our own numbers).
    expect(rows.some((row) => /,-12\.16,-1216,EUR,/.test(row))).toBe(true);
    const invoices = await api.get(`${base}/invoices/export`);
    expect(invoices.statusCode).toBe(200);
    expect(invoices.headers["content-disposition"]).toMatch(/^attachment; filename="invoices-contoso\.test-/);
    const lines = invoices.body.slice(1).split("\r\n").filter(Boolean);
    expect(lines[0]?.startsWith("number,issuedAt,dueAt,status,description")).toBe(true);
    expect(lines.length - 1).toBe(
      await t.db.invoiceLine.count({ where: { invoice: { tenantId: t.tenants.contoso } } }),
    );
  });
});

describe("bad input is a problem answer, never a 500", () => {
  let subscriptionId: string;
  beforeAll(async () => {
    subscriptionId = (await buy("POWER_BI_PRO", { seats: 3 })).subscription.id;
  });

  const badSeats = [0, -1, 1.5, "5", 100_001, null, true, 1e300];

  it.each(badSeats)(
    "seats %s is 400 on purchase, seat change, quote, conversion and self-service purchase",
    async (seats) => {
      const before = await counts();
      const cases = [
        api.post(`${base}/subscriptions`, { skuId: skuId("POWER_BI_PRO"), seats, billingTerm: "monthly" }),
        api.post(`${base}/subscriptions/${subscriptionId}/changeSeats`, { seats }),
        api.post(`${base}/billing/quote`, { kind: "seatChange", subscriptionId, seats }),
        api.post(`${base}/billing/quote`, {
          kind: "purchase",
          skuId: skuId("POWER_BI_PRO"),
          seats,
          billingTerm: "monthly",
        }),
        api.post(`${base}/subscriptions/${subscriptionId}/convert`, { billingTerm: "monthly", seats }),
        api.post(`${base}/selfService/purchases`, {
          skuId: skuId("POWER_BI_PRO"),
          seats,
          billingTerm: "monthly",
          card: { number: "4242424242424242", expMonth: 12, expYear: 2099, cvc: "123", holderName: "A" },
        }),
      ];
      for (const response of await Promise.all(cases)) {
        expect(response.statusCode, response.body).toBe(400);
        const body = problem(response);
        expect(body.code).toBe("ValidationFailed");
        expect(body.errors?.some((e) => e.path.endsWith("seats"))).toBe(true);
      }
      expect(await counts()).toEqual(before);
    },
  );

  it("the largest allowed seat count is accepted by the quote", async () => {
    const quoted = await quote({
      kind: "purchase",
      skuId: skuId("POWER_BI_PRO"),
      seats: 100_000,
      billingTerm: "annual",
    });
    expect(quoted.amountCents).toBe(100_000 * 12 * 1310);
  });

  it("a change one order cannot bill (over 20,000,000.00) is 422 OrderTooLarge everywhere, and changes nothing", async () => {
    // 100,000 seats of Microsoft 365 E3 for a year would bill 4,068,000,000 cents: more than the 32-bit amounts hold.
    const big = { skuId: skuId("SPE_E3"), seats: 100_000, billingTerm: "annual" };
    const annual = (await buy("SPE_E3", { seats: 1, billingTerm: "annual" })).subscription.id;
    const before = await counts();
    const refused = [
      await api.post(`${base}/subscriptions`, big),
      await api.post(`${base}/billing/quote`, { kind: "purchase", ...big }),
      await api.post(`${base}/selfService/purchases`, {
        ...big,
        card: { number: "4242424242424242", expMonth: 12, expYear: 2099, cvc: "123", holderName: "A" },
      }),
      await changeSeats(annual, 100_000),
      await api.post(`${base}/billing/quote`, { kind: "seatChange", subscriptionId: annual, seats: 100_000 }),
    ];
    // Five days before the term ends the added seats cost little, but each renewal would bill the whole year.
    t.clock.set(new Date(T0.getTime() + 360 * 86_400_000));
    try {
      refused.push(await changeSeats(annual, 100_000));
    } finally {
      t.clock.set(T0);
    }
    for (const response of refused) {
      expect(response.statusCode, response.body).toBe(422);
      const body = problem(response);
      expect(body.code).toBe("OrderTooLarge");
      expect(body.errors?.map((e) => e.path)).toEqual(["body.seats"]);
    }
    expect(await counts()).toEqual(before);
  });

  it("an unknown skuId is 404 naming the field; a malformed one 400", async () => {
    for (const [url, body] of [
      [`${base}/subscriptions`, { skuId: randomUUID(), seats: 1, billingTerm: "monthly" }],
      [`${base}/trials`, { skuId: randomUUID() }],
      [`${base}/billing/quote`, { kind: "purchase", skuId: randomUUID(), seats: 1, billingTerm: "monthly" }],
    ] as const) {
      const response = await api.post(url, body);
      expect(response.statusCode, `${url} ${response.body}`).toBe(404);
      expect(problem(response).errors?.[0]?.path).toBe("body.skuId");
      const malformed = await api.post(url, { ...body, skuId: "not-a-uuid" });
      expect(malformed.statusCode, malformed.body).toBe(400);
    }
    const put = await api.put(`${base}/selfService/policies/${randomUUID()}`, { enabled: false });
    expect(put.statusCode, put.body).toBe(404);
  });

  it("malformed and unknown subscription ids: 400 InvalidId and 404 NotFound on every subscription route", async () => {
    const routes: Array<[string, string, unknown]> = [
      ["GET", "", undefined],
      ["PATCH", "", { autoRenew: false }],
      ["POST", "/changeSeats", { seats: 2 }],
      ["POST", "/renew", {}],
      ["POST", "/cancel", {}],
      ["POST", "/takeOver", {}],
      ["POST", "/convert", { billingTerm: "monthly" }],
      ["GET", "/assignments", undefined],
      ["POST", "/assignLicenses", { userIds: [randomUUID()] }],
      ["POST", "/unassignLicenses", { userIds: [randomUUID()] }],
    ];
    for (const [method, suffix, body] of routes) {
      for (const [id, status, code] of [
        ["xyz", 400, "InvalidId"],
        ["1 OR 1=1", 400, "InvalidId"],
        [randomUUID(), 404, "NotFound"],
      ] as const) {
        const url = `${base}/subscriptions/${encodeURIComponent(id)}${suffix}`;
        const response =
          method === "GET"
            ? await api.get(url)
            : method === "PATCH"
              ? await api.patch(url, body)
              : await api.post(url, body);
        expect(response.statusCode, `${method} ${url} ${response.body}`).toBe(status);
        expect(problem(response).code).toBe(code);
      }
    }
  });

  it("other malformed bodies and queries are 400", async () => {
    const cases = [
      api.post(`${base}/subscriptions`, { skuId: skuId("POWER_BI_PRO"), seats: 1, billingTerm: "weekly" }),
      api.post(`${base}/subscriptions`, {
        skuId: skuId("POWER_BI_PRO"),
        seats: 1,
        billingTerm: "monthly",
        autoRenew: "yes",
      }),
      api.post(`${base}/subscriptions`, { skuId: skuId("POWER_BI_PRO"), seats: 1, billingTerm: "monthly", extra: 1 }),
      api.post(`${base}/subscriptions`, []),
      api.post(`${base}/subscriptions/${subscriptionId}/changeSeats`, { seats: 4, acceptConflict: "true" }),
      api.patch(`${base}/subscriptions/${subscriptionId}`, {}),
      api.patch(`${base}/subscriptions/${subscriptionId}`, { autoRenew: null }),
      api.post(`${base}/subscriptions/${subscriptionId}/renew`, { force: true }),
      api.post(`${base}/billing/quote`, { kind: "refund", subscriptionId }),
      api.post(`${base}/billing/quote`, {}),
      api.put(`${base}/selfService/policies/${skuId("POWER_BI_PRO")}`, { enabled: "no" }),
      api.get(`${base}/subscriptions?includeDeleted=maybe`),
      api.get(`${base}/orders?limit=0`),
      api.get(`${base}/orders?limit=201`),
      api.get(`${base}/orders?cursor=garbage`),
      api.get(`${base}/invoices?cursor=${"A".repeat(50)}`),
      api.get(`${base}/orders?subscriptionId=nope`),
      api.get(`${base}/orders/export?limit=5`),
    ];
    for (const response of await Promise.all(cases)) {
      expect(response.statusCode, `${response.statusCode} ${response.body}`).toBe(400);
      expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
    }
  });

  it("a body that is not JSON is 415", async () => {
    const response = await api.post(`${base}/subscriptions`, "not json");
    expect(response.statusCode).toBe(415);
    expect(problem(response).code).toBe("UnsupportedMediaType");
  });

  it("a capacity add-on's self-service policy cannot be set (400)", async () => {
    const response = await api.put(`${base}/selfService/policies/${skuId("POWERAUTOMATE_PROCESS")}`, {
      enabled: false,
    });
    expect(response.statusCode, response.body).toBe(400);
  });

  it("renew, cancel and take-over take a POST without any body, as the contract says", async () => {
    const fresh = await buy("POWER_BI_PRO", { seats: 1, autoRenew: false });
    const renew = await api.post(`${base}/subscriptions/${fresh.subscription.id}/renew`);
    expect(renew.statusCode, renew.body).toBe(200);
    const cancel = await api.post(`${base}/subscriptions/${fresh.subscription.id}/cancel`);
    expect(cancel.statusCode, cancel.body).toBe(200);
  });

  it("ids in responses are UUIDs", async () => {
    const list = (await api.get(`${base}/subscriptions`)).json().value as Array<{ id: string }>;
    for (const subscription of list) expect(subscription.id).toMatch(UUID);
  });
});
