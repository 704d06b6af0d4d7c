import { randomUUID } from "node:crypto";
import type { Flow } from "@allot/contracts";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditOf, DAY_MS, makeUser } from "./fixtures.js";
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
 * Flows and their license, run checks and DLP policies (seed 004), against the real API: who sees and edits which
 * flow, switching a flow to Process / Per flow capacity of its environment and back, whether a person may run a flow,
 * and DLP policies that suspend the flows they break.
 */
const PASSWORD = "Fixture-password-1";
const STANDARD = ["shared_sharepointonline", "shared_office365"];
const PREMIUM = ["shared_sharepointonline", "shared_sql"];

describe("Power Platform flows and DLP", () => {
  let t: TestApp;
  let base: string;
  let catalog: Record<string, CatalogRow>;
  let admin: Session;
  let pp: Session;
  let maker: Session;
  let otherMaker: Session;
  let otherMakerId: string;

  beforeAll(async () => {
    t = await createTestApp();
    base = `/api/tenants/${t.tenants.contoso}`;
    catalog = await catalogBySku(t.db);
    admin = await login(t.app, "admin@contoso.test");
    pp = await login(t.app, "powerplatform@contoso.test");
    maker = await login(t.app, "maker@contoso.test");
    const other = await makeUser(t.db, t.tenants.contoso, { password: PASSWORD, displayName: "Other maker" });
    otherMakerId = other.id;
    otherMaker = await login(t.app, other.email, PASSWORD);
  });
  afterAll(() => t.close());

  /** A fresh environment of Contoso, with the add-on units given (nothing allocated unless said). */
  async function environment(allocate: Partial<Record<string, number>> = {}, machines = 0): Promise<string> {
    const env = await t.db.environment.create({
      data: { tenantId: t.tenants.contoso, name: `Flows test ${randomUUID().slice(0, 8)}` },
    });
    for (const [sku, quantity] of Object.entries(allocate)) {
      await t.db.capacityAllocation.create({
        data: {
          tenantId: t.tenants.contoso,
          environmentId: env.id,
          productId: catalog[sku]?.productId as string,
          quantity: quantity as number,
        },
      });
    }
    for (let i = 0; i < machines; i++) {
      await t.db.machine.create({ data: { tenantId: t.tenants.contoso, environmentId: env.id, name: `M${i}` } });
    }
    return env.id;
  }

  async function create(session: Session, environmentId: string, body: Record<string, unknown>): Promise<Flow> {
    const response = await as(t.app, session).post(`${base}/environments/${environmentId}/flows`, {
      name: `Flow ${randomUUID().slice(0, 8)}`,
      ...body,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  const list = async (session: Session, environmentId: string) => {
    const response = await as(t.app, session).get(`${base}/environments/${environmentId}/flows`);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json().items as Flow[]).map((flow) => flow.id).sort();
  };
  const patch = (session: Session, flowId: string, body: unknown) =>
    as(t.app, session).patch(`${base}/flows/${flowId}`, body);
  const runCheck = (session: Session, flowId: string, runAsUserId: string) =>
    as(t.app, session).post(`${base}/flows/${flowId}/runChecks`, { runAsUserId });
  const extensions = (response: LightMyRequestResponse) => response.json() as Record<string, unknown>;

  describe("the demo data", () => {
    it("Contoso has Default, Production and Sandbox, ~20 flows that comply with the Production DLP policy", async () => {
      const environments = await t.db.environment.findMany({
        where: { tenantId: t.tenants.contoso },
        orderBy: { name: "asc" },
      });
      expect(environments.map((e) => [e.name, e.type])).toEqual([
        ["Default", "default"],
        ["Production", "production"],
        ["Sandbox", "sandbox"],
      ]);
      const flows = await t.db.flow.findMany({ where: { environment: { tenantId: t.tenants.contoso } } });
      expect(flows.length).toBeGreaterThanOrEqual(18);
      expect(flows.every((flow) => !flow.suspendedByDlp)).toBe(true);
      expect(flows.filter((flow) => flow.ownerUserId === maker.me.user.id).length).toBeGreaterThanOrEqual(5);
      const dlp = await as(t.app, pp).get(`${base}/dlpPolicies`);
      expect(dlp.statusCode, dlp.body).toBe(200);
      expect(dlp.json().items.map((p: { name: string }) => p.name)).toEqual(["Production business data"]);
      expect(dlp.json().suspendedFlows).toEqual([]);
    });

    it("Production has no Process unit: a flow switches to Process only once an admin allocates it", async () => {
      const production = environmentsByName(
        await t.db.environment.findMany({ where: { tenantId: t.tenants.contoso } }),
      );
      const productionId = production.get("Production") as string;
      const [flow] = (await as(t.app, maker).get(`${base}/environments/${productionId}/flows`)).json().items as Flow[];
      expect(flow?.licenseMode).toBe("owner");
      const refused = await patch(maker, flow?.id as string, { licenseMode: "process" });
      expect(refused.statusCode, refused.body).toBe(409);
      // The two machines are paid from Unattended RPA, so Process units allocated go to flows.
      await t.db.capacityAllocation.create({
        data: {
          tenantId: t.tenants.contoso,
          environmentId: productionId,
          productId: catalog.POWERAUTOMATE_PROCESS?.productId as string,
          quantity: 2,
        },
      });
      const switched = await patch(maker, flow?.id as string, { licenseMode: "process" });
      expect(switched.statusCode, switched.body).toBe(200);
      await patch(maker, flow?.id as string, { licenseMode: "owner" });
      await t.db.capacityAllocation.deleteMany({
        where: { environmentId: productionId, productId: catalog.POWERAUTOMATE_PROCESS?.productId as string },
      });
    });
  });

  describe("creating and listing", () => {
    it("a maker creates a flow they own (201), with co-owners of the organisation, audited", async () => {
      const env = await environment();
      const response = await as(t.app, maker).post(`${base}/environments/${env}/flows`, {
        name: "Approvals",
        description: "Routes requests",
        kind: "cloud",
        connectors: [...PREMIUM, "shared_sql"],
        coOwnerIds: [otherMakerId, maker.me.user.id],
      });
      expect(response.statusCode, response.body).toBe(201);
      const flow = response.json() as Flow;
      expect(flow).toMatchObject({
        environmentId: env,
        name: "Approvals",
        description: "Routes requests",
        kind: "cloud",
        owner: { id: maker.me.user.id, email: "maker@contoso.test" },
        coOwners: [{ id: otherMakerId }],
        connectors: PREMIUM,
        usesPremiumConnectors: true,
        licenseMode: "owner",
        suspendedByDlp: false,
        canEdit: true,
      });
      const [event] = await auditOf(t.db, response, "powerPlatform.flowCreated");
      expect(event).toMatchObject({ targetType: "flow", targetId: flow.id, actorUserId: maker.me.user.id });
    });

    it("makers see the flows they own or co-own, Power Platform and global admins all of them", async () => {
      const env = await environment();
      const own = await create(maker, env, {});
      const coOwned = await create(otherMaker, env, { coOwnerIds: [maker.me.user.id] });
      const others = await create(otherMaker, env, {});
      expect(await list(maker, env)).toEqual([own.id, coOwned.id].sort());
      expect(await list(otherMaker, env)).toEqual([coOwned.id, others.id].sort());
      const all = [own.id, coOwned.id, others.id].sort();
      expect(await list(pp, env)).toEqual(all);
      expect(await list(admin, env)).toEqual(all);
      expect((await as(t.app, maker).get(`${base}/flows/${others.id}`)).statusCode).toBe(404);
      expect((await as(t.app, maker).get(`${base}/flows/${coOwned.id}`)).json()).toMatchObject({ canEdit: true });
      const seenByAdmin = await as(t.app, pp).get(`${base}/flows/${others.id}`);
      expect(seenByAdmin.json()).toMatchObject({ id: others.id, canEdit: true });
    });

    it("refuses unknown connectors and co-owners who are not people of the organisation, with their paths", async () => {
      const env = await environment();
      const url = `${base}/environments/${env}/flows`;
      const unknown = await as(t.app, maker).post(url, { name: "x", connectors: ["shared_sql", "shared_nope"] });
      expect(unknown.statusCode).toBe(400);
      expect(problem(unknown)).toMatchObject({ code: "ValidationFailed", errors: [{ path: "body.connectors.1" }] });
      const fabrikamUser = await makeUser(t.db, t.tenants.fabrikam);
      const deleted = await makeUser(t.db, t.tenants.contoso, { deletedAt: new Date(Date.now() - DAY_MS) });
      const strangers = await as(t.app, maker).post(url, {
        name: "x",
        coOwnerIds: [otherMakerId, fabrikamUser.id, deleted.id],
      });
      expect(problem(strangers)).toMatchObject({
        code: "ValidationFailed",
        errors: [{ path: "body.coOwnerIds.1" }, { path: "body.coOwnerIds.2" }],
      });
      const fabrikamEnv = await t.db.environment.create({ data: { tenantId: t.tenants.fabrikam, name: "Theirs" } });
      const foreign = await as(t.app, maker).post(`${base}/environments/${fabrikamEnv.id}/flows`, { name: "x" });
      expect(foreign.statusCode).toBe(404);
      expect(await t.db.flow.count({ where: { environmentId: { in: [env, fabrikamEnv.id] } } })).toBe(0);
    });

    it("only Power Platform admins create a flow for someone else; a partner's agent must name the owner", async () => {
      const env = await environment();
      const url = `${base}/environments/${env}/flows`;
      const byMaker = await as(t.app, maker).post(url, { name: "x", ownerUserId: otherMakerId });
      expect(problem(byMaker).code).toBe("Forbidden");
      const fabrikamUser = await makeUser(t.db, t.tenants.fabrikam);
      const stranger = await as(t.app, pp).post(url, { name: "x", ownerUserId: fabrikamUser.id });
      expect(problem(stranger)).toMatchObject({ code: "ValidationFailed", errors: [{ path: "body.ownerUserId" }] });
      const byAdmin = await create(pp, env, { ownerUserId: otherMakerId });
      expect(byAdmin.owner.id).toBe(otherMakerId);
      const agent = await login(t.app, "agent@partner.test");
      const unnamed = await as(t.app, agent).post(url, { name: "x" });
      expect(problem(unnamed)).toMatchObject({ code: "ValidationFailed", errors: [{ path: "body.ownerUserId" }] });
      const named = await create(agent, env, { ownerUserId: maker.me.user.id });
      expect(named.owner.id).toBe(maker.me.user.id);
    });
  });

  describe("editing", () => {
    it("the owner, a co-owner and Power Platform admins edit; another maker is refused (403)", async () => {
      const env = await environment();
      const third = await makeUser(t.db, t.tenants.contoso, { password: PASSWORD });
      const thirdSession = await login(t.app, third.email, PASSWORD);
      const flow = await create(maker, env, { coOwnerIds: [otherMakerId] });
      const byCoOwner = await patch(otherMaker, flow.id, { name: "Renamed by co-owner", description: "why" });
      expect(byCoOwner.statusCode, byCoOwner.body).toBe(200);
      expect(byCoOwner.json()).toMatchObject({ name: "Renamed by co-owner", description: "why" });
      const [event] = await auditOf(t.db, byCoOwner, "powerPlatform.flowUpdated");
      expect(event).toMatchObject({
        before: { name: flow.name, description: null },
        after: { name: "Renamed by co-owner", description: "why" },
      });
      const byStranger = await patch(thirdSession, flow.id, { name: "Mine now" });
      expect(byStranger.statusCode).toBe(403);
      expect(problem(byStranger).code).toBe("Forbidden");
      const byAdmin = await patch(pp, flow.id, { coOwnerIds: [third.id] });
      expect(byAdmin.json().coOwners.map((c: { id: string }) => c.id)).toEqual([third.id]);
      // The former co-owner lost the right with the role, and no longer sees the flow.
      expect((await patch(otherMaker, flow.id, { name: "again" })).statusCode).toBe(403);
      expect((await as(t.app, otherMaker).get(`${base}/flows/${flow.id}`)).statusCode).toBe(404);
    });
  });

  describe("switching the license that pays for a flow", () => {
    it("needs an unused unit of the add-on allocated to the environment, else 409 CapacityNotAvailable", async () => {
      const env = await environment();
      const flow = await create(maker, env, { connectors: PREMIUM });
      const refused = await patch(maker, flow.id, { licenseMode: "process" });
      expect(refused.statusCode, refused.body).toBe(409);
      expect(problem(refused).code).toBe("CapacityNotAvailable");
      expect(extensions(refused)).toMatchObject({
        shortfall: [{ skuPartNumber: "POWERAUTOMATE_PROCESS", capacityType: "process", units: 1 }],
        flows: [],
        machines: [],
      });
      expect(extensions(refused).detail).toMatch(/allocate capacity to the environment/i);
      const perFlow = await patch(maker, flow.id, { licenseMode: "perFlow" });
      expect(extensions(perFlow)).toMatchObject({
        shortfall: [{ skuPartNumber: "FLOW_BUSINESS_PROCESS", capacityType: "perFlow", units: 1 }],
      });
      expect((await t.db.flow.findUniqueOrThrow({ where: { id: flow.id } })).licensedBy).toBe("owner");
    });

    it("takes the unit; a second flow finds none until the first switches back to its owner's license", async () => {
      const env = await environment({ POWERAUTOMATE_PROCESS: 1 });
      const first = await create(maker, env, {});
      const second = await create(otherMaker, env, {});
      const switched = await patch(maker, first.id, { licenseMode: "process" });
      expect(switched.statusCode, switched.body).toBe(200);
      expect(switched.json()).toMatchObject({ licenseMode: "process" });
      const [event] = await auditOf(t.db, switched, "powerPlatform.flowLicenseModeChanged");
      expect(event).toMatchObject({ before: { licenseMode: "owner" }, after: { licenseMode: "process" } });
      expect(await auditOf(t.db, switched, "powerPlatform.flowUpdated")).toEqual([]);
      const taken = await patch(otherMaker, second.id, { licenseMode: "process" });
      expect(taken.statusCode).toBe(409);
      expect(extensions(taken)).toMatchObject({
        shortfall: [{ capacityType: "process", units: 1 }],
        flows: [{ id: first.id, licenseMode: "process" }],
      });
      expect((await patch(maker, first.id, { licenseMode: "owner" })).json()).toMatchObject({ licenseMode: "owner" });
      const now = await patch(otherMaker, second.id, { licenseMode: "process" });
      expect(now.statusCode, now.body).toBe(200);
    });

    it("machines of the environment use its Process units too (after Unattended RPA)", async () => {
      const env = await environment({ POWERAUTOMATE_PROCESS: 1 }, 1);
      const flow = await create(maker, env, {});
      const refused = await patch(maker, flow.id, { licenseMode: "process" });
      expect(extensions(refused)).toMatchObject({ machines: [{ name: "M0", parallelRuns: 1, hosted: false }] });
      await t.db.capacityAllocation.create({
        data: {
          tenantId: t.tenants.contoso,
          environmentId: env,
          productId: catalog.POWERAUTOMATE_UNATTENDED_RPA?.productId as string,
          quantity: 1,
        },
      });
      expect((await patch(maker, flow.id, { licenseMode: "process" })).statusCode).toBe(200);
    });
  });

  describe("run checks", () => {
    it("on the owner's license the runner's own plans decide; on Process anyone may run it", async () => {
      const env = await environment({ POWERAUTOMATE_PROCESS: 1 });
      const premium = await create(maker, env, { connectors: PREMIUM });
      const standard = await create(maker, env, { connectors: STANDARD });
      // The maker holds Microsoft 365 E3: Power Automate for Office 365, not premium.
      const makerPremium = await runCheck(maker, premium.id, maker.me.user.id);
      expect(makerPremium.statusCode, makerPremium.body).toBe(200);
      expect(makerPremium.json()).toEqual({
        allowed: false,
        code: "LicenseRequired",
        missing: ["POWERAUTOMATE_ATTENDED_RPA"],
      });
      expect((await runCheck(maker, standard.id, maker.me.user.id)).json()).toEqual({
        allowed: true,
        paidBy: { licenseMode: "owner", servicePlan: "FLOW_O365_P2" },
      });
      // The global admin is on the Power Automate Premium trial.
      expect((await runCheck(pp, premium.id, admin.me.user.id)).json()).toMatchObject({ allowed: true });
      const unlicensed = await makeUser(t.db, t.tenants.contoso);
      expect((await runCheck(maker, standard.id, unlicensed.id)).json()).toMatchObject({
        allowed: false,
        code: "LicenseRequired",
      });
      await patch(maker, premium.id, { licenseMode: "process" });
      expect((await runCheck(maker, premium.id, unlicensed.id)).json()).toEqual({
        allowed: true,
        paidBy: { licenseMode: "process", servicePlan: null },
      });
    });

    it("a disabled service plan does not count, and the runner must be a person of the organisation", async () => {
      const env = await environment();
      const flow = await create(maker, env, { connectors: STANDARD });
      const user = await makeUser(t.db, t.tenants.contoso);
      const plan = await t.db.servicePlan.findUniqueOrThrow({ where: { servicePlanName: "FLOW_O365_P2" } });
      await t.db.licenseAssignment.create({
        data: {
          tenantId: t.tenants.contoso,
          userId: user.id,
          productId: catalog.SPE_E3?.productId as string,
          disabledServicePlanIds: [plan.id],
        },
      });
      expect((await runCheck(maker, flow.id, user.id)).json()).toMatchObject({ allowed: false });
      const fabrikamUser = await makeUser(t.db, t.tenants.fabrikam);
      const foreign = await runCheck(maker, flow.id, fabrikamUser.id);
      expect(foreign.statusCode).toBe(404);
      expect(problem(foreign).code).toBe("NotFound");
    });
  });

  describe("DLP policies", () => {
    it("saving policies suspends the flows they break, and DlpViolation refuses such connectors on save", async () => {
      const env = await environment();
      const elsewhere = await environment();
      const mixed = await create(maker, env, { connectors: ["shared_sharepointonline", "shared_dropbox"] });
      const blocked = await create(otherMaker, env, { connectors: ["shared_twitter"] });
      const fine = await create(maker, env, { connectors: ["shared_sharepointonline"] });
      const outside = await create(maker, elsewhere, { connectors: ["shared_twitter"] });
      const current = (await as(t.app, pp).get(`${base}/dlpPolicies`)).json().items as Array<Record<string, unknown>>;
      const kept = current.map(({ name, environmentId, business, nonBusiness, blocked }) => ({
        name,
        environmentId,
        business,
        nonBusiness,
        blocked,
      }));
      const policy = {
        name: "Test policy",
        environmentId: env,
        business: ["shared_sharepointonline"],
        nonBusiness: [],
        blocked: ["shared_twitter"],
      };
      const saved = await as(t.app, pp).put(`${base}/dlpPolicies`, { policies: [...kept, policy] });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(
        saved
          .json()
          .items.map((p: { name: string }) => p.name)
          .sort(),
      ).toEqual([...kept.map((p) => p.name as string), "Test policy"].sort());
      const suspended = saved.json().suspendedFlows as Array<{ id: string; reason: string; policy: string }>;
      expect(suspended.map((s) => s.id).sort()).toEqual([mixed.id, blocked.id].sort());
      expect(suspended.find((s) => s.id === blocked.id)).toMatchObject({ reason: "blocked", policy: "Test policy" });
      expect(suspended.find((s) => s.id === mixed.id)).toMatchObject({ reason: "mixed" });
      const [event] = await auditOf(t.db, saved, "powerPlatform.dlpPoliciesChanged");
      expect(event).toMatchObject({ targetType: "tenant", after: { suspendedFlowIds: expect.any(Array) } });
      for (const [flow, state] of [
        [mixed, true],
        [blocked, true],
        [fine, false],
        [outside, false],
      ] as const) {
        expect((await t.db.flow.findUniqueOrThrow({ where: { id: flow.id } })).suspendedByDlp, flow.name).toBe(state);
      }
      expect((await runCheck(maker, mixed.id, maker.me.user.id)).json()).toEqual({
        allowed: false,
        code: "DlpViolation",
        missing: [],
      });

      const stillMixed = await patch(maker, mixed.id, { connectors: ["shared_sharepointonline", "shared_rss"] });
      expect(stillMixed.statusCode).toBe(422);
      expect(problem(stillMixed).code).toBe("DlpViolation");
      expect(extensions(stillMixed).violations).toEqual([
        { policy: "Test policy", reason: "mixed", connectors: ["shared_sharepointonline", "shared_rss"] },
      ]);
      const complies = await patch(maker, mixed.id, { connectors: ["shared_sharepointonline"] });
      expect(complies.json()).toMatchObject({ suspendedByDlp: false, connectors: ["shared_sharepointonline"] });
      const created = await as(t.app, maker).post(`${base}/environments/${env}/flows`, {
        name: "tweets",
        connectors: ["shared_twitter", "shared_rss"],
      });
      expect(created.statusCode).toBe(422);
      expect(extensions(created).violations).toEqual([
        { policy: "Test policy", reason: "blocked", connectors: ["shared_twitter"] },
      ]);

      // The policy gone, the blocked flow runs again.
      const removed = await as(t.app, pp).put(`${base}/dlpPolicies`, { policies: kept });
      expect(removed.json().suspendedFlows).toEqual([]);
      expect((await t.db.flow.findUniqueOrThrow({ where: { id: blocked.id } })).suspendedByDlp).toBe(false);
    });

    it("refuses a connector in two groups, unknown connectors, and environments of another organisation", async () => {
      const url = `${base}/dlpPolicies`;
      const twice = await as(t.app, pp).put(url, {
        policies: [{ name: "p", environmentId: null, business: ["shared_sql"], nonBusiness: ["shared_sql"] }],
      });
      expect(problem(twice)).toMatchObject({ code: "ValidationFailed", errors: [{ path: "body.policies.0" }] });
      const unknown = await as(t.app, pp).put(url, {
        policies: [{ name: "p", environmentId: null, blocked: ["shared_nope"] }],
      });
      expect(problem(unknown)).toMatchObject({ errors: [{ path: "body.policies.0.blocked.0" }] });
      const fabrikamEnv = await t.db.environment.create({ data: { tenantId: t.tenants.fabrikam, name: "DLP" } });
      const foreign = await as(t.app, pp).put(url, { policies: [{ name: "p", environmentId: fabrikamEnv.id }] });
      expect(foreign.statusCode).toBe(404);
      expect(await t.db.dlpPolicy.count({ where: { tenantId: t.tenants.contoso, name: "p" } })).toBe(0);
    });
  });

  describe("who may use each route", () => {
    const ACCOUNTS = [
      ["admin@contoso.test", true],
      ["powerplatform@contoso.test", true],
      ["licenses@contoso.test", false],
      ["maker@contoso.test", false],
      ["billing@contoso.test", false],
    ] as const;
    for (const [email, managesDlp] of ACCOUNTS) {
      it(`${email}: flows ${managesDlp ? "and DLP policies" : "(own ones); DLP policies 403"}`, async () => {
        const session = await login(t.app, email);
        const env = await environment();
        const client = as(t.app, session);
        expect((await client.get(`${base}/connectors`)).statusCode).toBe(200);
        const flow = await create(session, env, { connectors: STANDARD });
        expect(await list(session, env)).toEqual([flow.id]);
        expect((await client.get(`${base}/flows/${flow.id}`)).statusCode).toBe(200);
        expect((await patch(session, flow.id, { name: "Renamed" })).statusCode).toBe(200);
        expect((await runCheck(session, flow.id, session.me.user.id)).statusCode).toBe(200);
        const dlp = await client.get(`${base}/dlpPolicies`);
        expect(dlp.statusCode).toBe(managesDlp ? 200 : 403);
        const policies = (await as(t.app, pp).get(`${base}/dlpPolicies`))
          .json()
          .items.map(({ name, environmentId, business, nonBusiness, blocked }: Record<string, unknown>) => ({
            name,
            environmentId,
            business,
            nonBusiness,
            blocked,
          }));
        const put = await client.put(`${base}/dlpPolicies`, { policies });
        expect(put.statusCode, put.body).toBe(managesDlp ? 200 : 403);
      });
    }

    it("a partner's helpdesk and sales agents reach none of them (403)", async () => {
      const env = await environment();
      const flow = await create(pp, env, {});
      for (const email of ["helpdesk@partner.test", "sales@partner.test"]) {
        const client = as(t.app, await login(t.app, email));
        for (const response of [
          await client.get(`${base}/connectors`),
          await client.get(`${base}/environments/${env}/flows`),
          await client.post(`${base}/environments/${env}/flows`, { name: "x", ownerUserId: maker.me.user.id }),
          await client.get(`${base}/flows/${flow.id}`),
          await client.patch(`${base}/flows/${flow.id}`, { name: "x" }),
          await client.post(`${base}/flows/${flow.id}/runChecks`, { runAsUserId: maker.me.user.id }),
          await client.get(`${base}/dlpPolicies`),
          await client.put(`${base}/dlpPolicies`, { policies: [] }),
        ]) {
          expect(response.statusCode, `${email} ${response.body}`).toBe(403);
        }
      }
    });
  });
});

function environmentsByName(rows: Array<{ id: string; name: string }>): Map<string, string> {
  return new Map(rows.map((row) => [row.name, row.id]));
}
