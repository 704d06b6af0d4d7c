import { randomUUID } from "node:crypto";
import type { Db } from "@allot/db";
import { type Action, can, type Role } from "@allot/domain";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertSeatCountersMatchHolders, auditOf, makeGroup, makeUser } from "./fixtures.js";
import { as, createTestApp, login, problem, type Session, type TestApp } from "./helpers.js";

/**
 * Every licensing route × every demo account acting on Contoso: allowed exactly when the permission matrix
 * (`can(roles, action)`) grants the route's action to the account's roles there; otherwise 403 Forbidden, or 404
 * when Contoso is out of reach altogether (another customer's admin). A refused request changes nothing and
 * writes no audit event.
 */

let t: TestApp;
let base: string;
let sku: Record<string, string>;
let productIdOf: Record<string, string>;

const assertCountersMatchRows = assertSeatCountersMatchHolders;

/** A fingerprint of everything a licensing mutation may touch: assignments, seat counters, group licenses, audit. */
async function fingerprint(db: Db) {
  const [row] = await db.$queryRaw<Array<Record<string, string | number>>>`
    SELECT (SELECT md5(COALESCE(string_agg(la::text, '|' ORDER BY la.id), '')) FROM "LicenseAssignment" la)
             AS assignments,
           (SELECT md5(COALESCE(string_agg(tp::text, '|' ORDER BY tp."tenantId", tp."productId"), ''))
              FROM "TenantProduct" tp) AS counters,
           (SELECT md5(COALESCE(string_agg(gl::text, '|' ORDER BY gl.id), '')) FROM "GroupLicense" gl)
             AS "groupLicenses",
           (SELECT count(*)::int FROM "AuditEvent") AS audit,
           (SELECT count(*)::int FROM "LicenseJob") AS jobs`;
  return row;
}

type Api = ReturnType<typeof as>;

interface Prepared {
  send: (api: Api) => Promise<LightMyRequestResponse>;
  /** Whether the route's change is visible in the database (mutations only). */
  changed?: () => Promise<boolean>;
}

interface LicenseRoute {
  name: string;
  action: Action;
  /** The success status when allowed (200 unless said). */
  status?: number;
  /** Sets up a fresh target (so an allowed mutation disturbs no other case) and the request to send. */
  prepare: () => Promise<Prepared>;
}

let reader: { userId: string; groupId: string; jobId: string };

const assigned = (where: { userId?: string; assignedByGroupId?: string; state?: "active" }) => async () =>
  (await t.db.licenseAssignment.count({ where })) > 0;

const ROUTES: LicenseRoute[] = [
  {
    name: "GET subscribedSkus",
    action: "directory.read",
    prepare: async () => ({ send: (api) => api.get(`${base}/subscribedSkus`) }),
  },
  {
    name: "GET licenseConflicts",
    action: "directory.read",
    prepare: async () => ({ send: (api) => api.get(`${base}/licenseConflicts`) }),
  },
  {
    name: "GET users/:userId/licenses",
    action: "directory.read",
    prepare: async () => ({ send: (api) => api.get(`${base}/users/${reader.userId}/licenses`) }),
  },
  {
    name: "GET users/:userId/licenseDetails",
    action: "directory.read",
    prepare: async () => ({ send: (api) => api.get(`${base}/users/${reader.userId}/licenseDetails`) }),
  },
  {
    name: "GET groups/:groupId/licenses",
    action: "directory.read",
    prepare: async () => ({ send: (api) => api.get(`${base}/groups/${reader.groupId}/licenses`) }),
  },
  {
    name: "GET licenses/bulkJobs",
    action: "directory.read",
    prepare: async () => ({ send: (api) => api.get(`${base}/licenses/bulkJobs`) }),
  },
  {
    name: "GET licenses/bulkJobs/:jobId",
    action: "directory.read",
    prepare: async () => ({ send: (api) => api.get(`${base}/licenses/bulkJobs/${reader.jobId}`) }),
  },
  {
    name: "POST licenses/selection (reads)",
    action: "directory.read",
    prepare: async () => ({ send: (api) => api.post(`${base}/licenses/selection`, { userIds: [reader.userId] }) }),
  },
  {
    name: "GET licenses/reclaimCandidates",
    action: "directory.read",
    prepare: async () => ({ send: (api) => api.get(`${base}/licenses/reclaimCandidates`) }),
  },
  {
    name: "GET licenses/holderCounts",
    action: "directory.read",
    prepare: async () => ({ send: (api) => api.get(`${base}/licenses/holderCounts?skuId=${sku.POWER_BI_PRO}`) }),
  },
  {
    name: "GET users?skuId",
    action: "directory.read",
    prepare: async () => ({ send: (api) => api.get(`${base}/users?skuId=${sku.POWER_BI_PRO}&limit=5`) }),
  },
  {
    name: "GET users/ids",
    action: "directory.read",
    prepare: async () => ({ send: (api) => api.get(`${base}/users/ids?skuId=${sku.POWER_BI_PRO}`) }),
  },
  {
    name: "GET licenseRequests",
    action: "requests.approve",
    prepare: async () => ({ send: (api) => api.get(`${base}/licenseRequests`) }),
  },
  {
    name: "POST users/:userId/assignLicense",
    action: "licenses.assign",
    prepare: async () => {
      const user = await makeUser(t.db, t.tenants.contoso);
      return {
        send: (api) =>
          api.post(`${base}/users/${user.id}/assignLicense`, {
            addLicenses: [{ skuId: sku.POWER_BI_PRO }],
            removeLicenses: [],
          }),
        changed: assigned({ userId: user.id }),
      };
    },
  },
  {
    name: "POST groups/:groupId/assignLicense",
    action: "licenses.assign",
    prepare: async () => {
      const user = await makeUser(t.db, t.tenants.contoso);
      const group = await makeGroup(t.db, t.tenants.contoso, [user.id]);
      return {
        send: (api) =>
          api.post(`${base}/groups/${group.id}/assignLicense`, {
            addLicenses: [{ skuId: sku.POWER_BI_PRO }],
            removeLicenses: [],
          }),
        changed: async () =>
          (await t.db.groupLicense.count({ where: { groupId: group.id } })) > 0 &&
          (await assigned({ userId: user.id, assignedByGroupId: group.id, state: "active" })()),
      };
    },
  },
  {
    name: "POST groups/:groupId/reprocessLicenseAssignment",
    action: "licenses.assign",
    prepare: async () => {
      // A member whose inherited license is in error (as after a seat shortage): reprocessing applies it.
      const user = await makeUser(t.db, t.tenants.contoso);
      const group = await makeGroup(t.db, t.tenants.contoso, [user.id]);
      const productId = productIdOf.POWER_BI_PRO as string;
      await t.db.groupLicense.create({
        data: { tenantId: t.tenants.contoso, groupId: group.id, productId, disabledServicePlanIds: [] },
      });
      await t.db.licenseAssignment.create({
        data: {
          tenantId: t.tenants.contoso,
          userId: user.id,
          productId,
          assignedByGroupId: group.id,
          disabledServicePlanIds: [],
          state: "error",
          errorCode: "CountViolation",
        },
      });
      return {
        send: (api) => api.post(`${base}/groups/${group.id}/reprocessLicenseAssignment`),
        changed: assigned({ userId: user.id, assignedByGroupId: group.id, state: "active" }),
      };
    },
  },
  {
    name: "POST licenses/bulk",
    action: "licenses.assign",
    prepare: async () => {
      const users = [await makeUser(t.db, t.tenants.contoso), await makeUser(t.db, t.tenants.contoso)];
      return {
        send: (api) =>
          api.post(`${base}/licenses/bulk`, {
            userIds: users.map((u) => u.id),
            add: [{ skuId: sku.POWER_BI_PRO }],
          }),
        changed: async () =>
          (await t.db.licenseAssignment.count({ where: { userId: { in: users.map((u) => u.id) } } })) === 2,
      };
    },
  },
  {
    name: "POST licenses/bulkJobs",
    action: "licenses.assign",
    status: 202,
    prepare: async () => {
      const users = [await makeUser(t.db, t.tenants.contoso), await makeUser(t.db, t.tenants.contoso)];
      return {
        send: (api) =>
          api.post(`${base}/licenses/bulkJobs`, {
            userIds: users.map((u) => u.id),
            add: [{ skuId: sku.POWER_BI_PRO }],
          }),
        changed: async () => {
          // A job naming these users, run to its end: then their licenses are in effect.
          const jobs = await t.db.$queryRaw<Array<{ id: string }>>`
            SELECT id::text AS id FROM "LicenseJob"
             WHERE request->'userIds' @> ${JSON.stringify([users[0]?.id])}::jsonb`;
          for (const job of jobs) await t.app.licenseJobs.settled(job.id);
          return (
            jobs.length === 1 &&
            (await t.db.licenseAssignment.count({ where: { userId: { in: users.map((u) => u.id) } } })) === 2
          );
        },
      };
    },
  },
  {
    name: "POST licenseRequests/:requestId/approve",
    action: "requests.approve",
    prepare: async () => {
      const request = await pendingRequest();
      return {
        send: (api) => api.post(`${base}/licenseRequests/${request.id}/approve`, {}),
        changed: async () =>
          (await t.db.licenseRequest.count({ where: { id: request.id, status: "approved" } })) === 1 &&
          (await assigned({ userId: request.requesterUserId })()),
      };
    },
  },
  {
    name: "POST licenseRequests/:requestId/deny",
    action: "requests.approve",
    prepare: async () => {
      const request = await pendingRequest();
      return {
        send: (api) => api.post(`${base}/licenseRequests/${request.id}/deny`, { reason: "Not this quarter." }),
        changed: async () => (await t.db.licenseRequest.count({ where: { id: request.id, status: "denied" } })) === 1,
      };
    },
  },
];

/** A fresh member's pending request for Power BI Pro, for the approve and deny rows. */
async function pendingRequest() {
  const requester = await makeUser(t.db, t.tenants.contoso);
  return t.db.licenseRequest.create({
    data: { tenantId: t.tenants.contoso, requesterUserId: requester.id, productId: productIdOf.POWER_BI_PRO as string },
  });
}

/** The demo accounts and the roles each holds in Contoso (null: Contoso is out of its reach). */
const ACCOUNTS: Array<{ email: string; label: string; rolesInContoso: Role[] | null }> = [
  { email: "admin@contoso.test", label: "global admin", rolesInContoso: ["globalAdmin"] },
  { email: "billing@contoso.test", label: "billing admin", rolesInContoso: ["billingAdmin"] },
  { email: "users@contoso.test", label: "user admin", rolesInContoso: ["userAdmin"] },
  { email: "licenses@contoso.test", label: "license admin", rolesInContoso: ["licenseAdmin"] },
  { email: "helpdesk@contoso.test", label: "helpdesk admin", rolesInContoso: ["helpdeskAdmin"] },
  { email: "service@contoso.test", label: "service admin", rolesInContoso: ["serviceAdmin"] },
  { email: "maker@contoso.test", label: "member (maker)", rolesInContoso: ["member"] },
  { email: "agent@partner.test", label: "partner admin agent", rolesInContoso: ["adminAgent"] },
  { email: "helpdesk@partner.test", label: "partner helpdesk agent", rolesInContoso: ["helpdeskAgent"] },
  { email: "admin@fabrikam.test", label: "Fabrikam global admin", rolesInContoso: null },
];

const sessions = new Map<string, Session>();

beforeAll(async () => {
  t = await createTestApp({ loginRateLimitPerMinute: 100_000 });
  base = `/api/tenants/${t.tenants.contoso}`;
  const products = await t.db.product.findMany({ select: { id: true, skuId: true, skuPartNumber: true } });
  sku = Object.fromEntries(products.map((p) => [p.skuPartNumber, p.skuId]));
  productIdOf = Object.fromEntries(products.map((p) => [p.skuPartNumber, p.id]));
  for (const { email } of ACCOUNTS) sessions.set(email, await login(t.app, email));
  const user = await makeUser(t.db, t.tenants.contoso);
  const group = await makeGroup(t.db, t.tenants.contoso, [user.id]);
  const job = await t.db.licenseJob.create({
    data: {
      tenantId: t.tenants.contoso,
      actorRoles: ["globalAdmin"],
      request: { userIds: [user.id], add: [{ skuId: sku.POWER_BI_PRO, disabledPlans: [] }], remove: [], mode: "add" },
      total: 1,
      status: "succeeded",
    },
  });
  reader = { userId: user.id, groupId: group.id, jobId: job.id };
});
afterAll(() => t.close());

describe("the premises", () => {
  it("each demo account holds the roles this table is about in Contoso (as /api/me reports them)", () => {
    for (const { email, rolesInContoso } of ACCOUNTS) {
      const me = (sessions.get(email) as Session).me;
      const contoso = me.tenants.find((tenant) => tenant.id === t.tenants.contoso);
      expect(contoso?.roles ?? null, email).toEqual(rolesInContoso);
    }
  });

  it("the matrix grants licenses.assign as DESIGN.md §2's 'assign / remove licenses' column and Partner Center say", () => {
    // Written out from DESIGN.md and Partner Center's roles, not from the matrix, so a drifting matrix fails here.
    const design: Record<string, boolean> = {
      globalAdmin: true,
      billingAdmin: false,
      userAdmin: true,
      licenseAdmin: true,
      helpdeskAdmin: false,
      serviceAdmin: false,
      member: false,
      adminAgent: true, // ~ global admin
      // Partner Center's "Assign or revoke licenses for multiple users" lists helpdesk and sales agents among the
      // roles that assign and revoke.
      helpdeskAgent: true,
      salesAgent: true,
    };
    for (const [role, allowed] of Object.entries(design)) {
      expect(can([role as Role], "licenses.assign"), role).toBe(allowed);
    }
    // Every admin role reads the directory (the licensing pages); a maker has no admin center.
    for (const role of Object.keys(design)) expect(can([role as Role], "directory.read"), role).toBe(role !== "member");
    // DESIGN.md §2's "approve requests" column (the license requests inbox).
    const approve: Record<string, boolean> = {
      globalAdmin: true,
      billingAdmin: false,
      userAdmin: true,
      licenseAdmin: true,
      helpdeskAdmin: false,
      serviceAdmin: false,
      member: false,
      adminAgent: true,
      helpdeskAgent: false,
    };
    for (const [role, allowed] of Object.entries(approve)) {
      expect(can([role as Role], "requests.approve"), role).toBe(allowed);
    }
  });
});

describe.each(ACCOUNTS)("$label ($email) on Contoso", ({ email, rolesInContoso }) => {
  it.each(ROUTES)("$name", async (route) => {
    const api = as(t.app, sessions.get(email) as Session);
    const expected = rolesInContoso === null ? "hidden" : can(rolesInContoso, route.action) ? "allowed" : "forbidden";
    const { send, changed } = await route.prepare();
    const before = await fingerprint(t.db);
    const response = await send(api);
    const audit = await auditOf(t.db, response);
    const where = `${email} ${route.name} → ${response.statusCode} ${response.body.slice(0, 300)}`;

    if (expected === "allowed") {
      // Allowed: a success or a rule answer, never an access answer. The setups are valid, so here it is 200 (202
      // for a job, which runs in the background).
      expect([401, 403, 404], where).not.toContain(response.statusCode);
      expect(response.statusCode, where).toBe(route.status ?? 200);
      if (changed) {
        expect(await changed(), where).toBe(true);
        expect(audit.length, where).toBeGreaterThanOrEqual(1);
        expect(audit.every((event) => event.tenantId === t.tenants.contoso)).toBe(true);
      } else {
        expect(audit, where).toEqual([]);
      }
      return;
    }
    expect(response.statusCode, where).toBe(expected === "forbidden" ? 403 : 404);
    const body = problem(response);
    expect(body.code, where).toBe(expected === "forbidden" ? "Forbidden" : "NotFound");
    if (changed) expect(await changed(), where).toBe(false);
    expect(audit, where).toEqual([]);
    expect(await fingerprint(t.db), `${where}: a refused request changed something`).toEqual(before);
  });
});

describe("before any role is looked at", () => {
  const mutations = () => ROUTES.filter((route) => route.action === "licenses.assign");

  it("no session (or a forged or stale cookie) is 401 Unauthenticated on every license route", async () => {
    const admin = sessions.get("admin@contoso.test") as Session;
    const csrf = { "x-csrf-token": admin.csrfToken };
    for (const cookie of [undefined, "allot_session=forged", `allot_session=${randomUUID()}`, "other=1"]) {
      for (const route of ROUTES) {
        const { send, changed } = await route.prepare();
        const before = await fingerprint(t.db);
        // A client with no cookie, sending what a signed-in one would.
        const anonymous = {
          get: (url: string) => t.app.inject({ method: "GET", url, headers: cookie ? { cookie } : {} }),
          post: (url: string, payload?: unknown) =>
            t.app.inject({
              method: "POST",
              url,
              headers: { ...(cookie ? { cookie } : {}), ...csrf },
              ...(payload === undefined ? {} : { payload: payload as string }),
            }),
        } as unknown as Api;
        const response = await send(anonymous);
        const where = `${cookie} ${route.name} → ${response.statusCode} ${response.body.slice(0, 200)}`;
        expect(response.statusCode, where).toBe(401);
        expect(problem(response).code, where).toBe("Unauthenticated");
        if (changed) expect(await changed(), where).toBe(false);
        expect(await fingerprint(t.db), where).toEqual(before);
      }
    }
  });

  it("an unknown tenant without a session is 401, not 404: a tenant's existence never shows to strangers", async () => {
    for (const tenant of [randomUUID(), t.tenants.fabrikam]) {
      const response = await t.app.inject({ method: "GET", url: `/api/tenants/${tenant}/subscribedSkus` });
      expect(response.statusCode).toBe(401);
    }
  });

  it("a mutation without the right X-CSRF-Token is 403 CsrfTokenInvalid, even for the global admin", async () => {
    const admin = sessions.get("admin@contoso.test") as Session;
    const other = sessions.get("licenses@contoso.test") as Session;
    for (const token of [undefined, "", "wrong", other.csrfToken, `${admin.csrfToken}x`, admin.csrfToken.slice(1)]) {
      for (const route of mutations()) {
        const { send, changed } = await route.prepare();
        const before = await fingerprint(t.db);
        const api = {
          get: () => {
            throw new Error("mutations only");
          },
          post: (url: string, payload?: unknown) =>
            t.app.inject({
              method: "POST",
              url,
              headers: { cookie: admin.cookie, ...(token === undefined ? {} : { "x-csrf-token": token }) },
              ...(payload === undefined ? {} : { payload: payload as string }),
            }),
        } as unknown as Api;
        const response = await send(api);
        const where = `token=${token} ${route.name} → ${response.statusCode} ${response.body.slice(0, 200)}`;
        expect(response.statusCode, where).toBe(403);
        expect(problem(response).code, where).toBe("CsrfTokenInvalid");
        expect(await changed?.(), where).toBe(false);
        expect(await auditOf(t.db, response)).toEqual([]);
        expect(await fingerprint(t.db), where).toEqual(before);
      }
    }
  });

  it("a role without the right is refused before the body is read: 403 even for a broken body", async () => {
    const billing = as(t.app, sessions.get("billing@contoso.test") as Session);
    for (const url of [
      `${base}/users/${reader.userId}/assignLicense`,
      `${base}/groups/${reader.groupId}/assignLicense`,
      `${base}/licenses/bulk`,
      `${base}/licenses/bulkJobs`,
    ]) {
      for (const payload of [{ nonsense: true }, { addLicenses: "x" }, { userIds: [] }]) {
        const response = await billing.post(url, payload);
        expect(response.statusCode, response.body).toBe(403);
        expect(problem(response).code).toBe("Forbidden");
      }
    }
  });

  it("the counters still match the rows after every allowed and refused request above", async () => {
    await assertCountersMatchRows(t.db, t.tenants.contoso);
    await assertCountersMatchRows(t.db, t.tenants.fabrikam);
  });
});
