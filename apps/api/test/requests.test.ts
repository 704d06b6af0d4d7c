import { randomUUID } from "node:crypto";
import type { LicensedUser, LicenseRequest, LicenseRequestPage, MyLicenses, PricingProduct } from "@allot/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  as,
  type CatalogRow,
  catalogBySku,
  createTestApp,
  login,
  problem,
  type Session,
  type TestApp,
} from "./helpers.js";

/**
 * License requests: a maker asks for a product; duplicates while pending are refused; an approver
 * assigns it (or another product) or denies it with a reason; no free seat is CountViolation and the request stays
 * pending; the requester sees the status on My licenses and may withdraw a pending request. Bad input is a
 * problem answer, never a 500.
 */

let t: TestApp;
let base: string;
let sku: Record<string, CatalogRow>;
let makerSession: Session;
let maker: ReturnType<typeof as>;
let admin: ReturnType<typeof as>;
let licenseAdmin: ReturnType<typeof as>;

beforeAll(async () => {
  t = await createTestApp();
  base = `/api/tenants/${t.tenants.contoso}`;
  sku = await catalogBySku(t.db);
  makerSession = await login(t.app, "maker@contoso.test");
  maker = as(t.app, makerSession);
  admin = as(t.app, await login(t.app, "admin@contoso.test"));
  licenseAdmin = as(t.app, await login(t.app, "licenses@contoso.test"));
  // The maker starts with no direct licenses of the products asked for below.
  await t.db.licenseAssignment.deleteMany({
    where: {
      userId: makerSession.me.user.id,
      productId: {
        in: ["POWERAUTOMATE_ATTENDED_RPA", "VISIOCLIENT", "POWER_BI_PRO", "EXCHANGESTANDARD", "EXCHANGEENTERPRISE"].map(
          (p) => sku[p]?.productId as string,
        ),
      },
    },
  });
  await t.db.$executeRaw`
    UPDATE "TenantProduct" tp SET "consumedUnits" = (SELECT count(DISTINCT la."userId") FROM "LicenseAssignment" la
      WHERE la."tenantId" = tp."tenantId" AND la."productId" = tp."productId" AND la.state <> 'error')`;
});
afterAll(() => t?.close());

const skuId = (part: string) => sku[part]?.skuId as string;

async function ask(part: string, message?: string) {
  return maker.post(`${base}/licenseRequests`, { skuId: skuId(part), ...(message === undefined ? {} : { message }) });
}

async function myLicenses(): Promise<MyLicenses> {
  const response = await maker.get(`${base}/me/licenses`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function makerHolds(part: string): Promise<boolean> {
  const response = await admin.get(`${base}/users/${makerSession.me.user.id}/licenses`);
  return (response.json() as LicensedUser).assignedLicenses.some((license) => license.skuId === skuId(part));
}

async function requestRow(id: string) {
  return t.db.licenseRequest.findUniqueOrThrow({ where: { id } });
}

describe("asking and approving", () => {
  let request: LicenseRequest;

  it("a maker asks for Power Automate Premium with a message: 201 pending, audited", async () => {
    const response = await ask("POWERAUTOMATE_ATTENDED_RPA", "  I automate the invoice flow.  ");
    expect(response.statusCode, response.body).toBe(201);
    request = response.json();
    expect(request).toMatchObject({
      status: "pending",
      requester: { id: makerSession.me.user.id, email: "maker@contoso.test" },
      skuId: skuId("POWERAUTOMATE_ATTENDED_RPA"),
      skuPartNumber: "POWERAUTOMATE_ATTENDED_RPA",
      message: "I automate the invoice flow.",
      decidedAt: null,
      decidedBy: null,
      decisionReason: null,
      fulfilledWith: null,
    });
    expect(await t.db.auditEvent.count({ where: { targetId: request.id, action: "request.created" } })).toBe(1);
  });

  it("a second pending request for the same product is 409 DuplicateRequest (also when sent at once)", async () => {
    const response = await ask("POWERAUTOMATE_ATTENDED_RPA");
    expect(response.statusCode).toBe(409);
    expect(problem(response).code).toBe("DuplicateRequest");
    const burst = await Promise.all(Array.from({ length: 5 }, () => ask("EXCHANGESTANDARD")));
    expect(burst.filter((r) => r.statusCode === 201)).toHaveLength(1);
    for (const r of burst.filter((r) => r.statusCode !== 201)) expect(problem(r).code).toBe("DuplicateRequest");
    const pending = await t.db.licenseRequest.count({
      where: {
        requesterUserId: makerSession.me.user.id,
        productId: sku.EXCHANGESTANDARD?.productId,
        status: "pending",
      },
    });
    expect(pending).toBe(1);
  });

  it("the requester sees it pending on My licenses and on the pricing page", async () => {
    const mine = await myLicenses();
    expect(mine.requests.find((r) => r.id === request.id)?.status).toBe("pending");
    const pricing = (await maker.get(`${base}/pricing`)).json().value as PricingProduct[];
    expect(pricing.find((p) => p.skuPartNumber === "POWERAUTOMATE_ATTENDED_RPA")?.pendingRequestId).toBe(request.id);
  });

  it("approvers see it in the admin center with the pending total", async () => {
    const page = (await admin.get(`${base}/licenseRequests?status=pending`)).json() as LicenseRequestPage;
    expect(page.items.map((r) => r.id)).toContain(request.id);
    expect(page.total).toBe(
      await t.db.licenseRequest.count({ where: { tenantId: t.tenants.contoso, status: "pending" } }),
    );
    expect(page.items.every((r) => r.status === "pending")).toBe(true);
  });

  it("approving assigns the license (the trial's seats) and the requester sees it approved", async () => {
    expect(await makerHolds("POWERAUTOMATE_ATTENDED_RPA")).toBe(false);
    const response = await licenseAdmin.post(`${base}/licenseRequests/${request.id}/approve`, {});
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: "approved", fulfilledWith: null, decisionReason: null });
    expect(response.json().decidedBy).not.toBeNull();
    expect(await makerHolds("POWERAUTOMATE_ATTENDED_RPA")).toBe(true);
    const mine = await myLicenses();
    expect(mine.requests.find((r) => r.id === request.id)?.status).toBe("approved");
    expect(mine.licenses.find((l) => l.skuPartNumber === "POWERAUTOMATE_ATTENDED_RPA")).toMatchObject({
      state: "Active",
      direct: true,
    });
    // Backed only by the seeded trial: My licenses says when it ends.
    expect(mine.licenses.find((l) => l.skuPartNumber === "POWERAUTOMATE_ATTENDED_RPA")?.trialEndsAt).not.toBeNull();
    expect(await t.db.auditEvent.count({ where: { targetId: request.id, action: "request.approved" } })).toBe(1);
  });

  it("a decided request cannot be approved, denied or withdrawn again: 409 RequestNotPending", async () => {
    for (const [client, action, body] of [
      [admin, "approve", {}],
      [admin, "deny", { reason: "too late" }],
      [maker, "cancel", undefined],
    ] as const) {
      const response = await client.post(`${base}/licenseRequests/${request.id}/${action}`, body);
      expect(response.statusCode, `${action} ${response.body}`).toBe(409);
      expect(problem(response).code).toBe("RequestNotPending");
    }
  });

  it("asking for a product one holds already is 409 AlreadyAssigned", async () => {
    const response = await ask("POWERAUTOMATE_ATTENDED_RPA");
    expect(response.statusCode).toBe(409);
    expect(problem(response).code).toBe("AlreadyAssigned");
  });
});

describe("the requester got the product meanwhile", () => {
  it("approving approves it and assigns nothing more (no error the approver could only answer by denying)", async () => {
    const asked = await ask("EXCHANGEENTERPRISE");
    expect(asked.statusCode, asked.body).toBe(201);
    const pending = asked.json() as LicenseRequest;
    const assigned = await admin.post(`${base}/users/${makerSession.me.user.id}/assignLicense`, {
      addLicenses: [{ skuId: skuId("EXCHANGEENTERPRISE"), disabledPlans: [] }],
      removeLicenses: [],
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const seats = () =>
      t.db.tenantProduct.findUniqueOrThrow({
        where: {
          tenantId_productId: { tenantId: t.tenants.contoso, productId: sku.EXCHANGEENTERPRISE?.productId as string },
        },
      });
    const before = (await seats()).consumedUnits;
    const response = await licenseAdmin.post(`${base}/licenseRequests/${pending.id}/approve`, {});
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: "approved", fulfilledWith: null });
    expect((await seats()).consumedUnits).toBe(before);
    const event = await t.db.auditEvent.findFirstOrThrow({
      where: { targetId: pending.id, action: "request.approved" },
    });
    expect(event.after).toMatchObject({ alreadyHeld: true });
  });
});

describe("no seat free", () => {
  let request: LicenseRequest;

  it("approving when no seat is free is 409 CountViolation; the request stays pending, nothing assigned", async () => {
    // Contoso's Visio: 5 seats, all held.
    request = (await ask("VISIOCLIENT", "For the floor plans")).json();
    const before = await t.db.licenseAssignment.count();
    const response = await admin.post(`${base}/licenseRequests/${request.id}/approve`, {});
    expect(response.statusCode, response.body).toBe(409);
    expect(problem(response).code).toBe("CountViolation");
    expect((await requestRow(request.id)).status).toBe("pending");
    expect(await t.db.licenseAssignment.count()).toBe(before);
    expect(await makerHolds("VISIOCLIENT")).toBe(false);
  });

  it("the approver picks another product with seats: approved, fulfilled with it", async () => {
    const response = await admin.post(`${base}/licenseRequests/${request.id}/approve`, {
      skuId: skuId("POWER_BI_PRO"),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      status: "approved",
      skuId: skuId("VISIOCLIENT"),
      fulfilledWith: { skuId: skuId("POWER_BI_PRO") },
    });
    expect(await makerHolds("POWER_BI_PRO")).toBe(true);
    expect(await makerHolds("VISIOCLIENT")).toBe(false);
  });

  it("or buys seats first: then approving works", async () => {
    await t.db.licenseAssignment.deleteMany({
      where: { userId: makerSession.me.user.id, productId: sku.POWER_BI_PRO?.productId as string },
    });
    await t.db.tenantProduct.update({
      where: { tenantId_productId: { tenantId: t.tenants.contoso, productId: sku.POWER_BI_PRO?.productId as string } },
      data: { consumedUnits: { decrement: 1 } },
    });
    const again = (await ask("VISIOCLIENT")).json() as LicenseRequest;
    const bought = await admin.post(`${base}/subscriptions`, {
      skuId: skuId("VISIOCLIENT"),
      seats: 1,
      billingTerm: "monthly",
    });
    expect(bought.statusCode, bought.body).toBe(201);
    const response = await admin.post(`${base}/licenseRequests/${again.id}/approve`, {});
    expect(response.statusCode, response.body).toBe(200);
    expect(await makerHolds("VISIOCLIENT")).toBe(true);
  });
});

describe("denying and withdrawing", () => {
  it("denying takes a reason the requester reads", async () => {
    const request = (await t.db.licenseRequest.findFirstOrThrow({
      where: {
        requesterUserId: makerSession.me.user.id,
        productId: sku.EXCHANGESTANDARD?.productId,
        status: "pending",
      },
    })) as { id: string };
    for (const body of [{}, { reason: "" }, { reason: "   " }, { reason: "x".repeat(501) }, { reason: "a\u0000b" }]) {
      const response = await admin.post(`${base}/licenseRequests/${request.id}/deny`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(problem(response).code).toBe("ValidationFailed");
    }
    expect((await requestRow(request.id)).status).toBe("pending");
    const response = await admin.post(`${base}/licenseRequests/${request.id}/deny`, {
      reason: "Exchange comes with your E3 license.",
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: "denied", decisionReason: "Exchange comes with your E3 license." });
    const mine = await myLicenses();
    expect(mine.requests.find((r) => r.id === request.id)).toMatchObject({
      status: "denied",
      decisionReason: "Exchange comes with your E3 license.",
    });
    // Denied is not pending: asking again is allowed.
    expect((await ask("EXCHANGESTANDARD")).statusCode).toBe(201);
  });

  it("the requester withdraws a pending request; nobody else can (404)", async () => {
    const request = (await t.db.licenseRequest.findFirstOrThrow({
      where: {
        requesterUserId: makerSession.me.user.id,
        productId: sku.EXCHANGESTANDARD?.productId,
        status: "pending",
      },
    })) as { id: string };
    const other = await admin.post(`${base}/licenseRequests/${request.id}/cancel`);
    expect(other.statusCode, other.body).toBe(404);
    const response = await maker.post(`${base}/licenseRequests/${request.id}/cancel`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: "cancelled", decidedBy: null });
    expect((await myLicenses()).requests.find((r) => r.id === request.id)?.status).toBe("cancelled");
  });
});

describe("who may do what", () => {
  it("a billing admin may ask but not decide (403); a partner's agent may not ask (403)", async () => {
    const billing = as(t.app, await login(t.app, "billing@contoso.test"));
    const request = (await ask("EXCHANGESTANDARD")).json() as LicenseRequest;
    for (const action of ["approve", "deny"]) {
      const response = await billing.post(`${base}/licenseRequests/${request.id}/${action}`, { reason: "no" });
      expect(response.statusCode, response.body).toBe(403);
    }
    expect((await billing.get(`${base}/licenseRequests`)).statusCode).toBe(403);
    expect((await maker.get(`${base}/licenseRequests`)).statusCode).toBe(403);
    const agent = as(t.app, await login(t.app, "agent@partner.test"));
    const asked = await agent.post(`${base}/licenseRequests`, { skuId: skuId("VISIOCLIENT") });
    expect(asked.statusCode).toBe(403);
    // The agent may decide (admin agent ~ global admin).
    const approved = await agent.post(`${base}/licenseRequests/${request.id}/deny`, { reason: "Use E3" });
    expect(approved.statusCode, approved.body).toBe(200);
  });
});

describe("bad input is 400 or 404, never 500", () => {
  it.each([
    ["an unknown skuId", { skuId: randomUUID() }, 404],
    ["a malformed skuId", { skuId: "visio" }, 400],
    ["no skuId", {}, 400],
    [
      "a message over 1000 characters",
      { skuId: "f8a1db68-be16-40ed-86d5-cb42ce701560", message: "m".repeat(1001) },
      400,
    ],
    ["an empty message", { skuId: "f8a1db68-be16-40ed-86d5-cb42ce701560", message: "" }, 400],
    ["a message that is not text", { skuId: "f8a1db68-be16-40ed-86d5-cb42ce701560", message: 42 }, 400],
    ["an extra field", { skuId: "f8a1db68-be16-40ed-86d5-cb42ce701560", priority: "high" }, 400],
  ])("creating with %s: %i", async (_label, body, status) => {
    const before = await t.db.licenseRequest.count();
    const response = await maker.post(`${base}/licenseRequests`, body);
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(await t.db.licenseRequest.count()).toBe(before);
  });

  it("a message of exactly 1000 characters is fine", async () => {
    await t.db.licenseRequest.updateMany({ where: { status: "pending" }, data: { status: "cancelled" } });
    const response = await ask("EXCHANGESTANDARD", "m".repeat(1000));
    expect(response.statusCode, response.body).toBe(201);
  });

  it("malformed and unknown request ids, and bad approval bodies", async () => {
    const pending = await t.db.licenseRequest.findFirstOrThrow({ where: { status: "pending" } });
    const cases: Array<[ReturnType<typeof as>, string, unknown, number]> = [
      [admin, `${base}/licenseRequests/nope/approve`, {}, 400],
      [admin, `${base}/licenseRequests/${randomUUID()}/approve`, {}, 404],
      [admin, `${base}/licenseRequests/${randomUUID()}/deny`, { reason: "x" }, 404],
      [maker, `${base}/licenseRequests/${randomUUID()}/cancel`, undefined, 404],
      [admin, `${base}/licenseRequests/${pending.id}/approve`, { skuId: randomUUID() }, 404],
      [admin, `${base}/licenseRequests/${pending.id}/approve`, { skuId: "x" }, 400],
      [admin, `${base}/licenseRequests/${pending.id}/approve`, { disabledPlans: [randomUUID()] }, 422],
      [admin, `${base}/licenseRequests/${pending.id}/approve`, { extra: 1 }, 400],
    ];
    for (const [client, url, body, status] of cases) {
      const response = await client.post(url, body);
      expect(response.statusCode, `${url} ${JSON.stringify(body)} ${response.body}`).toBe(status);
      expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
    }
    expect((await requestRow(pending.id)).status).toBe("pending");
    for (const query of ["status=open", "limit=0", "cursor=zzz", "other=1"]) {
      const response = await admin.get(`${base}/licenseRequests?${query}`);
      expect(response.statusCode, query).toBe(400);
    }
  });
});
