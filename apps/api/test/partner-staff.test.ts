import type { StaffMember, StaffPage } from "@allot/contracts";
import { DEMO_PASSWORD } from "@allot/db";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditOf, makeUser, uniqueEmail } from "./fixtures.js";
import { as, createTestApp, login, problem, type Session, type TestApp, walkPages } from "./helpers.js";

/**
 * A partner's staff, managed in its own tenant: its global admin adds and removes staff and gives them delegated
 * roles per customer or for all customers; its user admin manages staff who are not admins but gives no access;
 * other staff are refused (403), anyone outside the partner does not see it (404). Written out by hand here, not
 * computed from the matrix, so the matrix is checked against the issue.
 */

let t: TestApp;
let staffUrl: string;
const sessions = new Map<string, Session>();
/** The relationships of the partner with each customer. */
const relationship: Record<"contoso" | "fabrikam" | "tailspin", string> = { contoso: "", fabrikam: "", tailspin: "" };
const USER_ADMIN_PASSWORD = "User-admin-password-1";
const NEW_PASSWORD = "Staff-password-2024";

type Api = ReturnType<typeof as>;
const api = (who: string): Api => as(t.app, sessions.get(who) as Session);

beforeAll(async () => {
  t = await createTestApp({ loginRateLimitPerMinute: 100_000 });
  staffUrl = `/api/partners/${t.tenants.partner}/staff`;
  for (const customer of ["contoso", "fabrikam", "tailspin"] as const) {
    relationship[customer] = (
      await t.db.partnerRelationship.findFirstOrThrow({
        where: { partnerTenantId: t.tenants.partner, customerTenantId: t.tenants[customer] },
      })
    ).id;
  }
  const userAdmin = await makeUser(t.db, t.tenants.partner, { role: "userAdmin", password: USER_ADMIN_PASSWORD });
  sessions.set("userAdmin", await login(t.app, userAdmin.email, USER_ADMIN_PASSWORD));
  sessions.set("globalAdmin", await login(t.app, "admin@partner.test", DEMO_PASSWORD));
  sessions.set("agent", await login(t.app, "helpdesk@partner.test", DEMO_PASSWORD));
  sessions.set("customerAdmin", await login(t.app, "admin@contoso.test", DEMO_PASSWORD));
});
afterAll(() => t?.close());

/** A fresh staff member (no admin role unless asked) that a case may change or remove. */
async function freshStaff(role?: "userAdmin" | "globalAdmin") {
  return makeUser(t.db, t.tenants.partner, { password: NEW_PASSWORD, ...(role ? { role } : {}) });
}

const ACTIONS = ["list", "add", "rename", "remove", "grantOne", "grantAll"] as const;
type StaffAction = (typeof ACTIONS)[number];

const RUN: Record<StaffAction, (api: Api) => Promise<LightMyRequestResponse>> = {
  list: (a) => a.get(`${staffUrl}?limit=5`),
  add: (a) => a.post(staffUrl, { displayName: "New staff", email: uniqueEmail("partner.test", "staff") }),
  rename: async (a) => a.patch(`${staffUrl}/${(await freshStaff()).id}`, { displayName: "Renamed" }),
  remove: async (a) => a.delete(`${staffUrl}/${(await freshStaff()).id}`),
  grantOne: async (a) =>
    a.put(`${staffUrl}/${(await freshStaff()).id}/customerAccess/${relationship.fabrikam}`, {
      roles: ["helpdeskAgent"],
    }),
  grantAll: async (a) => a.put(`${staffUrl}/${(await freshStaff()).id}/customerAccess`, { roles: ["salesAgent"] }),
};

// Status per caller and action: the success codes, 403 with its code, or 404 for a stranger to the partner.
const OK: Record<StaffAction, number> = { list: 200, add: 201, rename: 200, remove: 204, grantOne: 200, grantAll: 200 };
const EXPECTED: Record<string, Record<StaffAction, number | string>> = {
  globalAdmin: { list: 200, add: 201, rename: 200, remove: 204, grantOne: 200, grantAll: 200 },
  userAdmin: {
    ...OK,
    grantOne: "CustomerAccessGrantForbidden",
    grantAll: "CustomerAccessGrantForbidden",
  },
  agent: {
    list: "Forbidden",
    add: "Forbidden",
    rename: "Forbidden",
    remove: "Forbidden",
    grantOne: "CustomerAccessGrantForbidden",
    grantAll: "CustomerAccessGrantForbidden",
  },
  customerAdmin: { list: 404, add: 404, rename: 404, remove: 404, grantOne: 404, grantAll: 404 },
};

describe("who may do what with the partner's staff", () => {
  for (const [who, expected] of Object.entries(EXPECTED)) {
    for (const action of ACTIONS) {
      const outcome = expected[action];
      it(`${who}: ${action} → ${outcome}`, async () => {
        const response = await RUN[action](api(who));
        if (typeof outcome === "number") {
          expect(response.statusCode, response.body).toBe(outcome);
          if (outcome === 404) expect(problem(response).code).toBe("NotFound");
        } else {
          expect(response.statusCode, response.body).toBe(403);
          expect(problem(response).code).toBe(outcome);
        }
      });
    }
  }

  it("the user admin changes no staff member who holds an admin role; the global admin does", async () => {
    for (const role of ["userAdmin", "globalAdmin"] as const) {
      const admin = await freshStaff(role);
      const renamed = await api("userAdmin").patch(`${staffUrl}/${admin.id}`, { displayName: "Renamed" });
      expect(renamed.statusCode, role).toBe(403);
      const removed = await api("userAdmin").delete(`${staffUrl}/${admin.id}`);
      expect(removed.statusCode, role).toBe(403);
      expect(problem(removed).code).toBe("Forbidden");
    }
    const admin = await freshStaff("userAdmin");
    expect((await api("globalAdmin").delete(`${staffUrl}/${admin.id}`)).statusCode).toBe(204);
  });

  it("nobody removes themself", async () => {
    const self = sessions.get("globalAdmin") as Session;
    const response = await api("globalAdmin").delete(`${staffUrl}/${self.me.user.id}`);
    expect(response.statusCode).toBe(409);
    expect(problem(response).code).toBe("CannotDeleteSelf");
  });
});

describe("adding staff and giving them access", () => {
  it("an added staff member signs in, reaches the customer they were given, and loses it once removed", async () => {
    const email = uniqueEmail("partner.test", "new");
    const added = await api("globalAdmin").post(staffUrl, { displayName: "Noor de Vries", email });
    expect(added.statusCode, added.body).toBe(201);
    const member = added.json() as StaffMember & { temporaryPassword: string };
    expect(member).toMatchObject({ email, roles: [], customerAccess: [] });
    expect(member.temporaryPassword.length).toBeGreaterThanOrEqual(12);
    expect(await auditOf(t.db, added, "user.created")).toEqual([
      expect.objectContaining({ tenantId: t.tenants.partner, targetId: member.id }),
    ]);

    const granted = await api("globalAdmin").put(`${staffUrl}/${member.id}/customerAccess/${relationship.fabrikam}`, {
      roles: ["helpdeskAgent", "helpdeskAgent"],
    });
    expect(granted.statusCode, granted.body).toBe(200);
    expect((granted.json() as StaffMember).customerAccess).toEqual([
      {
        relationshipId: relationship.fabrikam,
        customer: { tenantId: t.tenants.fabrikam, name: expect.any(String) },
        grantsAccess: true,
        roles: ["helpdeskAgent"],
      },
    ]);
    const [event] = await auditOf(t.db, granted, "partnerStaff.accessChanged");
    expect(event).toMatchObject({
      tenantId: t.tenants.partner,
      actorUserId: (sessions.get("globalAdmin") as Session).me.user.id,
      targetType: "user",
      targetId: member.id,
      before: { relationshipId: relationship.fabrikam, roles: [] },
      after: { relationshipId: relationship.fabrikam, roles: ["helpdeskAgent"] },
    });

    const agent = as(t.app, await login(t.app, email, member.temporaryPassword));
    expect((await agent.get(`/api/tenants/${t.tenants.fabrikam}/users?limit=1`)).statusCode).toBe(200);
    expect((await agent.get(`/api/tenants/${t.tenants.contoso}/users?limit=1`)).statusCode).toBe(404);

    const removed = await api("globalAdmin").delete(`${staffUrl}/${member.id}`);
    expect(removed.statusCode, removed.body).toBe(204);
    expect((await agent.get(`/api/tenants/${t.tenants.fabrikam}/users?limit=1`)).statusCode).toBe(401);
    expect(await t.db.delegatedAccess.count({ where: { partnerUserId: member.id } })).toBe(0);
    const events = await auditOf(t.db, removed);
    expect(events.map((e) => e.action).sort()).toEqual(["partnerStaff.accessChanged", "user.deleted"]);
    expect(events.every((e) => e.tenantId === t.tenants.partner)).toBe(true);
    expect((await api("globalAdmin").get(`${staffUrl}/${member.id}/customerAccess`)).statusCode).toBe(404);
  });

  it("deleted through the ordinary users route, a staff member's roles go too, and a restore does not bring them back", async () => {
    const member = await freshStaff();
    const granted = await api("globalAdmin").put(`${staffUrl}/${member.id}/customerAccess/${relationship.contoso}`, {
      roles: ["adminAgent"],
    });
    expect(granted.statusCode, granted.body).toBe(200);
    const users = `/api/tenants/${t.tenants.partner}/users/${member.id}`;
    const deleted = await api("globalAdmin").delete(users);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect(await t.db.delegatedAccess.count({ where: { partnerUserId: member.id } })).toBe(0);
    const [event] = await auditOf(t.db, deleted, "user.deleted");
    expect(event?.before).toMatchObject({
      delegatedRoles: [{ relationshipId: relationship.contoso, role: "adminAgent" }],
    });
    const restored = await api("globalAdmin").post(`${users}/restore`, {});
    expect(restored.statusCode, restored.body).toBe(200);
    const back = as(t.app, await login(t.app, member.email, NEW_PASSWORD));
    expect((await back.get(`/api/tenants/${t.tenants.contoso}/users?limit=1`)).statusCode).toBe(404);
  });

  it("with a password of the admin's choosing, none is answered", async () => {
    const email = uniqueEmail("partner.test", "pw");
    const added = await api("userAdmin").post(staffUrl, { displayName: "Chosen", email, password: NEW_PASSWORD });
    expect(added.statusCode, added.body).toBe(201);
    expect((added.json() as { temporaryPassword: string | null }).temporaryPassword).toBeNull();
    await login(t.app, email, NEW_PASSWORD);
  });

  it("for all customers: the roles on every relationship that grants access, and away again", async () => {
    const member = await freshStaff();
    const url = `${staffUrl}/${member.id}/customerAccess`;
    const granted = await api("globalAdmin").put(url, { roles: ["salesAgent", "adminAgent"] });
    expect(granted.statusCode, granted.body).toBe(200);
    const access = (granted.json() as StaffMember).customerAccess;
    expect(access.map((a) => a.relationshipId).sort()).toEqual(
      [relationship.contoso, relationship.fabrikam, relationship.tailspin].sort(),
    );
    expect(access.every((a) => a.roles.join() === "adminAgent,salesAgent")).toBe(true);
    expect(await auditOf(t.db, granted, "partnerStaff.accessChanged")).toHaveLength(3);

    const again = await api("globalAdmin").put(url, { roles: ["salesAgent", "adminAgent"] });
    expect(await auditOf(t.db, again)).toEqual([]);

    const taken = await api("globalAdmin").put(url, { roles: [] });
    expect((taken.json() as StaffMember).customerAccess).toEqual([]);
    expect(await t.db.delegatedAccess.count({ where: { partnerUserId: member.id } })).toBe(0);
  });

  it("is refused through a relationship whose privileges the customer removed, or that ended; taking away works", async () => {
    const member = await freshStaff();
    const one = `${staffUrl}/${member.id}/customerAccess/${relationship.fabrikam}`;
    expect((await api("globalAdmin").put(one, { roles: ["helpdeskAgent"] })).statusCode).toBe(200);
    await t.db.partnerRelationship.update({ where: { id: relationship.fabrikam }, data: { status: "terminated" } });
    try {
      const refused = await api("globalAdmin").put(one, { roles: ["helpdeskAgent", "salesAgent"] });
      expect(refused.statusCode).toBe(409);
      expect(problem(refused).code).toBe("PrivilegesRemoved");
      // For all customers skips it, and leaves its roles as they were.
      const all = await api("globalAdmin").put(`${staffUrl}/${member.id}/customerAccess`, { roles: ["salesAgent"] });
      expect(all.statusCode, all.body).toBe(200);
      const byCustomer = Object.fromEntries(
        (all.json() as StaffMember).customerAccess.map((a) => [a.relationshipId, a]),
      );
      expect(byCustomer[relationship.fabrikam]).toMatchObject({ grantsAccess: false, roles: ["helpdeskAgent"] });
      expect(byCustomer[relationship.contoso]).toMatchObject({ grantsAccess: true, roles: ["salesAgent"] });
      expect((await api("globalAdmin").put(one, { roles: [] })).statusCode).toBe(200);
    } finally {
      await t.db.partnerRelationship.update({ where: { id: relationship.fabrikam }, data: { status: "active" } });
    }
    await t.db.partnerRelationship.update({
      where: { id: relationship.fabrikam },
      data: { endsAt: new Date(t.clock.now().getTime() - 60_000) },
    });
    try {
      const ended = await api("globalAdmin").put(one, { roles: ["helpdeskAgent"] });
      expect(ended.statusCode).toBe(409);
      expect(problem(ended).code).toBe("RelationshipEnded");
    } finally {
      await t.db.partnerRelationship.update({ where: { id: relationship.fabrikam }, data: { endsAt: null } });
    }
  });
});

describe("listing the staff", () => {
  it("by name with roles, searched and keyset-paged", async () => {
    const list = async (query: string) => (await api("globalAdmin").get(`${staffUrl}?${query}`)).json() as StaffPage;
    const all = await walkPages(list, "search=", 2, 100);
    const names = all.map((member) => member.displayName);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const admin = all.find((member) => member.email === "admin@partner.test");
    expect(admin?.roles).toEqual(["globalAdmin"]);
    const helpdesk = all.find((member) => member.email === "helpdesk@partner.test");
    expect(helpdesk?.customerAccess.map((a) => a.roles)).toEqual([
      ["helpdeskAgent"],
      ["helpdeskAgent"],
      ["helpdeskAgent"],
    ]);
    const found = await list("search=HELPDESK@partner");
    expect(found.items.map((member) => member.email)).toEqual(["helpdesk@partner.test"]);
    // LIKE's wildcards are searched for as text: "_" and "%" match no one here.
    for (const wildcard of ["_", "%25"]) expect((await list(`search=${wildcard}`)).items).toEqual([]);
  });
});

describe("bad input is a problem, never a 500", () => {
  const cases: Array<[string, (a: Api) => Promise<LightMyRequestResponse>, number, string]> = [
    ["no body fields", (a) => a.post(staffUrl, {}), 400, "ValidationFailed"],
    ["an unknown field", (a) => a.post(staffUrl, { displayName: "X", email: "x@partner.test", extra: 1 }), 400, ""],
    [
      "a short password",
      (a) => a.post(staffUrl, { displayName: "X", email: "x@partner.test", password: "1" }),
      400,
      "",
    ],
    [
      "an email outside the domain",
      (a) => a.post(staffUrl, { displayName: "X", email: "x@contoso.test" }),
      422,
      "EmailOutsideDomain",
    ],
    ["an email in use", (a) => a.post(staffUrl, { displayName: "X", email: "agent@partner.test" }), 409, "EmailTaken"],
    ["a bad cursor", (a) => a.get(`${staffUrl}?cursor=nonsense`), 400, "ValidationFailed"],
    ["a bad limit", (a) => a.get(`${staffUrl}?limit=0`), 400, "ValidationFailed"],
    ["a bad user id", (a) => a.put(`${staffUrl}/nope/customerAccess`, { roles: [] }), 400, ""],
    ["a bad partner id", (a) => a.get("/api/partners/nope/staff"), 400, ""],
    [
      "an unknown role",
      async (a) => a.put(`${staffUrl}/${(await freshStaff()).id}/customerAccess`, { roles: ["owner"] }),
      400,
      "ValidationFailed",
    ],
    [
      "roles not a list",
      async (a) => a.put(`${staffUrl}/${(await freshStaff()).id}/customerAccess`, { roles: "adminAgent" }),
      400,
      "ValidationFailed",
    ],
    [
      "an unknown relationship",
      async (a) => a.put(`${staffUrl}/${(await freshStaff()).id}/customerAccess/${crypto.randomUUID()}`, { roles: [] }),
      404,
      "NotFound",
    ],
    [
      "a user of a customer",
      async (a) =>
        a.put(`${staffUrl}/${(await makeUser(t.db, t.tenants.contoso)).id}/customerAccess`, { roles: ["adminAgent"] }),
      404,
      "NotFound",
    ],
    ["an unknown staff member", (a) => a.delete(`${staffUrl}/${crypto.randomUUID()}`), 404, "NotFound"],
  ];
  for (const [name, send, status, code] of cases) {
    it(`${name} → ${status}${code ? ` ${code}` : ""}`, async () => {
      const response = await send(api("globalAdmin"));
      expect(response.statusCode, response.body).toBe(status);
      const body = problem(response);
      if (code) expect(body.code).toBe(code);
    });
  }
});
