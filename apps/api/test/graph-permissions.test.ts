import { randomUUID } from "node:crypto";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeGroup, makeUser } from "./fixtures.js";
import { accessToken, graphError, registerApp } from "./graph-tokens.js";
import { as, catalogBySku, createTestApp, login, type Session, type TestApp } from "./helpers.js";

/**
 * Who reaches which route with a token: each Graph route against each application permission (written out by hand
 * from Graph's permission reference, as Allot maps them: reading the directory comes with every permission but
 * Organization.Read.All; each write needs its own), and personal access tokens against their scopes, on the Graph
 * surface and on /api/tenants routes. A refusal is 403 before anything happens; an allowed request may still fail
 * for its own reasons (an unknown id), but never with 403.
 */

type Permission =
  | "User.Read.All"
  | "User.ReadWrite.All"
  | "Group.ReadWrite.All"
  | "Directory.Read.All"
  | "LicenseAssignment.ReadWrite.All"
  | "Organization.Read.All";
const PERMISSIONS: Permission[] = [
  "User.Read.All",
  "User.ReadWrite.All",
  "Group.ReadWrite.All",
  "Directory.Read.All",
  "LicenseAssignment.ReadWrite.All",
  "Organization.Read.All",
];
const READERS: Permission[] = PERMISSIONS.filter((p) => p !== "Organization.Read.All");

interface Ids {
  userId: string;
  groupId: string;
  skuId: string;
  tenantId: string;
}

interface GraphRoute {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  path: (ids: Ids) => string;
  body?: (ids: Ids) => unknown;
  allowed: Permission[];
  /** The permission-matrix action(s) a personal access token's scopes must hold. */
  scopes: string[];
}

const ROUTES: GraphRoute[] = [
  { method: "GET", path: () => "/users", allowed: READERS, scopes: ["directory.read"] },
  { method: "GET", path: (i) => `/users/${i.userId}`, allowed: READERS, scopes: ["directory.read"] },
  { method: "GET", path: (i) => `/users/${i.userId}/licenseDetails`, allowed: READERS, scopes: ["directory.read"] },
  {
    method: "POST",
    path: () => "/users",
    body: () => ({
      accountEnabled: true,
      displayName: "Permission probe",
      mailNickname: "probe",
      userPrincipalName: `probe-${randomUUID().slice(0, 8)}@contoso.test`,
      passwordProfile: { password: "Probe-password-2026!" },
    }),
    allowed: ["User.ReadWrite.All"],
    scopes: ["users.manage"],
  },
  {
    method: "PATCH",
    path: (i) => `/users/${i.userId}`,
    body: () => ({ displayName: "Probed" }),
    allowed: ["User.ReadWrite.All"],
    scopes: ["users.manage"],
  },
  { method: "DELETE", path: () => `/users/${randomUUID()}`, allowed: ["User.ReadWrite.All"], scopes: ["users.manage"] },
  {
    method: "POST",
    path: (i) => `/users/${i.userId}/assignLicense`,
    body: (i) => ({ addLicenses: [], removeLicenses: [i.skuId] }),
    allowed: ["LicenseAssignment.ReadWrite.All"],
    scopes: ["licenses.assign"],
  },
  {
    method: "POST",
    path: (i) => `/users/${i.userId}/reprocessLicenseAssignment`,
    allowed: ["LicenseAssignment.ReadWrite.All"],
    scopes: ["licenses.assign"],
  },
  {
    method: "GET",
    path: () => "/subscribedSkus",
    allowed: ["Directory.Read.All", "LicenseAssignment.ReadWrite.All", "Organization.Read.All"],
    scopes: ["billing.read", "licenses.assign"],
  },
  {
    method: "GET",
    path: (i) => `/subscribedSkus/${i.tenantId}_${i.skuId}`,
    allowed: ["Directory.Read.All", "LicenseAssignment.ReadWrite.All", "Organization.Read.All"],
    scopes: ["billing.read", "licenses.assign"],
  },
  {
    method: "GET",
    path: () => "/directory/subscriptions",
    allowed: ["Directory.Read.All", "Organization.Read.All"],
    scopes: ["billing.read"],
  },
  { method: "GET", path: () => "/groups", allowed: READERS, scopes: ["directory.read"] },
  { method: "GET", path: (i) => `/groups/${i.groupId}`, allowed: READERS, scopes: ["directory.read"] },
  { method: "GET", path: (i) => `/groups/${i.groupId}/members`, allowed: READERS, scopes: ["directory.read"] },
  {
    method: "POST",
    path: () => "/groups",
    body: () => ({
      displayName: `Probe ${randomUUID().slice(0, 8)}`,
      mailEnabled: false,
      mailNickname: "probe",
      securityEnabled: true,
    }),
    allowed: ["Group.ReadWrite.All"],
    scopes: ["groups.manage"],
  },
  {
    method: "POST",
    path: (i) => `/groups/${i.groupId}/members/$ref`,
    body: () => ({ "@odata.id": `https://graph.microsoft.com/v1.0/directoryObjects/${randomUUID()}` }),
    allowed: ["Group.ReadWrite.All"],
    scopes: ["groups.manage"],
  },
  {
    method: "DELETE",
    path: (i) => `/groups/${i.groupId}/members/${randomUUID()}/$ref`,
    allowed: ["Group.ReadWrite.All"],
    scopes: ["groups.manage"],
  },
  {
    method: "POST",
    path: (i) => `/groups/${i.groupId}/assignLicense`,
    body: (i) => ({ addLicenses: [], removeLicenses: [i.skuId] }),
    allowed: ["LicenseAssignment.ReadWrite.All"],
    scopes: ["licenses.assign"],
  },
];

let t: TestApp;
let admin: Session;
let ids: Ids;
const tokens = new Map<Permission, string>();

beforeAll(async () => {
  t = await createTestApp({ loginRateLimitPerMinute: 100_000 });
  admin = await login(t.app, "admin@contoso.test");
  const user = await makeUser(t.db, t.tenants.contoso);
  const group = await makeGroup(t.db, t.tenants.contoso, [user.id]);
  ids = {
    userId: user.id,
    groupId: group.id,
    skuId: (await catalogBySku(t.db)).POWER_BI_PRO?.skuId as string,
    tenantId: t.tenants.contoso,
  };
  for (const permission of PERMISSIONS) {
    const registered = await registerApp(t.app, admin, t.tenants.contoso, [permission], permission);
    tokens.set(permission, await accessToken(t.app, registered));
  }
});
afterAll(() => t.close());

const PLACEHOLDERS: Ids = { userId: "{user}", groupId: "{group}", skuId: "{skuId}", tenantId: "{tenant}" };
const label = (route: GraphRoute) => `${route.method} ${route.path(PLACEHOLDERS)}`;

function send(route: GraphRoute, authorization: string): Promise<LightMyRequestResponse> {
  const body = route.body?.(ids);
  return t.app.inject({
    method: route.method,
    url: `/graph/v1.0${route.path(ids)}`,
    headers: { authorization },
    ...(body === undefined ? {} : { payload: body as object }),
  });
}

function expectAllowed(response: LightMyRequestResponse, allowed: boolean, name: string) {
  if (allowed) {
    expect(response.statusCode, `${name}: ${response.body.slice(0, 200)}`).not.toBe(403);
    expect(response.statusCode, name).toBeLessThan(500);
  } else {
    expect(graphError(response), name).toMatchObject({ status: 403, code: "Authorization_RequestDenied" });
  }
}

describe("app tokens: each Graph route × each application permission", () => {
  for (const route of ROUTES) {
    it(label(route), async () => {
      for (const permission of PERMISSIONS) {
        const response = await send(route, `Bearer ${tokens.get(permission)}`);
        expectAllowed(response, route.allowed.includes(permission), `${label(route)} with ${permission}`);
      }
    });
  }
});

describe("personal access tokens: each Graph route × a global admin's token of one scope", () => {
  const SCOPES = ["directory.read", "users.manage", "groups.manage", "licenses.assign", "billing.read"];
  const byScope = new Map<string, string>();

  beforeAll(async () => {
    for (const scope of SCOPES) {
      const response = await as(t.app, admin).post("/api/me/tokens", { name: scope, scopes: [scope] });
      expect(response.statusCode, response.body).toBe(201);
      byScope.set(scope, (response.json() as { token: string }).token);
    }
  });

  for (const route of ROUTES) {
    it(label(route), async () => {
      for (const scope of SCOPES) {
        const response = await send(route, `Bearer ${byScope.get(scope)}`);
        expectAllowed(response, route.scopes.includes(scope), `${label(route)} with scope ${scope}`);
      }
    });
  }

  it("a token never reaches past its person's roles: a license admin's token cannot manage users", async () => {
    const licenses = await login(t.app, "licenses@contoso.test");
    const refused = await as(t.app, licenses).post("/api/me/tokens", { name: "x", scopes: ["users.manage"] });
    expect(refused.statusCode).toBe(400);
    const made = await as(t.app, licenses).post("/api/me/tokens", {
      name: "x",
      scopes: ["licenses.assign", "directory.read"],
    });
    const token = (made.json() as { token: string }).token;
    const patch = ROUTES.find((r) => r.method === "PATCH") as GraphRoute;
    expectAllowed(await send(patch, `Bearer ${token}`), false, "license admin's token on PATCH /users");
    const assign = ROUTES.find(
      (r) => label(r).endsWith("/assignLicense") && label(r).includes("/users/"),
    ) as GraphRoute;
    expectAllowed(await send(assign, `Bearer ${token}`), true, "license admin's token on assignLicense");
  });
});
