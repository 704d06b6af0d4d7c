import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser } from "./fixtures.js";
import { accessToken, graph, graphError, personalToken, registerApp } from "./graph-tokens.js";
import { as, catalogBySku, createTestApp, login, problem, type Session, type TestApp } from "./helpers.js";
import { isDocs, isGraph, isTokenEndpoint, type Route, registeredRoutes, routeUrl, sendTo } from "./routes.js";

/**
 * Every route refuses query parameters it does not declare, naming them, whatever else the request holds: in
 * problem+json on the API, in Graph's envelope on the Graph-compatible API (sent with a bearer token, its only way
 * in), and as OAuth's invalid_request on the token endpoint.
 */

let t: TestApp;
let admin: Session;
let maker: Session;
let base: string;
/** A Contoso global admin's personal access token with every right it holds, and an app's token with all six. */
let adminToken: string;
let appToken: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, "admin@contoso.test");
  maker = await login(t.app, "maker@contoso.test");
  base = `/api/tenants/${t.tenants.contoso}`;
  adminToken = await personalToken(t.app, admin);
  appToken = await accessToken(
    t.app,
    await registerApp(t.app, admin, t.tenants.contoso, [
      "User.Read.All",
      "User.ReadWrite.All",
      "Group.ReadWrite.All",
      "Directory.Read.All",
      "LicenseAssignment.ReadWrite.All",
      "Organization.Read.All",
    ]),
  );
});
afterAll(() => t?.close());

/** The field paths (problem+json) or detail targets (Graph) an error names, per the route's family. */
function namedPaths(route: Route, response: LightMyRequestResponse): string[] {
  if (isGraph(route)) {
    const error = graphError(response);
    expect(error.details[0]?.code).toBe("ValidationFailed");
    return error.details.map((detail) => detail.target ?? "");
  }
  const body = problem(response);
  expect(body.code).toBe("ValidationFailed");
  return body.errors?.map((error) => error.path) ?? [];
}

describe("unknown query parameters", () => {
  it("every route refuses one, naming it as querystring.<name>, before looking at the body", async () => {
    const routes = registeredRoutes(t).filter((route) => !isDocs(route));
    expect(routes.length).toBeGreaterThan(60);
    const checked: string[] = [];
    for (const route of routes) {
      const url = `${routeUrl(route, t.tenants.contoso)}?unexpected=1`;
      const name = `${route.method} ${route.path}`;
      // The one caller that reaches the route: a bearer token on Graph (a person's, then an app's), and the session
      // whose role reaches it elsewhere (a maker's own purchases, everything else an admin's).
      let response = await sendTo(t.app, route, url, isGraph(route) ? { bearer: adminToken } : admin);
      if (isGraph(route) && route.method === "HEAD") {
        expect(response.statusCode, name).toBe(400);
        response = await sendTo(t.app, route, url, { bearer: appToken });
      } else if (isGraph(route)) {
        expect(namedPaths(route, response), name).toContain("querystring.unexpected");
        response = await sendTo(t.app, route, url, { bearer: appToken });
      } else if (response.statusCode === 403) {
        response = await sendTo(t.app, route, url, maker);
      }
      expect(response.statusCode, `${name}: ${response.body.slice(0, 300)}`).toBe(400);
      if (isTokenEndpoint(route)) {
        expect(response.json(), name).toEqual({
          error: "invalid_request",
          error_description: expect.stringContaining("'unexpected'"),
        });
      } else if (route.method !== "HEAD") {
        expect(namedPaths(route, response), name).toContain("querystring.unexpected");
      }
      checked.push(name);
    }
    for (const route of [
      "POST /api/auth/login",
      "GET /api/me",
      "GET /api/openapi.json",
      "GET /healthz",
      "POST /api/tenants/:tenantId/licenses/bulk",
      "POST /api/tenants/:tenantId/licenses/bulkJobs",
      "DELETE /api/tenants/:tenantId/groups/:groupId/members/:userId",
      "POST /oauth2/v2.0/token",
      "GET /.well-known/jwks.json",
      "GET /graph/v1.0/users",
      "POST /graph/v1.0/$batch",
    ]) {
      expect(checked).toContain(route);
    }
  }, 120_000);

  it("names each unknown parameter, also next to known ones and with a valid body", async () => {
    const response = await as(t.app, admin).get(`${base}/users?limit=5&top=1&skip=2`);
    expect(response.statusCode).toBe(400);
    expect(
      problem(response)
        .errors?.map((error) => error.path)
        .sort(),
    ).toEqual(["querystring.skip", "querystring.top"]);
    // A stray ?dryRun=true must not pass for a dry run: refused, nothing applied.
    const user = await makeUser(t.db, t.tenants.contoso);
    const sku = await catalogBySku(t.db);
    const bulk = await as(t.app, admin).post(`${base}/licenses/bulk?dryRun=true`, {
      userIds: [user.id],
      add: [{ skuId: sku.POWER_BI_PRO?.skuId }],
      mode: "add",
    });
    expect(bulk.statusCode).toBe(400);
    expect(problem(bulk).errors).toEqual([{ path: "querystring.dryRun", message: expect.any(String) }]);
    expect(await t.db.licenseAssignment.count({ where: { userId: user.id } })).toBe(0);
    // Graph: OData's own options pass, anything else is named; a stray ?dryRun=true applies nothing there either.
    const users = await graph(t.app, appToken).get("/users?$top=5&top=1&skip=2");
    expect(graphError(users)).toMatchObject({ status: 400, code: "Request_BadRequest" });
    expect(
      graphError(users)
        .details.map((detail) => detail.target)
        .sort(),
    ).toEqual(["querystring.skip", "querystring.top"]);
    const assign = await graph(t.app, appToken).post(`/users/${user.id}/assignLicense?dryRun=true`, {
      addLicenses: [{ skuId: sku.POWER_BI_PRO?.skuId }],
      removeLicenses: [],
    });
    expect(graphError(assign).details).toEqual([
      { code: "ValidationFailed", target: "querystring.dryRun", message: expect.any(String) },
    ]);
    expect(await t.db.licenseAssignment.count({ where: { userId: user.id } })).toBe(0);
  });

  it("the token endpoint names the query parameters it refuses: a secret in a URL is not taken", async () => {
    const registered = await registerApp(t.app, admin, t.tenants.contoso, ["User.Read.All"]);
    const response = await t.app.inject({
      method: "POST",
      url: `/oauth2/v2.0/token?client_secret=${encodeURIComponent(registered.secret.secretText)}&tenant=x`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: registered.appId,
        scope: "api://allot/.default",
      }).toString(),
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers["cache-control"]).toBe("no-store");
    const { error, error_description } = response.json() as { error: string; error_description: string };
    expect(error).toBe("invalid_request");
    expect(error_description).toContain("'client_secret', 'tenant' are not allowed");
    expect(error_description).not.toContain(registered.secret.secretText);
  });

  it("declared parameters still work", async () => {
    expect((await as(t.app, admin).get(`${base}/users?limit=5&search=a`)).statusCode).toBe(200);
    expect((await as(t.app, admin).get(`${base}/auditLog/export?delimiter=semicolon`)).statusCode).toBe(200);
  });
});
