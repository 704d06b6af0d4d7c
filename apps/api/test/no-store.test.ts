import { randomUUID } from "node:crypto";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graph, personalToken, registerApp } from "./graph-tokens.js";
import { as, createTestApp, login, type Session, type TestApp } from "./helpers.js";
import { isGraph, isTokenEndpoint, registeredRoutes, routeUrl, sendTo } from "./routes.js";

/** Answers for a session or a token, and the token endpoint's, are never kept by a browser's or a proxy's cache. */

let t: TestApp;
let admin: Session;
let maker: Session;
let base: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, "admin@contoso.test");
  maker = await login(t.app, "maker@contoso.test");
  base = `/api/tenants/${t.tenants.contoso}`;
});
afterAll(() => t?.close());

const noStore = (response: LightMyRequestResponse, what: string) =>
  expect(response.headers["cache-control"], `${what}: ${response.statusCode}`).toBe("no-store");

describe("Cache-Control: no-store on authenticated answers", () => {
  it("every API route's answer to a signed-in user, success or error", async () => {
    // A session of its own, signed out last (logout is one of the routes).
    const session = await login(t.app, "admin@contoso.test");
    const routes = registeredRoutes(t)
      .filter((route) => route.path.startsWith("/api/") && route.path !== "/api/openapi.json")
      .sort((a, b) => Number(a.path === "/api/auth/logout") - Number(b.path === "/api/auth/logout"));
    const statuses = new Set<number>();
    for (const route of routes) {
      const response = await sendTo(t.app, route, routeUrl(route, t.tenants.contoso), session);
      statuses.add(response.statusCode);
      noStore(response, `${route.method} ${route.path}`);
    }
    // Successes and refusals alike.
    expect([...statuses]).toEqual(expect.arrayContaining([200, 204, 400, 404]));
  }, 120_000);

  it("every Graph route's answer to a bearer token, success or error", async () => {
    const token = await personalToken(t.app, admin);
    const routes = registeredRoutes(t).filter(isGraph);
    expect(routes.length).toBeGreaterThan(15);
    const statuses = new Set<number>();
    for (const route of routes) {
      const response = await sendTo(t.app, route, routeUrl(route, t.tenants.contoso), { bearer: token });
      statuses.add(response.statusCode);
      noStore(response, `${route.method} ${route.path}`);
    }
    expect([...statuses]).toEqual(expect.arrayContaining([200, 400, 404]));
    noStore(await graph(t.app, token).get("/users?$top=1"), "a page of users");
    noStore(await graph(t.app, "not-a-token").get("/users"), "401");
    noStore(await graph(t.app, token).get("/nothing/here"), "404 route");
  });

  it("the token endpoint's tokens and errors", async () => {
    const route = registeredRoutes(t).find(isTokenEndpoint);
    expect(route).toBeDefined();
    const registered = await registerApp(t.app, admin, t.tenants.contoso, ["User.Read.All"]);
    const issued = await t.app.inject({
      method: "POST",
      url: "/oauth2/v2.0/token",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: `grant_type=client_credentials&client_id=${registered.appId}&client_secret=${encodeURIComponent(registered.secret.secretText)}&scope=api%3A%2F%2Fallot%2F.default`,
    });
    expect(issued.statusCode).toBe(200);
    noStore(issued, "a token");
    const refused = await t.app.inject({ method: "POST", url: "/oauth2/v2.0/token", payload: "{}" });
    expect(refused.statusCode).toBe(400);
    noStore(refused, "invalid_request");
  });

  it("sign-in (which creates a session), a failed one, me, errors after sign-in and unknown API paths", async () => {
    const signIn = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "admin@contoso.test", password: "Allot-demo-1" },
    });
    expect(signIn.statusCode).toBe(200);
    noStore(signIn, "login");
    const wrong = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "admin@contoso.test", password: "wrong-password-1" },
    });
    expect(wrong.statusCode).toBe(401);
    noStore(wrong, "failed login");
    noStore(await as(t.app, admin).get("/api/me"), "me");
    noStore(await as(t.app, admin).get(`${base}/users`), "users");
    noStore(await as(t.app, admin).get(`${base}/users?limit=0`), "400");
    noStore(await as(t.app, maker).get(`${base}/auditLog`), "403");
    noStore(await as(t.app, admin).get(`/api/tenants/${randomUUID()}/users`), "404 tenant");
    noStore(await as(t.app, admin).get(`${base}/users/${randomUUID()}`), "404 user");
    noStore(await as(t.app, admin).get("/api/nothing/here"), "404 route");
    noStore(await as(t.app, admin).get(`${base}/orders/export`), "CSV export");
    noStore(await as(t.app, admin).get(`${base}/users/export`), "users export");
    noStore(await t.app.inject({ method: "GET", url: "/api/me" }), "401");
  });

  it("the public OpenAPI document and the health probes may be cached", async () => {
    for (const url of ["/api/openapi.json", "/healthz", "/readyz"]) {
      const response = await t.app.inject({ method: "GET", url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers["cache-control"], url).toBeUndefined();
    }
  });
});
