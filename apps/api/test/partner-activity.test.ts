import type { PartnerActivityEvent, PartnerActivityPage } from "@allot/contracts";
import { DEMO_PASSWORD } from "@allot/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser } from "./fixtures.js";
import { as, createTestApp, login, problem, type Session, type TestApp, walkPages } from "./helpers.js";

/**
 * The partner's own activity log across its customers: what its staff changed in each customer and in the partner's
 * own tenant, newest first. The global admin sees everyone's; other staff their own; outsiders nothing (404).
 */

let t: TestApp;
let url: string;
const sessions = new Map<string, Session>();
const ids: Record<string, string> = {};

type Api = ReturnType<typeof as>;
const api = (who: string): Api => as(t.app, sessions.get(who) as Session);

async function activity(who: string, query = ""): Promise<PartnerActivityEvent[]> {
  const response = await api(who).get(`${url}?limit=200${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as PartnerActivityPage).items;
}

beforeAll(async () => {
  t = await createTestApp({ loginRateLimitPerMinute: 100_000 });
  url = `/api/partners/${t.tenants.partner}/activity`;
  for (const [who, email] of [
    ["globalAdmin", "admin@partner.test"],
    ["adminAgent", "agent@partner.test"],
    ["helpdesk", "helpdesk@partner.test"],
    ["customerAdmin", "admin@contoso.test"],
  ] as const) {
    sessions.set(who, await login(t.app, email, DEMO_PASSWORD));
    ids[who] = (sessions.get(who) as Session).me.user.id;
  }
  // One change by each: the admin agent and the helpdesk agent in Contoso, the global admin in the partner's tenant
  // (a grant), Contoso's own admin in Contoso (not the partner's).
  const renamed = await makeUser(t.db, t.tenants.contoso);
  ids.renamed = renamed.id;
  const byAgent = await api("adminAgent").patch(`/api/tenants/${t.tenants.contoso}/users/${renamed.id}`, {
    displayName: "Renamed by the admin agent",
  });
  expect(byAgent.statusCode, byAgent.body).toBe(200);
  const reset = await makeUser(t.db, t.tenants.fabrikam);
  const byHelpdesk = await api("helpdesk").post(
    `/api/tenants/${t.tenants.fabrikam}/users/${reset.id}/resetPassword`,
    {},
  );
  expect(byHelpdesk.statusCode, byHelpdesk.body).toBe(200);
  const staff = await makeUser(t.db, t.tenants.partner);
  ids.staff = staff.id;
  const granted = await api("globalAdmin").put(`/api/partners/${t.tenants.partner}/staff/${staff.id}/customerAccess`, {
    roles: ["salesAgent"],
  });
  expect(granted.statusCode, granted.body).toBe(200);
  const own = await api("customerAdmin").patch(`/api/tenants/${t.tenants.contoso}/users/${renamed.id}`, {
    displayName: "Renamed by Contoso",
  });
  expect(own.statusCode).toBe(200);
});
afterAll(() => t?.close());

describe("the partner's activity", () => {
  it("shows the global admin every staff member's changes, newest first, with each customer's name", async () => {
    const events = await activity("globalAdmin");
    expect(events.map((e) => e.createdAt)).toEqual([...events.map((e) => e.createdAt)].sort().reverse());
    expect(events.some((e) => e.action.startsWith("auth."))).toBe(false);
    expect(events.some((e) => e.actorUserId === ids.customerAdmin)).toBe(false);

    const byAgent = events.find((e) => e.actorUserId === ids.adminAgent && e.action === "user.updated");
    expect(byAgent).toMatchObject({
      tenantId: t.tenants.contoso,
      customer: { tenantId: t.tenants.contoso, name: "Contoso" },
      actorPartner: { tenantId: t.tenants.partner },
      targetId: ids.renamed,
    });
    const byHelpdesk = events.find((e) => e.actorUserId === ids.helpdesk && e.action === "user.passwordReset");
    expect(byHelpdesk?.customer?.tenantId).toBe(t.tenants.fabrikam);
    const grants = events.filter((e) => e.action === "partnerStaff.accessChanged" && e.targetId === ids.staff);
    // Given "for all customers": one change per customer (Contoso, Fabrikam, Tailspin Toys).
    expect(grants).toHaveLength(3);
    expect(grants.every((e) => e.customer === null && e.actorPartner === null)).toBe(true);
    expect(grants.every((e) => e.actorUserId === ids.globalAdmin)).toBe(true);
  });

  it("filters by customer and by staff member", async () => {
    const inContoso = await activity("globalAdmin", `&customerTenantId=${t.tenants.contoso}`);
    expect(inContoso.length).toBeGreaterThan(0);
    expect(inContoso.every((e) => e.tenantId === t.tenants.contoso)).toBe(true);
    const inPartner = await activity("globalAdmin", `&customerTenantId=${t.tenants.partner}`);
    expect(inPartner.length).toBeGreaterThan(0);
    expect(inPartner.every((e) => e.customer === null)).toBe(true);
    const byHelpdesk = await activity("globalAdmin", `&actorUserId=${ids.helpdesk}`);
    expect(byHelpdesk.length).toBeGreaterThan(0);
    expect(byHelpdesk.every((e) => e.actorUserId === ids.helpdesk)).toBe(true);
  });

  it("shows other staff their own changes only, and refuses them someone else's", async () => {
    const own = await activity("helpdesk");
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((e) => e.actorUserId === ids.helpdesk)).toBe(true);
    expect(await activity("helpdesk", `&actorUserId=${ids.helpdesk}`)).toEqual(own);
    const refused = await api("helpdesk").get(`${url}?actorUserId=${ids.adminAgent}`);
    expect(refused.statusCode).toBe(403);
    expect(problem(refused).code).toBe("Forbidden");
  });

  it("does not exist for anyone outside the partner", async () => {
    const response = await api("customerAdmin").get(url);
    expect(response.statusCode).toBe(404);
    expect(problem(response).code).toBe("NotFound");
  });

  it("pages on (createdAt, id) without losing or repeating an event", async () => {
    const all = await activity("globalAdmin");
    expect(all.length).toBeGreaterThan(2);
    const walked = await walkPages(
      async (query) => (await api("globalAdmin").get(`${url}?${query}`)).json() as PartnerActivityPage,
      "",
      1,
      100,
    );
    expect(walked.map((e) => e.id)).toEqual(all.map((e) => e.id));
  });

  it("answers bad input with a problem, never a 500", async () => {
    for (const query of ["cursor=nonsense", "limit=0", "customerTenantId=nope", "actorUserId=1", "other=1"]) {
      const response = await api("globalAdmin").get(`${url}?${query}`);
      expect(response.statusCode, query).toBe(400);
      problem(response);
    }
  });

  it("keeps a removed staff member's changes", async () => {
    const removable = await makeUser(t.db, t.tenants.partner);
    await api("globalAdmin").put(`/api/partners/${t.tenants.partner}/staff/${removable.id}/customerAccess`, {
      roles: ["helpdeskAgent"],
    });
    const removed = await api("globalAdmin").delete(`/api/partners/${t.tenants.partner}/staff/${removable.id}`);
    expect(removed.statusCode).toBe(204);
    const events = await activity("globalAdmin", `&actorUserId=${ids.globalAdmin}`);
    expect(events.filter((e) => e.targetId === removable.id).map((e) => e.action)).toEqual(
      expect.arrayContaining(["user.deleted", "partnerStaff.accessChanged"]),
    );
  });
});
