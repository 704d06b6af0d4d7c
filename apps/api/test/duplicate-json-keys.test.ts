import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser } from "./fixtures.js";
import { catalogBySku, createTestApp, login, problem, type Session, type TestApp } from "./helpers.js";

/** A JSON body that names a key twice, at any depth, is refused instead of the last value winning. */

let t: TestApp;
let admin: Session;
let base: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, "admin@contoso.test");
  base = `/api/tenants/${t.tenants.contoso}`;
});
afterAll(() => t?.close());

describe("JSON bodies with a duplicate key", () => {
  const raw = (method: "POST" | "PATCH", url: string, payload: string) =>
    t.app.inject({
      method,
      url,
      headers: { cookie: admin.cookie, "x-csrf-token": admin.csrfToken, "content-type": "application/json" },
      payload,
    });

  async function expectDuplicate(response: LightMyRequestResponse, path: string) {
    expect(response.statusCode, response.body).toBe(400);
    const body = problem(response);
    expect(body.code).toBe("ValidationFailed");
    expect(body.errors).toEqual([{ path, message: expect.stringMatching(/more than once/) }]);
  }

  it('{"seats": 1, "seats": 500} is refused instead of buying 500 seats', async () => {
    const sku = await catalogBySku(t.db);
    const before = await t.db.order.count();
    await expectDuplicate(
      await raw(
        "POST",
        `${base}/subscriptions`,
        `{"skuId": "${sku.VISIOCLIENT?.skuId}", "seats": 1, "billingTerm": "monthly", "seats": 500}`,
      ),
      "body.seats",
    );
    expect(await t.db.order.count()).toBe(before);
  });

  it("at any depth, also spelled with escapes; the same key in different objects is fine", async () => {
    const user = await makeUser(t.db, t.tenants.contoso);
    const sku = await catalogBySku(t.db);
    const pbi = sku.POWER_BI_PRO?.skuId;
    const visio = sku.VISIOCLIENT?.skuId;
    const url = `${base}/licenses/bulk`;
    await expectDuplicate(
      await raw(
        "POST",
        url,
        `{"userIds":["${user.id}"],"mode":"add","dryRun":true,"add":[{"skuId":"${pbi}"},{"skuId":"${pbi}","disabledPlans":[],"skuId":"${visio}"}]}`,
      ),
      "body.add.1.skuId",
    );
    await expectDuplicate(
      await raw("POST", url, `{"userIds":["${user.id}"],"mode":"add","dryRun":true,"add":[],"d\\u0072yRun":false}`),
      "body.dryRun",
    );
    await expectDuplicate(
      await raw("PATCH", "/api/me", `{"preferredLanguage":"nl","x":{"a":{"b":1,"b":2}}}`),
      "body.x.a.b",
    );
    const fine = await raw(
      "POST",
      url,
      `{"userIds":["${user.id}"],"mode":"add","dryRun":true,"add":[{"skuId":"${pbi}"},{"skuId":"${visio}"}]}`,
    );
    // Parsed and run (as a dry run): a report, whether or not Visio has a seat left.
    expect([200, 409], fine.body).toContain(fine.statusCode);
    const report = fine.json() as { dryRun?: boolean; report?: { dryRun: boolean } };
    expect(report.dryRun ?? report.report?.dryRun).toBe(true);
  });

  it("keeps the parser's other refusals: malformed, empty, prototype poisoning, too large", async () => {
    for (const [payload, code] of [
      ['{"seats": 1,', "MalformedJson"],
      ["", "MalformedJson"],
      ['{"__proto__": {"isAdmin": true}}', "MalformedJson"],
      ['{"constructor": {"prototype": {"isAdmin": true}}}', "MalformedJson"],
      [`{"displayName": "${"x".repeat(300 * 1024)}"}`, "PayloadTooLarge"],
    ] as const) {
      const response = await raw("PATCH", "/api/me", payload);
      expect(problem(response).code, payload.slice(0, 40)).toBe(code);
    }
  });
});
