import { DEMO_PASSWORD } from "@allot/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser } from "./fixtures.js";
import { as, type CatalogRow, catalogBySku, createTestApp, login, problem, type TestApp } from "./helpers.js";

/**
 * A partner's agents in a customer, as Partner Center has the roles: helpdesk and sales agents assign and revoke
 * licenses, a sales agent buys on behalf of the customer, only an admin agent licenses guests; and access lasts as
 * long as the customer's relationship grants it: removed, or past its end date, the customer is gone (404) on the
 * very next request of a session already open.
 */

let t: TestApp;
let base: string;
let sku: Record<string, CatalogRow>;
let relationshipId: string;
const SALES_AGENT = "sales-agent@partner.test";

const assign = (skuId: string) => ({ addLicenses: [{ skuId, disabledPlans: [] }], removeLicenses: [] });
const revoke = (skuId: string) => ({ addLicenses: [], removeLicenses: [skuId] });

beforeAll(async () => {
  t = await createTestApp({ loginRateLimitPerMinute: 100_000 });
  base = `/api/tenants/${t.tenants.contoso}`;
  sku = await catalogBySku(t.db);
  const relationship = await t.db.partnerRelationship.findFirstOrThrow({
    where: { partnerTenantId: t.tenants.partner, customerTenantId: t.tenants.contoso },
  });
  relationshipId = relationship.id;
  const seller = await t.db.user.create({
    data: {
      tenantId: t.tenants.partner,
      email: SALES_AGENT,
      displayName: "Sales agent",
      passwordHash: (
        await t.db.user.findFirstOrThrow({ where: { email: "agent@partner.test" }, select: { passwordHash: true } })
      ).passwordHash,
    },
  });
  await t.db.delegatedAccess.create({
    data: { tenantId: t.tenants.partner, relationshipId, partnerUserId: seller.id, role: "salesAgent" },
  });
});
afterAll(() => t?.close());

const skuId = (part: string) => (sku[part] as CatalogRow).skuId;

describe("what each agent may do in the customer", () => {
  it("a helpdesk agent assigns and revokes a member's license", async () => {
    const api = as(t.app, await login(t.app, "helpdesk@partner.test", DEMO_PASSWORD));
    const user = await makeUser(t.db, t.tenants.contoso);
    const given = await api.post(`${base}/users/${user.id}/assignLicense`, assign(skuId("POWER_BI_PRO")));
    expect(given.statusCode, given.body).toBe(200);
    const taken = await api.post(`${base}/users/${user.id}/assignLicense`, revoke(skuId("POWER_BI_PRO")));
    expect(taken.statusCode, taken.body).toBe(200);
    const events = await t.db.auditEvent.findMany({
      where: { tenantId: t.tenants.contoso, targetId: user.id, action: "user.licensesChanged" },
      select: { actorUserId: true },
    });
    const agent = await t.db.user.findFirstOrThrow({ where: { email: "helpdesk@partner.test" } });
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events.every((event) => event.actorUserId === agent.id)).toBe(true);
  });

  it("a helpdesk or sales agent cannot license a guest: that takes a full admin (an admin agent)", async () => {
    const guest = await makeUser(t.db, t.tenants.contoso, { userType: "guest" });
    for (const email of ["helpdesk@partner.test", SALES_AGENT]) {
      const api = as(t.app, await login(t.app, email, DEMO_PASSWORD));
      const refused = await api.post(`${base}/users/${guest.id}/assignLicense`, assign(skuId("POWER_BI_PRO")));
      expect(refused.statusCode, email).toBe(403);
      expect(problem(refused).code, email).toBe("GuestRequiresGlobalAdmin");
    }
    const admin = as(t.app, await login(t.app, "agent@partner.test", DEMO_PASSWORD));
    const given = await admin.post(`${base}/users/${guest.id}/assignLicense`, assign(skuId("POWER_BI_PRO")));
    expect(given.statusCode, given.body).toBe(200);
  });

  it("a sales agent buys on behalf of the customer and assigns what it bought", async () => {
    const api = as(t.app, await login(t.app, SALES_AGENT, DEMO_PASSWORD));
    const bought = await api.post(`${base}/subscriptions`, {
      skuId: skuId("POWER_BI_PRO"),
      seats: 2,
      billingTerm: "monthly",
    });
    expect(bought.statusCode, bought.body).toBe(201);
    const user = await makeUser(t.db, t.tenants.contoso);
    const given = await api.post(`${base}/users/${user.id}/assignLicense`, assign(skuId("POWER_BI_PRO")));
    expect(given.statusCode, given.body).toBe(200);
  });

  it("a helpdesk agent still buys nothing and manages no users", async () => {
    const api = as(t.app, await login(t.app, "helpdesk@partner.test", DEMO_PASSWORD));
    const bought = await api.post(`${base}/subscriptions`, {
      skuId: skuId("POWER_BI_PRO"),
      seats: 1,
      billingTerm: "monthly",
    });
    expect(bought.statusCode).toBe(403);
    const created = await api.post(`${base}/users`, { displayName: "Nobody", email: "nobody@contoso.test" });
    expect(created.statusCode).toBe(403);
  });
});

describe("how long the relationship grants access", () => {
  it("ends on the next request once the customer removes the privileges, and comes back when reinstated", async () => {
    const api = as(t.app, await login(t.app, "helpdesk@partner.test", DEMO_PASSWORD));
    expect((await api.get(`${base}/users`)).statusCode).toBe(200);
    await t.db.partnerRelationship.update({ where: { id: relationshipId }, data: { status: "terminated" } });
    try {
      expect((await api.get(`${base}/users`)).statusCode).toBe(404);
      const me = (await api.get("/api/me")).json() as { tenants: Array<{ id: string }> };
      expect(me.tenants.map((tenant) => tenant.id)).not.toContain(t.tenants.contoso);
    } finally {
      await t.db.partnerRelationship.update({ where: { id: relationshipId }, data: { status: "active" } });
    }
    expect((await api.get(`${base}/users`)).statusCode).toBe(200);
  });

  it("ends by itself at its end date, by the app's clock", async () => {
    const api = as(t.app, await login(t.app, "helpdesk@partner.test", DEMO_PASSWORD));
    const endsAt = new Date(t.clock.now().getTime() + 60 * 60_000);
    await t.db.partnerRelationship.update({ where: { id: relationshipId }, data: { endsAt } });
    const start = t.clock.now();
    try {
      expect((await api.get(`${base}/users`)).statusCode).toBe(200);
      t.clock.set(endsAt);
      expect((await api.get(`${base}/users`)).statusCode).toBe(404);
      const me = (await api.get("/api/me")).json() as { tenants: Array<{ id: string }> };
      expect(me.tenants.map((tenant) => tenant.id)).not.toContain(t.tenants.contoso);
    } finally {
      t.clock.set(start);
      await t.db.partnerRelationship.update({ where: { id: relationshipId }, data: { endsAt: null } });
    }
  });
});

describe("the customer stays in control (Settings › Partner relationships)", () => {
  const url = () => `${base}/partnerRelationships`;

  it("its global admin sees each partner with its roles and who of the partner acted recently", async () => {
    const helpdesk = as(t.app, await login(t.app, "helpdesk@partner.test", DEMO_PASSWORD));
    const user = await makeUser(t.db, t.tenants.contoso);
    expect(
      (await helpdesk.post(`${base}/users/${user.id}/assignLicense`, assign(skuId("POWER_BI_PRO")))).statusCode,
    ).toBe(200);
    const admin = as(t.app, await login(t.app, "admin@contoso.test", DEMO_PASSWORD));
    const listed = await admin.get(url());
    expect(listed.statusCode, listed.body).toBe(200);
    const [northwind, ...others] = listed.json().value;
    expect(others).toEqual([]);
    expect(northwind).toMatchObject({
      id: relationshipId,
      partner: { tenantId: t.tenants.partner },
      status: "active",
      grantsAccess: true,
      endsAt: null,
      roles: ["adminAgent", "helpdeskAgent", "salesAgent"],
    });
    const agent = northwind.agents.find((a: { email: string }) => a.email === "helpdesk@partner.test");
    expect(agent.roles).toEqual(["helpdeskAgent"]);
    expect(Date.parse(agent.lastActedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it("only the organization's own global admin manages it: not the partner's admin agent, not a billing admin", async () => {
    for (const email of ["agent@partner.test", "billing@contoso.test", "users@contoso.test"]) {
      const api = as(t.app, await login(t.app, email, DEMO_PASSWORD));
      expect((await api.get(url())).statusCode, email).toBe(403);
      expect((await api.post(`${url()}/${relationshipId}/removePrivileges`)).statusCode, email).toBe(403);
    }
    const relationship = await t.db.partnerRelationship.findUniqueOrThrow({ where: { id: relationshipId } });
    expect(relationship.status).toBe("active");
  });

  it("removing the privileges ends an open agent session's access at once, audited; reinstating brings it back", async () => {
    const agent = as(t.app, await login(t.app, "agent@partner.test", DEMO_PASSWORD));
    const admin = as(t.app, await login(t.app, "admin@contoso.test", DEMO_PASSWORD));
    expect((await agent.get(`${base}/users`)).statusCode).toBe(200);
    const removed = await admin.post(`${url()}/${relationshipId}/removePrivileges`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json()).toMatchObject({ status: "terminated", grantsAccess: false });
    try {
      expect((await agent.get(`${base}/users`)).statusCode).toBe(404);
      // Again: nothing changes and nothing more is audited.
      expect((await admin.post(`${url()}/${relationshipId}/removePrivileges`)).statusCode).toBe(200);
      const audit = await admin.get(`${base}/auditLog?action=partner.privilegesRemoved`);
      expect(audit.statusCode, audit.body).toBe(200);
      const events = audit.json().items as Array<{ targetId: string; targetDisplayName: string }>;
      expect(events.filter((event) => event.targetId === relationshipId)).toHaveLength(1);
      expect(events[0]?.targetDisplayName).toBe("Northwind Partners");
    } finally {
      const reinstated = await admin.post(`${url()}/${relationshipId}/reinstatePrivileges`);
      expect(reinstated.statusCode, reinstated.body).toBe(200);
    }
    expect((await agent.get(`${base}/users`)).statusCode).toBe(200);
  });

  it("an end date must lie ahead; once the clock reaches it the partner is shown without access", async () => {
    const admin = as(t.app, await login(t.app, "admin@contoso.test", DEMO_PASSWORD));
    const past = await admin.patch(`${url()}/${relationshipId}`, {
      endsAt: new Date(t.clock.now().getTime() - 1000).toISOString(),
    });
    expect(past.statusCode).toBe(400);
    expect(problem(past).code).toBe("ValidationFailed");
    const endsAt = new Date(t.clock.now().getTime() + 7 * 86_400_000);
    const start = t.clock.now();
    try {
      const set = await admin.patch(`${url()}/${relationshipId}`, { endsAt: endsAt.toISOString() });
      expect(set.statusCode, set.body).toBe(200);
      expect(set.json()).toMatchObject({ endsAt: endsAt.toISOString(), grantsAccess: true });
      t.clock.set(endsAt);
      const [shown] = (await admin.get(url())).json().value;
      expect(shown).toMatchObject({ status: "active", grantsAccess: false });
    } finally {
      t.clock.set(start);
      const cleared = await admin.patch(`${url()}/${relationshipId}`, { endsAt: null });
      expect(cleared.json()).toMatchObject({ endsAt: null, grantsAccess: true });
    }
  });

  it("an unknown relationship, or another organization's, is 404", async () => {
    const admin = as(t.app, await login(t.app, "admin@contoso.test", DEMO_PASSWORD));
    const fabrikams = await t.db.partnerRelationship.findFirstOrThrow({
      where: { customerTenantId: { not: t.tenants.contoso } },
    });
    for (const id of [fabrikams.id, "00000000-0000-4000-8000-000000000000"]) {
      expect((await admin.post(`${url()}/${id}/removePrivileges`)).statusCode).toBe(404);
    }
    expect((await t.db.partnerRelationship.findUniqueOrThrow({ where: { id: fabrikams.id } })).status).toBe("active");
  });
});

describe("partners' changes in the customer's audit log", () => {
  it("name the partner's agent with the partner's organization, and can be listed on their own", async () => {
    const helpdesk = as(t.app, await login(t.app, "helpdesk@partner.test", DEMO_PASSWORD));
    const user = await makeUser(t.db, t.tenants.contoso);
    const given = await helpdesk.post(`${base}/users/${user.id}/assignLicense`, assign(skuId("POWER_BI_PRO")));
    expect(given.statusCode, given.body).toBe(200);
    const admin = as(t.app, await login(t.app, "admin@contoso.test", DEMO_PASSWORD));
    const own = await makeUser(t.db, t.tenants.contoso);
    expect((await admin.post(`${base}/users/${own.id}/assignLicense`, assign(skuId("POWER_BI_PRO")))).statusCode).toBe(
      200,
    );

    type Event = {
      targetId: string;
      actorDisplayName: string;
      actorPartner: { tenantId: string; name: string } | null;
    };
    const events = async (query: string) =>
      ((await admin.get(`${base}/auditLog?action=user.licensesChanged${query}`)).json().items as Event[]).filter(
        (event) => event.targetId === user.id || event.targetId === own.id,
      );

    const all = await events("");
    const byAgent = all.find((event) => event.targetId === user.id);
    expect(byAgent?.actorPartner).toEqual({ tenantId: t.tenants.partner, name: "Northwind Partners" });
    expect(all.find((event) => event.targetId === own.id)?.actorPartner).toBeNull();
    expect((await events("&byPartners=true")).map((event) => event.targetId)).toEqual([user.id]);
    expect((await events("&byPartners=false")).map((event) => event.targetId)).toEqual([own.id]);

    const csv = await admin.get(`${base}/auditLog/export?action=user.licensesChanged`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(`${byAgent?.actorDisplayName} (Northwind Partners)`);
  });
});

describe("the partner's customers and the cross-customer overview", () => {
  const partnerBase = () => `/api/partners/${t.tenants.partner}`;
  type Customer = {
    tenantId: string;
    name: string;
    yourRoles: string[];
    relationship: { status: string; grantsAccess: boolean };
    licensing: {
      assigned: number;
      total: number;
      conflicts: number;
      expiringSubscriptions: number;
      pendingRequests: number;
    } | null;
  };

  it("lists the customers an agent holds roles in, by name, with the licensing their own admin center shows", async () => {
    const helpdesk = as(t.app, await login(t.app, "helpdesk@partner.test", DEMO_PASSWORD));
    const listed = await helpdesk.get(`${partnerBase()}/customers`);
    expect(listed.statusCode, listed.body).toBe(200);
    const customers = listed.json().items as Customer[];
    expect(customers.map((c) => c.tenantId)).toEqual([t.tenants.contoso, t.tenants.fabrikam, t.tenants.tailspin]);
    expect(customers.map((c) => c.yourRoles)).toEqual([["helpdeskAgent"], ["helpdeskAgent"], ["helpdeskAgent"]]);

    // The same numbers as Contoso's own admin center: subscribedSkus, licenseConflicts, pending requests.
    const admin = as(t.app, await login(t.app, "admin@contoso.test", DEMO_PASSWORD));
    const skus = (await admin.get(`${base}/subscribedSkus`)).json().value as Array<{
      consumedUnits: number;
      prepaidUnits: { enabled: number; warning: number };
    }>;
    const conflicts = (await admin.get(`${base}/licenseConflicts`)).json().value as unknown[];
    const pending = await t.db.licenseRequest.count({ where: { tenantId: t.tenants.contoso, status: "pending" } });
    expect(customers[0]?.licensing).toMatchObject({
      assigned: skus.reduce((sum, sku) => sum + sku.consumedUnits, 0),
      total: skus.reduce((sum, sku) => sum + sku.prepaidUnits.enabled + sku.prepaidUnits.warning, 0),
      conflicts: conflicts.length,
      pendingRequests: pending,
    });
  });

  it("searches by name or domain and pages by name", async () => {
    const helpdesk = as(t.app, await login(t.app, "helpdesk@partner.test", DEMO_PASSWORD));
    const found = (await helpdesk.get(`${partnerBase()}/customers?search=fabrikam.te`)).json().items as Customer[];
    expect(found.map((c) => c.name)).toEqual(["Fabrikam"]);
    const first = (await helpdesk.get(`${partnerBase()}/customers?limit=1`)).json();
    expect(first.items.map((c: Customer) => c.tenantId)).toEqual([t.tenants.contoso]);
    const second = (await helpdesk.get(`${partnerBase()}/customers?limit=1&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((c: Customer) => c.tenantId)).toEqual([t.tenants.fabrikam]);
    const third = (await helpdesk.get(`${partnerBase()}/customers?limit=1&cursor=${second.nextCursor}`)).json();
    expect(third.items.map((c: Customer) => c.tenantId)).toEqual([t.tenants.tailspin]);
    expect(third.nextCursor).toBeNull();
  });

  it("shows the partner's global admin every customer, staff without roles none, and anyone else nothing (404)", async () => {
    const password = "Partner-admin-pass-1";
    const partnerAdmin = await makeUser(t.db, t.tenants.partner, { role: "globalAdmin", password });
    const staff = await makeUser(t.db, t.tenants.partner, { password });
    const asAdmin = as(t.app, await login(t.app, partnerAdmin.email, password));
    const all = (await asAdmin.get(`${partnerBase()}/customers`)).json().items as Customer[];
    expect(all.map((c) => c.tenantId).sort()).toEqual(
      [t.tenants.contoso, t.tenants.fabrikam, t.tenants.tailspin].sort(),
    );
    expect(all.every((c) => c.yourRoles.length === 0)).toBe(true);
    const asStaff = as(t.app, await login(t.app, staff.email, password));
    expect((await asStaff.get(`${partnerBase()}/customers`)).json().items).toEqual([]);

    const customerAdmin = as(t.app, await login(t.app, "admin@contoso.test", DEMO_PASSWORD));
    expect((await customerAdmin.get(`${partnerBase()}/customers`)).statusCode).toBe(404);
    expect((await customerAdmin.get(`${partnerBase()}/overview`)).statusCode).toBe(404);
    // A customer's id is no partner center, not even for the partner's own staff.
    expect((await asAdmin.get(`/api/partners/${t.tenants.contoso}/customers`)).statusCode).toBe(404);
  });

  it("shows a customer who removed the privileges without any of its data", async () => {
    const helpdesk = as(t.app, await login(t.app, "helpdesk@partner.test", DEMO_PASSWORD));
    await t.db.partnerRelationship.update({ where: { id: relationshipId }, data: { status: "terminated" } });
    try {
      const [contoso] = (await helpdesk.get(`${partnerBase()}/customers`)).json().items as Customer[];
      expect(contoso).toMatchObject({ relationship: { status: "terminated", grantsAccess: false }, licensing: null });
    } finally {
      await t.db.partnerRelationship.update({ where: { id: relationshipId }, data: { status: "active" } });
    }
  });

  it("adds up each product over the customers, and exports that as CSV", async () => {
    const helpdesk = as(t.app, await login(t.app, "helpdesk@partner.test", DEMO_PASSWORD));
    const overview = await helpdesk.get(`${partnerBase()}/overview`);
    expect(overview.statusCode, overview.body).toBe(200);
    type Row = { skuPartNumber: string; customers: number; bought: number; assigned: number; free: number };
    const pbi = (overview.json().value as Row[]).find((row) => row.skuPartNumber === "POWER_BI_PRO");
    const perCustomer = await Promise.all(
      [t.tenants.contoso, t.tenants.fabrikam, t.tenants.tailspin].map(async (tenantId) => {
        const skus = (await helpdesk.get(`/api/tenants/${tenantId}/subscribedSkus`)).json().value as Array<{
          skuPartNumber: string;
          consumedUnits: number;
          prepaidUnits: { enabled: number; warning: number };
        }>;
        return skus.find((sku) => sku.skuPartNumber === "POWER_BI_PRO");
      }),
    );
    const bought = perCustomer.reduce(
      (sum, sku) => sum + (sku ? sku.prepaidUnits.enabled + sku.prepaidUnits.warning : 0),
      0,
    );
    const assigned = perCustomer.reduce((sum, sku) => sum + (sku?.consumedUnits ?? 0), 0);
    expect(pbi).toMatchObject({ customers: 3, bought, assigned });

    const csv = await helpdesk.get(`${partnerBase()}/overview/export?delimiter=semicolon`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    const lines = csv.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("skuPartNumber;product;customers;bought;assigned;free;conflicts");
    expect(lines.find((line) => line.startsWith("POWER_BI_PRO;"))).toContain(`;3;${bought};${assigned};`);
  });
});
