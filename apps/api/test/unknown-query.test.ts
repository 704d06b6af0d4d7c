import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser } from "./fixtures.js";
import { as, catalogBySku, createTestApp, login, problem, type Session, type TestApp } from "./helpers.js";
import { isDocs, registeredRoutes, routeUrl, sendTo } from "./routes.js";

/** Every route refuses query parameters it does not declare, naming them, whatever else the request holds. */

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

describe("unknown query parameters", () => {
  it("every route refuses one, naming it as querystring.<name>, before looking at the body", async () => {
    const routes = registeredRoutes(t).filter((route) => !isDocs(route));
    expect(routes.length).toBeGreaterThan(60);
    const checked: string[] = [];
    for (const route of routes) {
      const url = `${routeUrl(route, t.tenants.contoso)}?unexpected=1`;
      // The one session whose role reaches the route (a maker's own purchases, everything else an admin's).
      let response = await sendTo(t.app, route, url, admin);
      if (response.statusCode === 403) response = await sendTo(t.app, route, url, maker);
      const name = `${route.method} ${route.path}`;
      expect(response.statusCode, `${name}: ${response.body.slice(0, 300)}`).toBe(400);
      if (route.method !== "HEAD") {
        const body = problem(response);
        expect(body.code, name).toBe("ValidationFailed");
        expect(
          body.errors?.map((error) => error.path),
          name,
        ).toContain("querystring.unexpected");
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
  });

  it("declared parameters still work", async () => {
    expect((await as(t.app, admin).get(`${base}/users?limit=5&search=a`)).statusCode).toBe(200);
    expect((await as(t.app, admin).get(`${base}/auditLog/export?delimiter=semicolon`)).statusCode).toBe(200);
  });
});
