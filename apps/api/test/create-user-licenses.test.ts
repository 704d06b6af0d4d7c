import type { BulkLicenseReport, CreatedUser, LicensedUser, SubscribedSku } from "@allot/contracts";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertSeatCountersMatchHolders, auditOf, uniqueEmail } from "./fixtures.js";
import { as, createTestApp, login, problem, type Session, type TestApp } from "./helpers.js";

/**
 * Add a user with licenses in one step (seed 001: "adding a user and assigning a license at the same time"):
 * POST users with assignedLicenses runs the license rules in the user's own transaction, so either the user exists
 * with every license asked for or nothing was created; dryRun answers the preview and creates nothing.
 */

let t: TestApp;
let admin: Session;
let userAdmin: Session;
let licenseAdmin: Session;
let helpdesk: Session;
let skus: SubscribedSku[];

const base = () => `/api/tenants/${t.tenants.contoso}`;
const sku = (partNumber: string) => {
  const found = skus.find((candidate) => candidate.skuPartNumber === partNumber);
  if (!found) throw new Error(`no ${partNumber}`);
  return found;
};
const seats = async () => {
  const response = await as(t.app, admin).get(`${base()}/subscribedSkus`);
  expect(response.statusCode).toBe(200);
  return new Map(
    (response.json() as { value: SubscribedSku[] }).value.map((entry) => [entry.skuId, entry.consumedUnits]),
  );
};

/** Nothing of a refused request is left: no user with its email, no audit event of it, seats as before. */
async function expectNothingCreated(
  response: LightMyRequestResponse,
  email: string,
  before: Map<string, number>,
): Promise<void> {
  expect(await t.db.user.count({ where: { email } })).toBe(0);
  expect(await auditOf(t.db, response)).toEqual([]);
  expect(await seats()).toEqual(before);
}

beforeAll(async () => {
  t = await createTestApp();
  [admin, userAdmin, licenseAdmin, helpdesk] = await Promise.all([
    login(t.app, "admin@contoso.test"),
    login(t.app, "users@contoso.test"),
    login(t.app, "licenses@contoso.test"),
    login(t.app, "helpdesk@contoso.test"),
  ]);
  const response = await as(t.app, admin).get(`${base()}/subscribedSkus`);
  skus = (response.json() as { value: SubscribedSku[] }).value;
});
afterAll(() => t.close());

describe("POST users with assignedLicenses", () => {
  it("creates the user with every license, apps switched off as asked, in one step", async () => {
    const bi = sku("POWER_BI_PRO");
    const e3 = sku("SPE_E3");
    const off = e3.servicePlans[0]?.servicePlanId as string;
    const before = await seats();
    const email = uniqueEmail("contoso.test", "one-step");
    const response = await as(t.app, admin).post(`${base()}/users`, {
      displayName: "One Step",
      email,
      usageLocation: "NL",
      assignedLicenses: [{ skuId: bi.skuId }, { skuId: e3.skuId, disabledPlans: [off] }],
    });
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json() as CreatedUser;
    expect(created.licenseCount).toBe(2);
    expect(created.temporaryPassword).toEqual(expect.any(String));

    const licenses = await as(t.app, admin).get(`${base()}/users/${created.id}/licenses`);
    const held = (licenses.json() as LicensedUser).assignedLicenses;
    expect(held).toEqual(
      expect.arrayContaining([
        { skuId: bi.skuId, disabledPlans: [] },
        { skuId: e3.skuId, disabledPlans: [off] },
      ]),
    );
    const after = await seats();
    expect(after.get(bi.skuId)).toBe((before.get(bi.skuId) ?? 0) + 1);
    expect(after.get(e3.skuId)).toBe((before.get(e3.skuId) ?? 0) + 1);
    const actions = (await auditOf(t.db, response)).map((event) => event.action);
    expect(actions).toContain("user.created");
    expect(actions.length).toBeGreaterThan(1);
    await assertSeatCountersMatchHolders(t.db, t.tenants.contoso);
  });

  it("CountViolation: no seat left refuses the step with the rule's code, and nothing is created", async () => {
    const full = skus.find(
      (entry) => entry.appliesTo === "User" && entry.capabilityStatus === "Enabled" && entry.available <= 0,
    );
    if (!full) throw new Error("the demo has no user product without free seats");
    const before = await seats();
    const email = uniqueEmail("contoso.test", "no-seat");
    const response = await as(t.app, admin).post(`${base()}/users`, {
      displayName: "No Seat",
      email,
      usageLocation: "NL",
      assignedLicenses: [{ skuId: sku("POWER_BI_PRO").skuId }, { skuId: full.skuId }],
    });
    expect(response.statusCode, response.body).toBe(409);
    const body = problem(response);
    expect(body.code).toBe("CountViolation");
    expect(body.errors).toEqual([expect.objectContaining({ code: "CountViolation", skuId: full.skuId })]);
    await expectNothingCreated(response, email, before);
  });

  it("UsageLocationRequired: licenses need a usage location, and nothing is created", async () => {
    const before = await seats();
    const email = uniqueEmail("contoso.test", "nowhere");
    const response = await as(t.app, admin).post(`${base()}/users`, {
      displayName: "Nowhere",
      email,
      usageLocation: null,
      assignedLicenses: [{ skuId: sku("POWER_BI_PRO").skuId }],
    });
    expect(response.statusCode, response.body).toBe(422);
    expect(problem(response).code).toBe("UsageLocationRequired");
    await expectNothingCreated(response, email, before);
  });

  it("an email already taken refuses the step before any seat is used", async () => {
    const before = await seats();
    const response = await as(t.app, admin).post(`${base()}/users`, {
      displayName: "Taken",
      email: "admin@contoso.test",
      usageLocation: "NL",
      assignedLicenses: [{ skuId: sku("POWER_BI_PRO").skuId }],
    });
    expect(response.statusCode, response.body).toBe(409);
    expect(problem(response).code).toBe("EmailTaken");
    expect(await seats()).toEqual(before);
  });
});

describe("who may add a user with licenses", () => {
  it("a user admin may create a guest but not license one: GuestRequiresGlobalAdmin, and nothing is created", async () => {
    const before = await seats();
    const email = uniqueEmail("contoso.test", "guest");
    const response = await as(t.app, userAdmin).post(`${base()}/users`, {
      displayName: "Licensed Guest",
      email,
      usageLocation: "NL",
      userType: "guest",
      assignedLicenses: [{ skuId: sku("POWER_BI_PRO").skuId }],
    });
    expect(response.statusCode, response.body).toBe(403);
    expect(problem(response).code).toBe("GuestRequiresGlobalAdmin");
    await expectNothingCreated(response, email, before);

    // The same guest without licenses is theirs to create.
    const plain = await as(t.app, userAdmin).post(`${base()}/users`, {
      displayName: "Plain Guest",
      email,
      usageLocation: "NL",
      userType: "guest",
    });
    expect(plain.statusCode, plain.body).toBe(201);
  });

  it("a license admin may license but not create users; a helpdesk admin neither", async () => {
    for (const session of [licenseAdmin, helpdesk]) {
      const before = await seats();
      const email = uniqueEmail("contoso.test", "refused");
      const response = await as(t.app, session).post(`${base()}/users`, {
        displayName: "Refused",
        email,
        usageLocation: "NL",
        assignedLicenses: [{ skuId: sku("POWER_BI_PRO").skuId }],
      });
      expect(response.statusCode, response.body).toBe(403);
      expect(problem(response).code).toBe("Forbidden");
      await expectNothingCreated(response, email, before);
    }
  });
});

describe("dryRun: the preview of the step", () => {
  it("answers the seats before → after and the user's outcome, creating nothing", async () => {
    const bi = sku("POWER_BI_PRO");
    const before = await seats();
    const email = uniqueEmail("contoso.test", "preview");
    const response = await as(t.app, admin).post(`${base()}/users`, {
      displayName: "Preview Person",
      email,
      usageLocation: "NL",
      assignedLicenses: [{ skuId: bi.skuId }],
      dryRun: true,
    });
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json() as BulkLicenseReport;
    expect(report.dryRun).toBe(true);
    expect(report.summary).toEqual({ users: 1, succeeded: 1, failed: 0 });
    expect(report.results[0]).toMatchObject({ displayName: "Preview Person", ok: true, added: [bi.skuId] });
    const seat = report.seats.find((entry) => entry.skuId === bi.skuId);
    expect(seat?.after.consumedUnits).toBe((seat?.before.consumedUnits ?? 0) + 1);
    expect(seat?.before.consumedUnits).toBe(before.get(bi.skuId));
    await expectNothingCreated(response, email, before);
  });

  it("reports a refusal per rule, as the real step would refuse it, creating nothing", async () => {
    const before = await seats();
    const email = uniqueEmail("contoso.test", "preview-nowhere");
    const response = await as(t.app, admin).post(`${base()}/users`, {
      displayName: "Preview Nowhere",
      email,
      usageLocation: null,
      assignedLicenses: [{ skuId: sku("POWER_BI_PRO").skuId }],
      dryRun: true,
    });
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json() as BulkLicenseReport;
    expect(report.results[0]).toMatchObject({
      ok: false,
      violations: [expect.objectContaining({ code: "UsageLocationRequired" })],
    });
    await expectNothingCreated(response, email, before);
  });
});
