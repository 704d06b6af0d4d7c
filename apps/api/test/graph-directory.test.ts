import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser } from "./fixtures.js";
import { accessToken, graph, graphError, registerApp } from "./graph-tokens.js";
import { type CatalogRow, catalogBySku, createTestApp, login, type Session, type TestApp } from "./helpers.js";

/**
 * The Graph-compatible API's groups, subscribed SKUs, subscriptions and batches, with app tokens: Graph's bodies
 * and error envelope, permissions per application permission, revocation on the next request, audit attribution,
 * tenant isolation and throttling.
 */

let t: TestApp;
let admin: Session;
let catalog: Record<string, CatalogRow>;
let token: string;
let app: Awaited<ReturnType<typeof registerApp>>;

beforeAll(async () => {
  t = await createTestApp({ loginRateLimitPerMinute: 100_000 });
  admin = await login(t.app, "admin@contoso.test");
  catalog = await catalogBySku(t.db);
  app = await registerApp(t.app, admin, t.tenants.contoso, [
    "User.ReadWrite.All",
    "Group.ReadWrite.All",
    "LicenseAssignment.ReadWrite.All",
    "Directory.Read.All",
  ]);
  token = await accessToken(t.app, app);
});
afterAll(() => t.close());

const skuOf = (part: string) => (catalog[part] as CatalogRow).skuId;

describe("groups", () => {
  it("creates a security group with Graph's body, reads it, adds and removes a member by $ref; audited as the app", async () => {
    const api = graph(t.app, token);
    const created = await api.post("/groups", {
      displayName: `Graph group ${randomUUID().slice(0, 8)}`,
      mailEnabled: false,
      mailNickname: "graphgroup",
      securityEnabled: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    const group = created.json() as { id: string; securityEnabled: boolean; "@odata.context": string };
    expect(group).toMatchObject({ securityEnabled: true, mailEnabled: false, groupTypes: [] });
    expect(group["@odata.context"]).toContain("/graph/v1.0/$metadata#groups");
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "group.created", targetId: group.id } });
    expect(event).toMatchObject({ actorUserId: null, actorApplicationId: app.id });

    const member = await makeUser(t.db, t.tenants.contoso);
    const ref = { "@odata.id": `https://graph.microsoft.com/v1.0/directoryObjects/${member.id}` };
    expect((await api.post(`/groups/${group.id}/members/$ref`, ref)).statusCode).toBe(204);
    const again = await api.post(`/groups/${group.id}/members/$ref`, ref);
    expect(graphError(again)).toMatchObject({
      status: 400,
      code: "Request_BadRequest",
      details: [{ code: "AlreadyMember" }],
    });
    expect((await api.delete(`/groups/${group.id}/members/${member.id}/$ref`)).statusCode).toBe(204);
  });

  it("refuses Microsoft 365 and mail-enabled groups with Graph's 400", async () => {
    const response = await graph(t.app, token).post("/groups", {
      displayName: "Team",
      mailEnabled: true,
      mailNickname: "team",
      securityEnabled: false,
      groupTypes: ["Unified"],
    });
    expect(graphError(response)).toMatchObject({ status: 400, code: "Request_BadRequest" });
  });

  it("assignLicense on a group licenses its members; one without a usage location gets the organization's country", async () => {
    await t.db.tenant.update({ where: { id: t.tenants.contoso }, data: { defaultUsageLocation: "NL" } });
    const api = graph(t.app, token);
    const group = (
      await api.post("/groups", {
        displayName: `Licensed ${randomUUID().slice(0, 8)}`,
        mailEnabled: false,
        mailNickname: "licensed",
        securityEnabled: true,
      })
    ).json() as { id: string };
    const member = await makeUser(t.db, t.tenants.contoso, { usageLocation: null });
    await api.post(`/groups/${group.id}/members/$ref`, {
      "@odata.id": `https://graph.microsoft.com/v1.0/directoryObjects/${member.id}`,
    });
    const assigned = await api.post(`/groups/${group.id}/assignLicense`, {
      addLicenses: [{ skuId: skuOf("POWER_BI_PRO"), disabledPlans: [] }],
      removeLicenses: [],
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({ assignedLicenses: [{ skuId: skuOf("POWER_BI_PRO"), disabledPlans: [] }] });
    const selected = await api.get(`/groups/${group.id}?$select=assignedLicenses`);
    expect(selected.json()).toMatchObject({ id: group.id, assignedLicenses: [{ skuId: skuOf("POWER_BI_PRO") }] });
    expect(selected.json()).not.toHaveProperty("displayName");
    const held = await t.db.licenseAssignment.findFirstOrThrow({ where: { userId: member.id } });
    expect(held.state).toBe("active");
    await t.db.tenant.update({ where: { id: t.tenants.contoso }, data: { defaultUsageLocation: null } });
  });

  it("pages groups with @odata.nextLink and refuses unsupported OData with Graph's code", async () => {
    const api = graph(t.app, token);
    const first = (await api.get("/groups?$top=2")).json() as { value: unknown[]; "@odata.nextLink"?: string };
    expect(first.value).toHaveLength(2);
    const next = new URL(first["@odata.nextLink"] as string);
    const second = await api.get(`/groups${next.search}`);
    expect(second.statusCode).toBe(200);
    expect(graphError(await api.get("/groups?$expand=members"))).toMatchObject({
      status: 400,
      code: "Request_UnsupportedQuery",
    });
    expect(graphError(await api.get("/groups?$select=nope")).code).toBe("Request_BadRequest");
  });
});

describe("licensing", () => {
  it("subscribedSkus carries Graph's account, subscription ids and plans' provisioning status", async () => {
    const response = await graph(t.app, token).get("/subscribedSkus");
    expect(response.statusCode, response.body).toBe(200);
    const { value } = response.json() as { value: Array<Record<string, unknown>> };
    const pbi = value.find((sku) => sku.skuPartNumber === "POWER_BI_PRO");
    expect(pbi).toMatchObject({
      id: `${t.tenants.contoso}_${skuOf("POWER_BI_PRO")}`,
      accountId: t.tenants.contoso,
      accountName: expect.any(String),
      appliesTo: "User",
      subscriptionIds: expect.arrayContaining([expect.any(String)]),
      servicePlans: expect.arrayContaining([
        expect.objectContaining({ provisioningStatus: "Success", appliesTo: "User" }),
      ]),
    });
    const one = await graph(t.app, token).get(`/subscribedSkus/${pbi?.id}`);
    expect(one.json()).toMatchObject({ skuPartNumber: "POWER_BI_PRO" });
    expect(graphError(await graph(t.app, token).get("/subscribedSkus/nope")).code).toBe("Request_ResourceNotFound");
    const subscriptions = await graph(t.app, token).get("/directory/subscriptions");
    expect(subscriptions.statusCode).toBe(200);
    expect((subscriptions.json() as { value: unknown[] }).value[0]).toMatchObject({
      status: "Enabled",
      totalLicenses: expect.any(Number),
      skuPartNumber: expect.any(String),
    });
  });

  it("an app without a permission that allows it gets Graph's 403", async () => {
    const reader = await registerApp(t.app, admin, t.tenants.contoso, ["User.Read.All"]);
    const readerToken = await accessToken(t.app, reader);
    const response = await graph(t.app, readerToken).post("/groups", {
      displayName: "x",
      mailEnabled: false,
      mailNickname: "x",
      securityEnabled: true,
    });
    expect(graphError(response)).toMatchObject({ status: 403, code: "Authorization_RequestDenied" });
    expect(graphError(await graph(t.app, readerToken).get("/subscribedSkus")).status).toBe(403);
  });
});

describe("tokens", () => {
  it("a deleted secret, a disabled app and a changed permission take effect on the next request", async () => {
    const other = await registerApp(t.app, admin, t.tenants.contoso, ["Directory.Read.All"]);
    const otherToken = await accessToken(t.app, other);
    const api = graph(t.app, otherToken);
    expect((await api.get("/groups")).statusCode).toBe(200);
    const url = `/api/tenants/${t.tenants.contoso}/applications/${other.id}`;
    await t.app.inject({
      method: "PATCH",
      url,
      headers: { cookie: admin.cookie, "x-csrf-token": admin.csrfToken },
      payload: { permissions: ["Organization.Read.All"] },
    });
    expect(graphError(await api.get("/groups")).status).toBe(403);
    await t.app.inject({
      method: "PATCH",
      url,
      headers: { cookie: admin.cookie, "x-csrf-token": admin.csrfToken },
      payload: { enabled: false },
    });
    const disabled = await api.get("/subscribedSkus");
    expect(graphError(disabled)).toMatchObject({ status: 401, code: "InvalidAuthenticationToken" });
    await t.app.inject({
      method: "PATCH",
      url,
      headers: { cookie: admin.cookie, "x-csrf-token": admin.csrfToken },
      payload: { enabled: true },
    });
    expect((await api.get("/subscribedSkus")).statusCode).toBe(200);
    await t.app.inject({
      method: "DELETE",
      url: `${url}/secrets/${other.secret.id}`,
      headers: { cookie: admin.cookie, "x-csrf-token": admin.csrfToken },
    });
    expect(graphError(await api.get("/subscribedSkus")).status).toBe(401);
  });

  it("a token whose secret has expired is refused at once, though the token itself has not", async () => {
    const other = await registerApp(t.app, admin, t.tenants.contoso, ["Directory.Read.All"]);
    const api = graph(t.app, await accessToken(t.app, other));
    expect((await api.get("/subscribedSkus")).statusCode).toBe(200);
    await t.db.applicationSecret.update({
      where: { id: other.secret.id },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    expect(graphError(await api.get("/subscribedSkus"))).toMatchObject({
      status: 401,
      code: "InvalidAuthenticationToken",
    });
  });

  it("no token, a session cookie or a garbage token is 401 in Graph's envelope", async () => {
    const none = await t.app.inject({ method: "GET", url: "/graph/v1.0/groups", headers: { cookie: admin.cookie } });
    expect(graphError(none)).toMatchObject({ status: 401, code: "InvalidAuthenticationToken" });
    expect(graphError(await graph(t.app, "not.a.jwt").get("/groups")).status).toBe(401);
    expect(graphError(await graph(t.app, token).get("/nothingHere")).code).toBe("Request_ResourceNotFound");
  });

  it("another tenant's app sees only its own tenant: Contoso's group ids are not found", async () => {
    const fabrikamAdmin = await login(t.app, "admin@fabrikam.test");
    const fabrikamApp = await registerApp(t.app, fabrikamAdmin, t.tenants.fabrikam, ["Group.ReadWrite.All"]);
    const fabrikamToken = await accessToken(t.app, fabrikamApp);
    const contosoGroup = await t.db.group.findFirstOrThrow({ where: { tenantId: t.tenants.contoso } });
    const response = await graph(t.app, fabrikamToken).get(`/groups/${contosoGroup.id}`);
    expect(graphError(response)).toMatchObject({ status: 404, code: "Request_ResourceNotFound" });
    const listed = (await graph(t.app, fabrikamToken).get("/groups?$top=999")).json() as {
      value: Array<{ id: string }>;
    };
    expect(listed.value.map((g) => g.id)).not.toContain(contosoGroup.id);
  });
});

describe("$batch", () => {
  it("runs up to 20 requests in dependsOn order; a failed dependency answers 424", async () => {
    const response = await graph(t.app, token).post("/$batch", {
      requests: [
        { id: "2", method: "GET", url: "/subscribedSkus", dependsOn: ["1"] },
        {
          id: "1",
          method: "POST",
          url: "/groups",
          headers: { "content-type": "application/json" },
          body: {
            displayName: `Batch ${randomUUID().slice(0, 8)}`,
            mailEnabled: false,
            mailNickname: "b",
            securityEnabled: true,
          },
        },
        { id: "3", method: "GET", url: "/groups/00000000-0000-4000-8000-000000000000" },
        { id: "4", method: "GET", url: "/subscribedSkus", dependsOn: ["3"] },
      ],
    });
    expect(response.statusCode, response.body).toBe(200);
    const answers = (response.json() as { responses: Array<{ id: string; status: number; body: unknown }> }).responses;
    expect(answers.map((a) => [a.id, a.status])).toEqual([
      ["2", 200],
      ["1", 201],
      ["3", 404],
      ["4", 424],
    ]);
    expect(answers[2]?.body).toMatchObject({ error: { code: "Request_ResourceNotFound" } });
    // Header names as Graph spells them: the Graph SDK's BatchResponseContent reads "Content-Type" exactly.
    for (const answer of answers as Array<{ headers?: Record<string, string> }>) {
      expect(Object.keys(answer.headers ?? {})).toEqual(["Content-Type"]);
    }
  });

  it("refuses more than 20 requests, duplicate ids, unknown or cyclic dependencies, absolute URLs and nested batches", async () => {
    const get = (id: string, extra: Record<string, unknown> = {}) => ({ id, method: "GET", url: "/groups", ...extra });
    const bodies = [
      { requests: Array.from({ length: 21 }, (_, i) => get(String(i))) },
      { requests: [get("1"), get("1")] },
      { requests: [get("1", { dependsOn: ["9"] })] },
      { requests: [get("1", { dependsOn: ["2"] }), get("2", { dependsOn: ["1"] })] },
      { requests: [get("1", { url: "https://graph.microsoft.com/v1.0/users" })] },
      { requests: [get("1", { method: "POST", url: "/$batch", body: { requests: [] } })] },
    ];
    for (const body of bodies) {
      const response = await graph(t.app, token).post("/$batch", body);
      expect(graphError(response), JSON.stringify(body).slice(0, 100)).toMatchObject({ status: 400 });
    }
  });

  it("resolves dot segments before checking a URL: no batch in a batch, nothing outside /graph/v1.0", async () => {
    const nested = { requests: [{ id: "a", method: "GET", url: "/groups" }] };
    const urls = [
      "/groups/../$batch",
      "/./$batch",
      "\\$batch",
      "/groups/%2E%2E/$batch",
      "/../../api/me",
      "/groups/../../../api/tenants/x/users",
      "/%2e%2e/%2e%2e/healthz",
      "..",
    ];
    for (const url of urls) {
      const response = await graph(t.app, token).post("/$batch", {
        requests: [{ id: "1", method: "POST", url, body: nested, headers: { "content-type": "application/json" } }],
      });
      expect(graphError(response), url).toMatchObject({
        status: 400,
        details: [{ code: "ValidationFailed", target: "body.requests[0].url" }],
      });
    }
    // Dot segments that stay inside are resolved as the request would be, and run.
    const inside = await graph(t.app, token).post("/$batch", {
      requests: [{ id: "1", method: "GET", url: "/users/../groups?$top=1" }],
    });
    expect(inside.statusCode, inside.body).toBe(200);
    expect(inside.json()).toMatchObject({ responses: [{ id: "1", status: 200 }] });
  });
});

describe("throttling", () => {
  it("answers 429 with Retry-After in Graph's envelope once an app's budget in the window is spent", async () => {
    const throttled = await createTestApp({ graphThrottle: { limit: 3, windowMs: 1_000 } });
    try {
      const owner = await login(throttled.app, "admin@contoso.test");
      const registered = await registerApp(throttled.app, owner, throttled.tenants.contoso, ["Directory.Read.All"]);
      const api = graph(throttled.app, await accessToken(throttled.app, registered));
      for (let i = 0; i < 3; i++) expect((await api.get("/subscribedSkus")).statusCode).toBe(200);
      const refused = await api.get("/subscribedSkus");
      expect(graphError(refused)).toMatchObject({ status: 429, code: "TooManyRequests" });
      expect(Number(refused.headers["retry-after"])).toBeGreaterThanOrEqual(1);
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      expect((await api.get("/subscribedSkus")).statusCode).toBe(200);
    } finally {
      await throttled.close();
    }
  });
});

describe("users", () => {
  it("creates, reads by userPrincipalName, changes and deletes a user with Graph's bodies", async () => {
    const api = graph(t.app, token);
    const upn = `graph-${randomUUID().slice(0, 8)}@contoso.test`;
    const created = await api.post("/users", {
      accountEnabled: true,
      displayName: "Graph Person",
      mailNickname: "graphperson",
      userPrincipalName: upn,
      passwordProfile: { forceChangePasswordNextSignIn: true, password: "Graph-password-2026!" },
      usageLocation: "NL",
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json() as { id: string };
    expect(created.json()).toMatchObject({ displayName: "Graph Person", userPrincipalName: upn });
    const stored = await t.db.user.findUniqueOrThrow({ where: { id } });
    expect(stored.passwordChangeRequired).toBe(true);
    const taken = await api.post("/users", {
      accountEnabled: true,
      displayName: "Twin",
      mailNickname: "twin",
      userPrincipalName: upn,
      passwordProfile: { password: "Graph-password-2026!" },
    });
    expect(graphError(taken)).toMatchObject({
      status: 400,
      code: "Request_BadRequest",
      details: [{ code: "EmailTaken", target: "body.userPrincipalName" }],
    });
    const byUpn = await api.get(`/users/${upn.toUpperCase()}?$select=accountEnabled,usageLocation,userType`);
    expect(byUpn.json()).toMatchObject({ id, accountEnabled: true, usageLocation: "NL", userType: "Member" });
    expect((await api.patch(`/users/${id}`, { displayName: "Renamed" })).statusCode).toBe(204);
    expect(graphError(await api.patch(`/users/${id}`, { employeeId: "x" })).status).toBe(400);
    // The directory properties, under Graph's names: lists where Allot keeps one value, [] clears.
    const contact = {
      jobTitle: "Engineer",
      businessPhones: ["+31 20 123"],
      otherMails: ["Adele@Home.test"],
      country: "nl",
    };
    expect((await api.patch(`/users/${id}`, contact)).statusCode).toBe(204);
    const select = "$select=jobTitle,businessPhones,otherMails,country,department,city";
    expect((await api.get(`/users/${id}?${select}`)).json()).toMatchObject({
      jobTitle: "Engineer",
      businessPhones: ["+31 20 123"],
      otherMails: ["adele@home.test"],
      country: "NL",
      department: null,
      city: null,
    });
    expect((await api.patch(`/users/${id}`, { businessPhones: [], jobTitle: null })).statusCode).toBe(204);
    expect((await api.get(`/users/${id}?${select}`)).json()).toMatchObject({ jobTitle: null, businessPhones: [] });
    expect(graphError(await api.patch(`/users/${id}`, { businessPhones: ["1", "2"] })).status).toBe(400);
    expect((await api.delete(`/users/${upn}`)).statusCode).toBe(204);
    expect(graphError(await api.get(`/users/${id}`)).code).toBe("Request_ResourceNotFound");
    const events = await t.db.auditEvent.findMany({ where: { targetId: id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => [e.action, e.actorApplicationId])).toEqual([
      ["user.created", app.id],
      ["user.updated", app.id],
      // The two directory changes.
      ["user.updated", app.id],
      ["user.updated", app.id],
      ["user.deleted", app.id],
    ]);
  });

  it("assignLicense answers the user; a refusal is Graph's 400 with Allot's reason and the skuId in details", async () => {
    const api = graph(t.app, token);
    const user = await makeUser(t.db, t.tenants.contoso);
    const ok = await api.post(`/users/${user.id}/assignLicense`, {
      addLicenses: [{ skuId: skuOf("POWER_BI_PRO"), disabledPlans: [] }],
      removeLicenses: [],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ id: user.id, userPrincipalName: user.email });
    const details = (await api.get(`/users/${user.id}/licenseDetails`)).json() as { value: Array<{ skuId: string }> };
    expect(details.value.map((d) => d.skuId)).toContain(skuOf("POWER_BI_PRO"));
    const noLocation = await makeUser(t.db, t.tenants.contoso, { usageLocation: null });
    const refused = await api.post(`/users/${noLocation.id}/assignLicense`, {
      addLicenses: [{ skuId: skuOf("POWER_BI_PRO"), disabledPlans: [] }],
      removeLicenses: [],
    });
    expect(graphError(refused)).toMatchObject({
      status: 400,
      code: "Request_BadRequest",
      details: [{ code: "UsageLocationRequired", target: skuOf("POWER_BI_PRO") }],
    });
    // A skuId no product has is Graph's 400 (the 404 is for a user that does not exist), the skuId as its target.
    const unknownSku = "00000000-0000-4000-8000-000000000001";
    const unknown = await api.post(`/users/${user.id}/assignLicense`, {
      addLicenses: [{ skuId: unknownSku, disabledPlans: [] }],
      removeLicenses: [],
    });
    expect(graphError(unknown)).toMatchObject({
      status: 400,
      code: "Request_BadRequest",
      details: [{ code: "NotFound", target: unknownSku }],
    });
    const nobody = await api.post(`/users/${randomUUID()}/assignLicense`, {
      addLicenses: [{ skuId: skuOf("POWER_BI_PRO"), disabledPlans: [] }],
      removeLicenses: [],
    });
    expect(graphError(nobody)).toMatchObject({ status: 404, code: "Request_ResourceNotFound" });
    const reprocessed = await api.post(`/users/${user.id}/reprocessLicenseAssignment`);
    expect(reprocessed.statusCode, reprocessed.body).toBe(200);
  });

  it("pages users with @odata.nextLink and counts with ConsistencyLevel", async () => {
    const api = graph(t.app, token);
    const first = await api.get("/users?$top=3&$count=true", { consistencylevel: "eventual" });
    expect(first.statusCode, first.body).toBe(200);
    const body = first.json() as { value: unknown[]; "@odata.count": number; "@odata.nextLink": string };
    expect(body.value).toHaveLength(3);
    expect(body["@odata.count"]).toBeGreaterThan(3);
    const next = new URL(body["@odata.nextLink"]);
    expect((await api.get(`/users${next.search}`, { consistencylevel: "eventual" })).statusCode).toBe(200);
    expect(graphError(await api.get("/users?$count=true")).code).toBe("Request_UnsupportedQuery");
  });
});

describe("the OpenAPI document", () => {
  it("describes the Graph surface, the token endpoint and the bearer security schemes", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(response.statusCode).toBe(200);
    const spec = response.json() as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
      components: { securitySchemes: Record<string, unknown> };
    };
    for (const path of [
      "/graph/v1.0/users",
      "/graph/v1.0/users/{user}/assignLicense",
      "/graph/v1.0/subscribedSkus",
      "/graph/v1.0/groups/{groupId}/members/$ref",
      "/graph/v1.0/$batch",
      "/oauth2/v2.0/token",
      "/api/tenants/{tenantId}/applications",
      "/api/me/tokens",
    ]) {
      expect(spec.paths, path).toHaveProperty([path]);
    }
    expect(spec.paths["/graph/v1.0/users"]?.get?.security).toEqual([
      { bearer: [] },
      { clientCredentials: ["api://allot/.default"] },
    ]);
    expect(Object.keys(spec.components.securitySchemes)).toEqual(["session", "bearer", "clientCredentials"]);
  });
});
