import { randomUUID } from "node:crypto";
import type { BillingResult } from "@allot/contracts";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  as,
  type CatalogRow,
  catalogBySku,
  createTestApp,
  login,
  problem,
  type Session,
  TEST_CARD,
  type TestApp,
  withKey,
} from "./helpers.js";

/**
 * The Idempotency-Key header on billing mutations: a retry with the same key within 24 h gets the first
 * answer (status and body) and creates nothing, also when 20 retries arrive at once; the same key with another body
 * or route is 422 IdempotencyKeyReused; a request that failed (validation or a rule) is not remembered; keys are
 * 1–255 visible ASCII characters and belong to one person in one tenant.
 */

let t: TestApp;
let admin: Session;
let api: ReturnType<typeof as>;
let base: string;
let sku: Record<string, CatalogRow>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, "admin@contoso.test");
  api = as(t.app, admin);
  base = `/api/tenants/${t.tenants.contoso}`;
  sku = await catalogBySku(t.db);
});
afterAll(() => t?.close());

const skuId = (part: string) => sku[part]?.skuId as string;
const purchase = (seats = 2) => ({ skuId: skuId("POWER_BI_PRO"), seats, billingTerm: "monthly" });

/** Everything a billing mutation writes. */
async function written() {
  const [subscriptions, orders, invoices, lines, assignments, audit, seats] = await Promise.all([
    t.db.subscription.count(),
    t.db.order.count(),
    t.db.invoice.count(),
    t.db.invoiceLine.count(),
    t.db.licenseAssignment.count(),
    t.db.auditEvent.count(),
    t.db.subscription.aggregate({ _sum: { seats: true } }),
  ]);
  return { subscriptions, orders, invoices, lines, assignments, audit, seats: seats._sum.seats };
}

/** Status, JSON body and replay header of an answer. */
const answer = (response: LightMyRequestResponse) => ({ status: response.statusCode, body: response.json() });

describe("sequential retries", () => {
  it("a purchase retried with its key answers the first answer again and creates nothing", async () => {
    const key = randomUUID();
    const first = await api.post(`${base}/subscriptions`, purchase(), withKey(key));
    expect(first.statusCode, first.body).toBe(201);
    expect(first.headers["idempotent-replayed"]).toBeUndefined();
    const before = await written();
    for (let i = 0; i < 3; i++) {
      const retry = await api.post(`${base}/subscriptions`, purchase(), withKey(key));
      expect(answer(retry)).toEqual(answer(first));
      expect(retry.headers["idempotent-replayed"]).toBe("true");
    }
    expect(await written()).toEqual(before);
  });

  it("the body's field order does not make it another request", async () => {
    const key = randomUUID();
    const first = await api.post(
      `${base}/subscriptions`,
      { billingTerm: "monthly", seats: 1, skuId: skuId("VISIOCLIENT") },
      withKey(key),
    );
    expect(first.statusCode).toBe(201);
    const retry = await api.post(
      `${base}/subscriptions`,
      { skuId: skuId("VISIOCLIENT"), seats: 1, billingTerm: "monthly" },
      withKey(key),
    );
    expect(answer(retry)).toEqual(answer(first));
  });

  it("a seat change, a trial, a renewal, a cancellation and a self-service purchase replay too", async () => {
    const bought = (await api.post(`${base}/subscriptions`, purchase(3))).json() as BillingResult;
    const maker = as(t.app, await login(t.app, "maker@contoso.test"));
    const cases: Array<[ReturnType<typeof as>, string, unknown]> = [
      [api, `${base}/subscriptions/${bought.subscription.id}/changeSeats`, { seats: 5 }],
      [api, `${base}/trials`, { skuId: skuId("VISIOCLIENT") }],
      [api, `${base}/subscriptions/${bought.subscription.id}/renew`, {}],
      [api, `${base}/subscriptions/${bought.subscription.id}/cancel`, {}],
      [
        maker,
        `${base}/selfService/purchases`,
        { skuId: skuId("VISIOCLIENT"), seats: 2, billingTerm: "monthly", card: TEST_CARD },
      ],
    ];
    for (const [client, url, body] of cases) {
      const key = randomUUID();
      const first = await client.post(url, body, withKey(key));
      expect(first.statusCode, `${url} ${first.body}`).toBeLessThan(300);
      const before = await written();
      const retry = await client.post(url, body, withKey(key));
      expect(answer(retry), url).toEqual(answer(first));
      expect(await written(), url).toEqual(before);
    }
    // The replays did not run again: without the key, cancelling the (now disabled) subscription is refused.
    const again = await api.post(`${base}/subscriptions/${bought.subscription.id}/cancel`, {});
    expect(again.statusCode).toBe(409);
    expect(problem(again).code).toBe("SubscriptionStateInvalid");
  });
});

describe("concurrent retries", () => {
  it("20 purchases at once with one key: exactly one order, twenty identical answers", async () => {
    const key = randomUUID();
    const before = await written();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => api.post(`${base}/subscriptions`, purchase(4), withKey(key))),
    );
    const answers = responses.map(answer);
    expect(answers[0]?.status, responses[0]?.body).toBe(201);
    for (const other of answers) expect(other).toEqual(answers[0]);
    expect(responses.filter((r) => r.headers["idempotent-replayed"] === "true")).toHaveLength(19);
    const after = await written();
    expect(after.subscriptions - before.subscriptions).toBe(1);
    expect(after.orders - before.orders).toBe(1);
    expect(after.invoices - before.invoices).toBe(1);
    expect((after.seats ?? 0) - (before.seats ?? 0)).toBe(4);
    const orderId = (answers[0]?.body as BillingResult | undefined)?.order?.id;
    expect(await t.db.order.count({ where: { id: orderId } })).toBe(1);
  });

  it("20 seat changes at once with one key change the seats once and bill once", async () => {
    const bought = (await api.post(`${base}/subscriptions`, purchase(1))).json() as BillingResult;
    const key = randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        api.post(`${base}/subscriptions/${bought.subscription.id}/changeSeats`, { seats: 9 }, withKey(key)),
      ),
    );
    for (const response of responses) expect(answer(response)).toEqual(answer(responses[0] as LightMyRequestResponse));
    expect(responses[0]?.statusCode, responses[0]?.body).toBe(200);
    const orders = await t.db.order.findMany({ where: { subscriptionId: bought.subscription.id } });
    expect(orders.map((o) => [o.kind, o.seatsDelta]).sort()).toEqual([
      ["purchase", 1],
      ["seatChange", 8],
    ]);
  });

  it("20 different keys at once are 20 purchases", async () => {
    const before = await written();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => api.post(`${base}/subscriptions`, purchase(1), withKey(randomUUID()))),
    );
    for (const response of responses) expect(response.statusCode).toBe(201);
    expect(new Set(responses.map((r) => r.json().subscription.id)).size).toBe(20);
    expect((await written()).orders - before.orders).toBe(20);
  });
});

describe("a key reused for another request", () => {
  it("with another body: 422 IdempotencyKeyReused, nothing created", async () => {
    const key = randomUUID();
    expect((await api.post(`${base}/subscriptions`, purchase(2), withKey(key))).statusCode).toBe(201);
    const before = await written();
    const other = await api.post(`${base}/subscriptions`, purchase(3), withKey(key));
    expect(other.statusCode, other.body).toBe(422);
    expect(problem(other).code).toBe("IdempotencyKeyReused");
    expect(await written()).toEqual(before);
  });

  it("on another route: 422 IdempotencyKeyReused", async () => {
    const key = randomUUID();
    const bought = await api.post(`${base}/subscriptions`, purchase(2), withKey(key));
    expect(bought.statusCode).toBe(201);
    const id = bought.json().subscription.id;
    const before = await written();
    for (const [url, body] of [
      [`${base}/subscriptions/${id}/changeSeats`, { seats: 3 }],
      [`${base}/subscriptions/${id}/cancel`, {}],
      [`${base}/trials`, { skuId: skuId("SPE_E3") }],
    ] as const) {
      const other = await api.post(url, body, withKey(key));
      expect(other.statusCode, `${url} ${other.body}`).toBe(422);
      expect(problem(other).code).toBe("IdempotencyKeyReused");
    }
    expect(await written()).toEqual(before);
  });

  it("the same route on another subscription is another request", async () => {
    const a = (await api.post(`${base}/subscriptions`, purchase(2))).json() as BillingResult;
    const b = (await api.post(`${base}/subscriptions`, purchase(2))).json() as BillingResult;
    const key = randomUUID();
    expect(
      (await api.post(`${base}/subscriptions/${a.subscription.id}/changeSeats`, { seats: 3 }, withKey(key))).statusCode,
    ).toBe(200);
    const other = await api.post(`${base}/subscriptions/${b.subscription.id}/changeSeats`, { seats: 3 }, withKey(key));
    expect(other.statusCode).toBe(422);
    expect(problem(other).code).toBe("IdempotencyKeyReused");
    expect((await t.db.subscription.findUniqueOrThrow({ where: { id: b.subscription.id } })).seats).toBe(2);
  });
});

describe("what is not remembered", () => {
  it("a request failing validation (400): the same key then works with a valid body", async () => {
    const key = randomUUID();
    const before = await written();
    const invalid = await api.post(`${base}/subscriptions`, purchase(0), withKey(key));
    expect(invalid.statusCode).toBe(400);
    expect(await written()).toEqual(before);
    const valid = await api.post(`${base}/subscriptions`, purchase(2), withKey(key));
    expect(valid.statusCode, valid.body).toBe(201);
    expect(valid.headers["idempotent-replayed"]).toBeUndefined();
    expect((await written()).orders - before.orders).toBe(1);
  });

  it("a request refused by a rule (409): the same key works once the rule is met", async () => {
    const trial = await t.db.subscription.findFirstOrThrow({ where: { tenantId: t.tenants.contoso, source: "trial" } });
    const key = randomUUID();
    const refused = await api.post(`${base}/subscriptions/${trial.id}/changeSeats`, { seats: 30 }, withKey(key));
    expect(refused.statusCode).toBe(409);
    const other = await api.post(`${base}/trials`, { skuId: skuId("SPE_E3") }, withKey(key));
    expect(other.statusCode, other.body).toBe(201);
  });

  it("a declined card (402): the same key then succeeds with another card", async () => {
    const maker = as(t.app, await login(t.app, "maker@contoso.test"));
    const key = randomUUID();
    const body = { skuId: skuId("POWER_BI_PRO"), seats: 1, billingTerm: "monthly" };
    const declined = await maker.post(
      `${base}/selfService/purchases`,
      { ...body, card: { ...TEST_CARD, number: "4000000000000002" } },
      withKey(key),
    );
    expect(declined.statusCode).toBe(402);
    const accepted = await maker.post(`${base}/selfService/purchases`, { ...body, card: TEST_CARD }, withKey(key));
    expect(accepted.statusCode, accepted.body).toBe(201);
  });
});

describe("the key itself", () => {
  it.each([
    ["256 characters", "k".repeat(256)],
    ["a space", "my key"],
    ["non-ASCII", "clé-1"],
    ["empty", ""],
  ])("%s: 400, nothing created", async (_label, key) => {
    const before = await written();
    const response = await api.post(`${base}/subscriptions`, purchase(1), withKey(key));
    expect(response.statusCode, response.body).toBe(400);
    expect(problem(response).code).toBe("ValidationFailed");
    expect(await written()).toEqual(before);
  });

  it("255 visible ASCII characters are a valid key", async () => {
    const key = `${"~!".repeat(127)}x`;
    expect(key).toHaveLength(255);
    const first = await api.post(`${base}/subscriptions`, purchase(1), withKey(key));
    expect(first.statusCode, first.body).toBe(201);
    const retry = await api.post(`${base}/subscriptions`, purchase(1), withKey(key));
    expect(answer(retry)).toEqual(answer(first));
  });

  it("keys are one person's: another admin's same key and body is their own new purchase", async () => {
    const key = randomUUID();
    const mine = await api.post(`${base}/subscriptions`, purchase(2), withKey(key));
    const billing = as(t.app, await login(t.app, "billing@contoso.test"));
    const theirs = await billing.post(`${base}/subscriptions`, purchase(2), withKey(key));
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json().subscription.id).not.toBe(mine.json().subscription.id);
    expect(theirs.headers["idempotent-replayed"]).toBeUndefined();
  });

  it("a key is kept 24 hours: a retry just before is replayed, one after is a new purchase", async () => {
    const key = randomUUID();
    const first = await api.post(`${base}/subscriptions`, purchase(2), withKey(key));
    expect(first.statusCode).toBe(201);
    t.clock.set(new Date(t.clock.now().getTime() + 24 * 3_600_000 - 1000));
    const replay = await api.post(`${base}/subscriptions`, purchase(2), withKey(key));
    expect(answer(replay)).toEqual(answer(first));
    t.clock.set(new Date(t.clock.now().getTime() + 2000));
    const before = await written();
    const fresh = await api.post(`${base}/subscriptions`, purchase(2), withKey(key));
    expect(fresh.statusCode, fresh.body).toBe(201);
    expect(fresh.headers["idempotent-replayed"]).toBeUndefined();
    expect(fresh.json().order.id).not.toBe(first.json().order.id);
    expect((await written()).orders - before.orders).toBe(1);
    // And that new answer is now the one replayed.
    const again = await api.post(`${base}/subscriptions`, purchase(2), withKey(key));
    expect(answer(again)).toEqual(answer(fresh));
  });
});
