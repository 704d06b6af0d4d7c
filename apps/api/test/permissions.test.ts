import { randomUUID } from "node:crypto";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditOf, DAY_MS, makeGroup, makeUser } from "./fixtures.js";
import { as, createTestApp, login, problem, type Session, type TestApp } from "./helpers.js";

/**
 * Every demo role × every users/groups action, against DESIGN.md §2's table — written out here, NOT computed from
 * packages/domain's matrix, so this test checks the matrix instead of repeating it.
 *
 * How each column follows from DESIGN.md §2:
 * - create/delete/restore users ("create, delete, restore users" column): global admin, user admin. Editing a user
 *   and managing groups and their members are the same directory-management right.
 * - reset the password of a non-admin ("reset passwords" column): global admin, user admin ("non-admins"),
 *   helpdesk admin ("non-admins"). Of an admin: global admin only. Members reset only their own (not here).
 * - edit or delete a user who holds an admin role: global admin only (user admins act on non-admins only).
 * - reading the directory (users, groups, members, memberOf): the table has no read column; every admin role
 *   needs it to reach the pages of its rights (licenses, password resets, seat usage), members (makers) have no
 *   admin center. The audit log (before/after of everything) is for global admins only.
 * - partner agents: admin agent ~ global admin, helpdesk agent ~ password (helpdesk) admin, in the customers they are
 *   delegated to; anywhere else the tenant does not exist for them (404).
 */
const ACTIONS = [
  "listUsers",
  "readUser",
  "memberOf",
  "createUser",
  "editUser",
  "blockSignIn",
  "deleteUser",
  "restoreUser",
  "resetPwNonAdmin",
  "resetPwAdmin",
  "editAdmin",
  "deleteAdmin",
  "restoreAdmin",
  "listGroups",
  "readGroup",
  "listMembers",
  "createGroup",
  "editGroup",
  "deleteGroup",
  "addMember",
  "removeMember",
  "auditLog",
] as const;
type ActionName = (typeof ACTIONS)[number];

// biome-ignore format: the table is easier to check against DESIGN.md when it stays a table
const EXPECTED_TABLE = `
                listUsers readUser memberOf createUser editUser blockSignIn deleteUser restoreUser resetPwNonAdmin resetPwAdmin editAdmin deleteAdmin restoreAdmin listGroups readGroup listMembers createGroup editGroup deleteGroup addMember removeMember auditLog
globalAdmin     yes       yes      yes      yes        yes      yes         yes        yes         yes             yes          yes       yes         yes          yes        yes       yes         yes         yes       yes         yes       yes          yes
billingAdmin    yes       yes      yes      no         no       no          no         no          no              no           no        no          no           yes        yes       yes         no          no        no          no        no           no
userAdmin       yes       yes      yes      yes        yes      yes         yes        yes         yes             no           no        no          no           yes        yes       yes         yes         yes       yes         yes       yes          no
licenseAdmin    yes       yes      yes      no         no       no          no         no          no              no           no        no          no           yes        yes       yes         no          no        no          no        no           no
helpdeskAdmin   yes       yes      yes      no         no       no          no         no          yes             no           no        no          no           yes        yes       yes         no          no        no          no        no           no
serviceAdmin    yes       yes      yes      no         no       no          no         no          no              no           no        no          no           yes        yes       yes         no          no        no          no        no           no
member          no        no       no       no         no       no          no         no          no              no           no        no          no           no         no        no          no          no        no          no        no           no
adminAgent      yes       yes      yes      yes        yes      yes         yes        yes         yes             yes          yes       yes         yes          yes        yes       yes         yes         yes       yes         yes       yes          yes
helpdeskAgent   yes       yes      yes      no         no       no          no         no          yes             no           no        no          no           yes        yes       yes         no          no        no          no        no           no
salesAgent      yes       yes      yes      no         no       no          no         no          no              no           no        no          no           yes        yes       yes         no          no        no          no        no           no
`;

type Expectation = Record<ActionName, boolean>;

function parseTable(table: string): Record<string, Expectation> {
  const [header, ...rows] = table
    .trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/));
  expect(header).toEqual([...ACTIONS]);
  const result: Record<string, Expectation> = {};
  for (const [role, ...cells] of rows) {
    expect(cells, `row ${role}`).toHaveLength(ACTIONS.length);
    const expectation = {} as Expectation;
    ACTIONS.forEach((action, i) => {
      expect(["yes", "no"], `${role} × ${action}`).toContain(cells[i]);
      expectation[action] = cells[i] === "yes";
    });
    result[role as string] = expectation;
  }
  return result;
}

const EXPECTED = parseTable(EXPECTED_TABLE);

interface Outcome {
  response: LightMyRequestResponse;
  /** Whether the action's change is visible in the database (undefined for reads). */
  changed?: () => Promise<boolean>;
  /** The success status of the action. */
  ok: number;
}

type Api = ReturnType<typeof as>;

interface World {
  t: TestApp;
  tenantId: string;
  /** A user and a group of the tenant nobody changes, for the reads. */
  reader: { userId: string; groupId: string };
}

/** Each action sets up its own fresh target, so allowed mutations never disturb another case. */
const RUN: Record<ActionName, (api: Api, w: World) => Promise<Outcome>> = {
  listUsers: async (api, w) => ({ response: await api.get(`/api/tenants/${w.tenantId}/users?limit=5`), ok: 200 }),
  readUser: async (api, w) => ({
    response: await api.get(`/api/tenants/${w.tenantId}/users/${w.reader.userId}`),
    ok: 200,
  }),
  memberOf: async (api, w) => ({
    response: await api.get(`/api/tenants/${w.tenantId}/users/${w.reader.userId}/memberOf`),
    ok: 200,
  }),
  createUser: async (api, w) => {
    const email = `created-${randomUUID().slice(0, 8)}@example.test`;
    return {
      response: await api.post(`/api/tenants/${w.tenantId}/users`, {
        displayName: "Created",
        email,
        usageLocation: "NL",
      }),
      changed: async () => (await w.t.db.user.count({ where: { email } })) === 1,
      ok: 201,
    };
  },
  editUser: async (api, w) => editUser(api, w, {}),
  editAdmin: async (api, w) => editUser(api, w, { role: "billingAdmin" }),
  blockSignIn: async (api, w) => {
    const user = await makeUser(w.t.db, w.tenantId);
    return {
      response: await api.patch(`/api/tenants/${w.tenantId}/users/${user.id}`, { accountEnabled: false }),
      changed: async () => !(await w.t.db.user.findUniqueOrThrow({ where: { id: user.id } })).accountEnabled,
      ok: 200,
    };
  },
  deleteUser: async (api, w) => deleteUser(api, w, {}),
  deleteAdmin: async (api, w) => deleteUser(api, w, { role: "licenseAdmin" }),
  restoreUser: async (api, w) => restoreUser(api, w, {}),
  restoreAdmin: async (api, w) => restoreUser(api, w, { role: "serviceAdmin" }),
  resetPwNonAdmin: async (api, w) => resetPassword(api, w, {}),
  resetPwAdmin: async (api, w) => resetPassword(api, w, { role: "globalAdmin" }),
  listGroups: async (api, w) => ({ response: await api.get(`/api/tenants/${w.tenantId}/groups`), ok: 200 }),
  readGroup: async (api, w) => ({
    response: await api.get(`/api/tenants/${w.tenantId}/groups/${w.reader.groupId}`),
    ok: 200,
  }),
  listMembers: async (api, w) => ({
    response: await api.get(`/api/tenants/${w.tenantId}/groups/${w.reader.groupId}/members`),
    ok: 200,
  }),
  createGroup: async (api, w) => {
    const displayName = `Created group ${randomUUID().slice(0, 8)}`;
    return {
      response: await api.post(`/api/tenants/${w.tenantId}/groups`, { displayName }),
      changed: async () => (await w.t.db.group.count({ where: { tenantId: w.tenantId, displayName } })) === 1,
      ok: 201,
    };
  },
  editGroup: async (api, w) => {
    const group = await makeGroup(w.t.db, w.tenantId);
    return {
      response: await api.patch(`/api/tenants/${w.tenantId}/groups/${group.id}`, { description: "Edited" }),
      changed: async () => (await w.t.db.group.findUniqueOrThrow({ where: { id: group.id } })).description === "Edited",
      ok: 200,
    };
  },
  deleteGroup: async (api, w) => {
    const group = await makeGroup(w.t.db, w.tenantId);
    return {
      response: await api.delete(`/api/tenants/${w.tenantId}/groups/${group.id}`),
      changed: async () => (await w.t.db.group.count({ where: { id: group.id } })) === 0,
      ok: 204,
    };
  },
  addMember: async (api, w) => {
    const group = await makeGroup(w.t.db, w.tenantId);
    const user = await makeUser(w.t.db, w.tenantId);
    return {
      response: await api.post(`/api/tenants/${w.tenantId}/groups/${group.id}/members`, { userIds: [user.id] }),
      changed: async () => (await w.t.db.groupMember.count({ where: { groupId: group.id, userId: user.id } })) === 1,
      ok: 204,
    };
  },
  removeMember: async (api, w) => {
    const user = await makeUser(w.t.db, w.tenantId);
    const group = await makeGroup(w.t.db, w.tenantId, [user.id]);
    return {
      response: await api.delete(`/api/tenants/${w.tenantId}/groups/${group.id}/members/${user.id}`),
      changed: async () => (await w.t.db.groupMember.count({ where: { groupId: group.id, userId: user.id } })) === 0,
      ok: 204,
    };
  },
  auditLog: async (api, w) => ({ response: await api.get(`/api/tenants/${w.tenantId}/auditLog?limit=5`), ok: 200 }),
};

type AdminRole = "globalAdmin" | "billingAdmin" | "licenseAdmin" | "serviceAdmin";

async function editUser(api: Api, w: World, { role }: { role?: AdminRole }): Promise<Outcome> {
  const user = await makeUser(w.t.db, w.tenantId, role ? { role } : {});
  return {
    response: await api.patch(`/api/tenants/${w.tenantId}/users/${user.id}`, {
      displayName: "Edited name",
      usageLocation: "BE",
    }),
    changed: async () =>
      (await w.t.db.user.findUniqueOrThrow({ where: { id: user.id } })).displayName === "Edited name",
    ok: 200,
  };
}

async function deleteUser(api: Api, w: World, { role }: { role?: AdminRole }): Promise<Outcome> {
  const user = await makeUser(w.t.db, w.tenantId, role ? { role } : {});
  return {
    response: await api.delete(`/api/tenants/${w.tenantId}/users/${user.id}`),
    changed: async () => (await w.t.db.user.findUniqueOrThrow({ where: { id: user.id } })).deletedAt !== null,
    ok: 204,
  };
}

async function restoreUser(api: Api, w: World, { role }: { role?: AdminRole }): Promise<Outcome> {
  const user = await makeUser(w.t.db, w.tenantId, {
    deletedAt: new Date(Date.now() - DAY_MS),
    ...(role ? { role } : {}),
  });
  return {
    response: await api.post(`/api/tenants/${w.tenantId}/users/${user.id}/restore`),
    changed: async () => (await w.t.db.user.findUniqueOrThrow({ where: { id: user.id } })).deletedAt === null,
    ok: 200,
  };
}

async function resetPassword(api: Api, w: World, { role }: { role?: AdminRole }): Promise<Outcome> {
  const user = await makeUser(w.t.db, w.tenantId, role ? { role } : {});
  return {
    response: await api.post(`/api/tenants/${w.tenantId}/users/${user.id}/resetPassword`, {
      password: "Reset-by-test-1",
    }),
    changed: async () => (await w.t.db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash !== null,
    ok: 200,
  };
}

/** Runs one action and checks the answer, the database and the audit trail against the expectation. */
async function check(api: Api, w: World, action: ActionName, expected: "allow" | "forbid" | "hide"): Promise<void> {
  const { response, changed, ok } = await RUN[action](api, w);
  const audit = await auditOf(w.t.db, response);
  if (expected === "allow") {
    expect(response.statusCode, response.body).toBe(ok);
    if (changed) {
      expect(await changed()).toBe(true);
      expect(audit).toHaveLength(1);
    } else {
      expect(audit).toHaveLength(0);
    }
    return;
  }
  expect(response.statusCode, response.body).toBe(expected === "forbid" ? 403 : 404);
  expect(problem(response).code).toBe(expected === "forbid" ? "Forbidden" : "NotFound");
  if (changed) expect(await changed()).toBe(false);
  expect(audit).toHaveLength(0);
}

const CUSTOMER_ROLES: Array<[string, string]> = [
  ["globalAdmin", "admin"],
  ["billingAdmin", "billing"],
  ["userAdmin", "users"],
  ["licenseAdmin", "licenses"],
  ["helpdeskAdmin", "helpdesk"],
  ["serviceAdmin", "service"],
  ["member", "maker"],
];

describe("permission matrix over the users and groups API", () => {
  let t: TestApp;
  const sessions = new Map<string, Session>();
  const worlds = new Map<string, World>();

  beforeAll(async () => {
    t = await createTestApp();
    const emails = [
      ...CUSTOMER_ROLES.map(([, local]) => `${local}@contoso.test`),
      "admin@fabrikam.test",
      "users@fabrikam.test",
      "agent@partner.test",
      "helpdesk@partner.test",
      "sales@partner.test",
    ];
    for (const email of emails) sessions.set(email, await login(t.app, email));
    for (const [name, tenantId] of [
      ["contoso", t.tenants.contoso],
      ["fabrikam", t.tenants.fabrikam],
    ] as const) {
      const user = await makeUser(t.db, tenantId);
      const group = await makeGroup(t.db, tenantId, [user.id]);
      worlds.set(name, { t, tenantId, reader: { userId: user.id, groupId: group.id } });
    }
  });
  afterAll(() => t.close());

  it("the expectation table names every role once", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(
      [...CUSTOMER_ROLES.map(([role]) => role), "adminAgent", "helpdeskAgent", "salesAgent"].sort(),
    );
  });

  describe("Contoso staff in Contoso", () => {
    for (const [role, local] of CUSTOMER_ROLES) {
      for (const action of ACTIONS) {
        const allowed = (EXPECTED[role] as Expectation)[action];
        it(`${role} ${allowed ? "may" : "may not"} ${action}`, async () => {
          const api = as(t.app, sessions.get(`${local}@contoso.test`) as Session);
          await check(api, worlds.get("contoso") as World, action, allowed ? "allow" : "forbid");
        });
      }
    }
  });

  describe("partner agents", () => {
    const cases: Array<[string, string, "contoso" | "fabrikam", string | null]> = [
      ["admin agent", "agent@partner.test", "contoso", "adminAgent"],
      ["helpdesk agent", "helpdesk@partner.test", "contoso", "helpdeskAgent"],
      ["helpdesk agent", "helpdesk@partner.test", "fabrikam", "helpdeskAgent"],
      ["sales agent", "sales@partner.test", "contoso", "salesAgent"],
      ["sales agent", "sales@partner.test", "fabrikam", null],
      // No relationship grants the admin agent anything in Fabrikam: the tenant does not exist for it.
      ["admin agent", "agent@partner.test", "fabrikam", null],
    ];
    for (const [label, email, tenant, role] of cases) {
      for (const action of ACTIONS) {
        const expected = role === null ? "hide" : (EXPECTED[role] as Expectation)[action] ? "allow" : "forbid";
        it(`${label} in ${tenant}: ${action} → ${expected}`, async () => {
          await check(as(t.app, sessions.get(email) as Session), worlds.get(tenant) as World, action, expected);
        });
      }
    }
  });

  describe("rules beyond the matrix", () => {
    it("nobody can delete their own account (409 CannotDeleteSelf), not even a global admin", async () => {
      const admin = sessions.get("admin@contoso.test") as Session;
      const response = await as(t.app, admin).delete(`/api/tenants/${t.tenants.contoso}/users/${admin.me.user.id}`);
      expect(response.statusCode).toBe(409);
      expect(problem(response).code).toBe("CannotDeleteSelf");
      expect((await t.db.user.findUniqueOrThrow({ where: { id: admin.me.user.id } })).deletedAt).toBeNull();
    });

    it("a user admin cannot reset its own password: it holds an admin role", async () => {
      const users = sessions.get("users@fabrikam.test") as Session;
      const own = await as(t.app, users).post(
        `/api/tenants/${t.tenants.fabrikam}/users/${users.me.user.id}/resetPassword`,
        {
          password: "Self-service-pw-1",
        },
      );
      expect(own.statusCode).toBe(403);
      expect(problem(own).code).toBe("Forbidden");
    });

    it("a partner helpdesk agent cannot reset a customer global admin's password", async () => {
      const agent = sessions.get("helpdesk@partner.test") as Session;
      const admin = await t.db.user.findUniqueOrThrow({ where: { email: "admin@fabrikam.test" } });
      const response = await as(t.app, agent).post(
        `/api/tenants/${t.tenants.fabrikam}/users/${admin.id}/resetPassword`,
        {
          password: "Taken-over-pw-1",
        },
      );
      expect(problem(response).code).toBe("Forbidden");
      expect(response.statusCode).toBe(403);
      expect((await login(t.app, "admin@fabrikam.test")).me.user.id).toBe(admin.id);
    });

    it("an admin of one customer reaches nothing in the other one (404, not 403)", async () => {
      const fabrikamAdmin = sessions.get("admin@fabrikam.test") as Session;
      const response = await as(t.app, fabrikamAdmin).get(`/api/tenants/${t.tenants.contoso}/users`);
      expect(response.statusCode).toBe(404);
      expect(problem(response).code).toBe("NotFound");
    });
  });
});
