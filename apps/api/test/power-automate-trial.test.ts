import type { MyLicenses, PricingProduct, SelfServicePolicy, SubscribedSku, TrialSignUp } from "@allot/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSubscriptionLifecycle } from "../src/services/billing/lifecycle-job.js";
import { assertSeatCountersMatchHolders, DAY_MS, makeUser } from "./fixtures.js";
import { as, type CatalogRow, catalogBySku, createTestApp, login, problem, type TestApp } from "./helpers.js";

/**
 * Power Automate's trial (seed 004's FAQ): the first sign-up for the organization gives the tenant 10,000 free
 * licenses of Power Automate Free and the person one of them; each license ends 90 days after it was assigned to
 * its user, when the lifecycle job removes it and frees its seat. A trial as an individual is the person's alone:
 * the admin center never shows it. Admins may turn sign-up off; a partner's agent cannot sign up; nothing is billed.
 */

let t: TestApp;
let base: string;
let flowFree: CatalogRow;
let maker: ReturnType<typeof as>;
let makerId: string;
let admin: ReturnType<typeof as>;
const T0 = new Date("2027-03-01T09:00:00.000Z");

beforeAll(async () => {
  t = await createTestApp({ loginRateLimitPerMinute: 100_000 });
  base = `/api/tenants/${t.tenants.contoso}`;
  flowFree = (await catalogBySku(t.db)).FLOW_FREE as CatalogRow;
  t.clock.set(T0);
  const makerSession = await login(t.app, "maker@contoso.test");
  makerId = makerSession.me.user.id;
  maker = as(t.app, makerSession);
  admin = as(t.app, await login(t.app, "admin@contoso.test"));
});
afterAll(() => t?.close());

const signUp = (api: ReturnType<typeof as>, body: unknown = { as: "organization" }, url = base) =>
  api.post(`${url}/trials/powerAutomate/signUp`, body);

async function trialSku(): Promise<SubscribedSku | undefined> {
  const rows = (await admin.get(`${base}/subscribedSkus`)).json().value as SubscribedSku[];
  return rows.find((row) => row.skuPartNumber === "FLOW_FREE");
}

async function userSkus(userId: string): Promise<string[]> {
  const response = await admin.get(`${base}/users/${userId}/licenses`);
  expect(response.statusCode).toBe(200);
  return (response.json().assignedLicenses as Array<{ skuId: string }>).map((license) => license.skuId);
}

async function myTrials(api: ReturnType<typeof as>) {
  const mine = (await api.get(`${base}/me/licenses`)).json() as MyLicenses;
  return mine.licenses.filter((license) => license.skuPartNumber === "FLOW_FREE");
}

describe("Power Automate Free in the catalog", () => {
  it("is on the pricing page for sign-up only: not bought, requested or trialled by admins", async () => {
    const products = (await maker.get(`${base}/pricing`)).json().value as PricingProduct[];
    const free = products.find((product) => product.skuPartNumber === "FLOW_FREE");
    expect(free).toMatchObject({
      displayName: "Microsoft Power Automate Free",
      pricePerSeatMonthCents: 0,
      trialSignUpOnly: true,
      trialSignUpAvailable: true,
      selfServicePurchase: false,
      trialAvailable: false,
    });
    const buy = await admin.post(`${base}/subscriptions`, {
      skuId: flowFree.skuId,
      seats: 5,
      billingTerm: "monthly",
      autoRenew: true,
    });
    expect(problem(buy).code).toBe("TrialNotOffered");
    expect(problem(await admin.post(`${base}/trials`, { skuId: flowFree.skuId })).code).toBe("TrialNotOffered");
  });
});

describe("signing up for the organization", () => {
  it("the first sign-up creates the free 10,000-license trial and gives the person one, ending in 90 days", async () => {
    const orders = await t.db.order.count({ where: { tenantId: t.tenants.contoso } });
    const response = await signUp(maker, {});
    expect(response.statusCode).toBe(201);
    const started = response.json() as TrialSignUp;
    expect(started).toMatchObject({ skuPartNumber: "FLOW_FREE", as: "organization", daysLeft: 90 });
    expect(new Date(started.expiresAt).getTime() - T0.getTime()).toBe(90 * DAY_MS);

    const row = await trialSku();
    expect(row?.prepaidUnits.enabled).toBe(10_000);
    expect(row?.consumedUnits).toBe(1);
    expect(row?.available).toBe(9_999);
    expect(await userSkus(makerId)).toContain(flowFree.skuId);
    // Free: no order, and certainly none with money.
    expect(await t.db.order.count({ where: { tenantId: t.tenants.contoso } })).toBe(orders);
    const subscription = await t.db.subscription.findFirstOrThrow({
      where: { tenantId: t.tenants.contoso, productId: flowFree.productId },
    });
    expect(subscription).toMatchObject({ source: "trial", autoRenew: false, seats: 10_000 });
    const audited = await t.db.auditEvent.findFirstOrThrow({
      where: { tenantId: t.tenants.contoso, action: "licenses.trialStarted", targetId: makerId },
    });
    expect(audited.productIds).toEqual([flowFree.productId]);

    const [mine] = await myTrials(maker);
    expect(mine).toMatchObject({ state: "Active", trialDaysLeft: 90, individualTrial: false });
    expect(mine?.trialEndsAt).toBe(started.expiresAt);
  });

  it("a second sign-up by the same person is refused; the trial is not created twice", async () => {
    expect(problem(await signUp(maker)).code).toBe("AlreadyAssigned");
    expect(await t.db.subscription.count({ where: { productId: flowFree.productId } })).toBe(1);
  });

  it("admins assign trial licenses to others, each ending 90 days after its own assignment", async () => {
    t.clock.set(new Date(T0.getTime() + 30 * DAY_MS));
    const colleague = await makeUser(t.db, t.tenants.contoso);
    const assigned = await admin.post(`${base}/users/${colleague.id}/assignLicense`, {
      addLicenses: [{ skuId: flowFree.skuId, disabledPlans: [] }],
      removeLicenses: [],
    });
    expect(assigned.statusCode).toBe(200);
    const row = await t.db.licenseAssignment.findFirstOrThrow({
      where: { userId: colleague.id, productId: flowFree.productId },
    });
    expect(row.expiresAt?.getTime()).toBe(T0.getTime() + 120 * DAY_MS);
    expect((await trialSku())?.consumedUnits).toBe(2);

    // 91 days after the maker's sign-up: theirs is over, the colleague's runs 29 days more.
    const at = new Date(T0.getTime() + 91 * DAY_MS);
    t.clock.set(at);
    const report = await runSubscriptionLifecycle(t.db, at);
    expect(report.trialLicensesExpired).toBe(1);
    expect(await userSkus(makerId)).not.toContain(flowFree.skuId);
    expect(await userSkus(colleague.id)).toContain(flowFree.skuId);
    const sku = await trialSku();
    expect(sku?.consumedUnits).toBe(1);
    expect(sku?.available).toBe(9_999);
    expect(sku?.capabilityStatus).toBe("Enabled");
    const expired = await t.db.auditEvent.findMany({
      where: { tenantId: t.tenants.contoso, action: "licenses.trialLicenseExpired" },
    });
    expect(expired.map((event) => [event.targetId, event.actorUserId])).toEqual([[makerId, null]]);
    await assertSeatCountersMatchHolders(t.db, t.tenants.contoso);
    expect(await myTrials(maker)).toEqual([]);

    // A second run finds nothing more to do.
    expect((await runSubscriptionLifecycle(t.db, at)).trialLicensesExpired).toBe(0);
  });
});

describe("what the trial is not", () => {
  it("its subscription is not resized, renewed, converted or cancelled; no group or request hands out its licenses", async () => {
    const subscription = await t.db.subscription.findFirstOrThrow({
      where: { tenantId: t.tenants.contoso, productId: flowFree.productId },
    });
    const url = `${base}/subscriptions/${subscription.id}`;
    for (const [path, body] of [
      ["changeSeats", { seats: 20_000 }],
      ["renew", {}],
      ["convert", { billingTerm: "monthly" }],
      ["cancel", {}],
    ] as const) {
      const refused = await admin.post(`${url}/${path}`, body);
      expect(refused.statusCode, `${path}: ${refused.body}`).toBe(409);
      expect(problem(refused).code).toBe("SubscriptionStateInvalid");
    }
    expect(await t.db.subscription.findUniqueOrThrow({ where: { id: subscription.id } })).toMatchObject({
      seats: 10_000,
      state: "active",
      source: "trial",
    });

    const group = await t.db.group.findFirstOrThrow({ where: { tenantId: t.tenants.contoso } });
    const toGroup = await admin.post(`${base}/groups/${group.id}/assignLicense`, {
      addLicenses: [{ skuId: flowFree.skuId, disabledPlans: [] }],
      removeLicenses: [],
    });
    expect(toGroup.statusCode).toBe(422);
    expect(problem(toGroup).code).toBe("TrialLicenseNotForGroups");
    expect(await t.db.groupLicense.count({ where: { productId: flowFree.productId } })).toBe(0);

    const asked = await maker.post(`${base}/licenseRequests`, { skuId: flowFree.skuId });
    expect(asked.statusCode).toBe(422);
    expect(problem(asked).code).toBe("TrialNotOffered");
    expect(await t.db.licenseRequest.count({ where: { productId: flowFree.productId } })).toBe(0);
  });
});

describe("signing up as an individual", () => {
  it("is the person's alone: on their My licenses, nowhere in the admin center", async () => {
    const person = await makeUser(t.db, t.tenants.contoso, { password: "Individual-Trial-1" });
    const api = as(t.app, await login(t.app, person.email, "Individual-Trial-1"));
    const consumed = (await trialSku())?.consumedUnits;
    const response = await signUp(api, { as: "individual" });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ as: "individual", daysLeft: 90 });

    expect(await myTrials(api)).toEqual([
      expect.objectContaining({ individualTrial: true, trialDaysLeft: 90, state: "Active" }),
    ]);
    expect(await userSkus(person.id)).toEqual([]);
    expect((await trialSku())?.consumedUnits).toBe(consumed);
    const holders = await admin.get(`${base}/users/${person.id}/licenseDetails`);
    expect(JSON.stringify(holders.json())).not.toContain(flowFree.skuId);
    expect(problem(await signUp(api, { as: "individual" })).code).toBe("TrialAlreadyUsed");

    // Over after 90 days: the job ends it and it stops showing.
    const at = new Date(t.clock.now().getTime() + 90 * DAY_MS);
    t.clock.set(at);
    expect((await runSubscriptionLifecycle(t.db, at)).individualTrialsEnded).toBe(1);
    expect(await myTrials(api)).toEqual([]);
  });
});

describe("who may sign up", () => {
  it("nobody, once admins turn trial sign-up off (audited); again once they turn it on", async () => {
    const url = `${base}/selfService/policies/${flowFree.skuId}`;
    const off = await admin.put(url, { trialSignUpEnabled: false });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ skuPartNumber: "FLOW_FREE", trialSignUpEnabled: false });
    const policies = (await admin.get(`${base}/selfService/policies`)).json().value as SelfServicePolicy[];
    expect(policies.find((policy) => policy.skuId === flowFree.skuId)?.trialSignUpEnabled).toBe(false);
    expect(policies.find((policy) => policy.skuPartNumber === "POWER_BI_PRO")?.trialSignUpEnabled).toBeNull();
    expect(
      await t.db.auditEvent.count({
        where: { action: "powerPlatform.trialSignUpPolicyChanged", targetId: flowFree.skuId },
      }),
    ).toBe(1);

    const api = maker;
    for (const body of [{ as: "organization" }, { as: "individual" }]) {
      const refused = await signUp(api, body);
      expect(refused.statusCode).toBe(403);
      expect(problem(refused).code).toBe("TrialSignUpDisabled");
    }
    const pricing = (await api.get(`${base}/pricing`)).json().value as PricingProduct[];
    expect(pricing.find((product) => product.skuId === flowFree.skuId)?.trialSignUpAvailable).toBe(false);
    // Only the trial product has the setting.
    const bi = (await catalogBySku(t.db)).POWER_BI_PRO as CatalogRow;
    expect(
      problem(await admin.put(`${base}/selfService/policies/${bi.skuId}`, { trialSignUpEnabled: false })).code,
    ).toBe("ValidationFailed");
    // Self-service purchase alone still works as before.
    expect((await admin.put(`${base}/selfService/policies/${bi.skuId}`, { enabled: true })).statusCode).toBe(200);

    expect((await admin.put(url, { trialSignUpEnabled: true })).statusCode).toBe(200);
  });

  it("a partner's delegated agent is refused", async () => {
    const agent = as(t.app, await login(t.app, "agent@partner.test"));
    const refused = await signUp(agent);
    expect(refused.statusCode).toBe(403);
    expect(problem(refused).code).toBe("Forbidden");
  });

  it("nothing was ever billed for the trial", async () => {
    const paid = await t.db.order.count({ where: { productId: flowFree.productId } });
    expect(paid).toBe(0);
  });
});
