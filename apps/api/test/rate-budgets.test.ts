import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RateBudgets } from "../src/config.js";
import { makeUser } from "./fixtures.js";
import { as, createTestApp, login, problem, type Session, type TestApp } from "./helpers.js";

/**
 * Rate budgets of the expensive routes (CSV exports, bulk runs, bulk jobs, password resets): per session and per
 * tenant, counted only for requests that passed sign-in, the permission check and validation. Low budgets here;
 * the app's clock stands still until the test moves it, so a window ends exactly when the test says.
 */

const BUDGETS: RateBudgets = {
  exports: { perSession: 2, perTenant: 3 },
  bulkRuns: { perSession: 2, perTenant: 3 },
  bulkJobs: { perSession: 1, perTenant: 2 },
  passwordResets: { perSession: 1, perTenant: 2 },
};

let t: TestApp;
let contoso: string;
let fabrikam: string;

beforeAll(async () => {
  t = await createTestApp({ rateBudgets: BUDGETS });
  contoso = t.tenants.contoso;
  fabrikam = t.tenants.fabrikam;
});
afterAll(() => t?.close());

/** Moves the app's clock past the current one-minute window. */
const nextWindow = () => t.clock.set(new Date(t.clock.now().getTime() + 60_000));

function expectTooMany(response: LightMyRequestResponse): number {
  expect(response.statusCode, response.body).toBe(429);
  const body = problem(response) as ReturnType<typeof problem> & { retryAfterSeconds?: number };
  expect(body.code).toBe("TooManyRequests");
  const header = Number(response.headers["retry-after"]);
  expect(Number.isInteger(header)).toBe(true);
  expect(header).toBeGreaterThanOrEqual(1);
  expect(header).toBeLessThanOrEqual(60);
  expect(body.retryAfterSeconds).toBe(header);
  return header;
}

/** A fresh member of the tenant nobody else touches (a target for bulk runs and resets). */
const member = async (tenantId = contoso) => (await makeUser(t.db, tenantId)).id;

describe("CSV exports", () => {
  let first: Session;
  let second: Session;
  let billing: Session;

  beforeAll(async () => {
    nextWindow();
    first = await login(t.app, "admin@contoso.test");
    second = await login(t.app, "admin@contoso.test");
    billing = await login(t.app, "billing@contoso.test");
  });

  it("a session gets its budget per minute, then 429 TooManyRequests with Retry-After", async () => {
    const api = as(t.app, first);
    expect((await api.get(`/api/tenants/${contoso}/orders/export`)).statusCode).toBe(200);
    expect((await api.get(`/api/tenants/${contoso}/auditLog/export`)).statusCode).toBe(200);
    // The three exports share one budget.
    expect(expectTooMany(await api.get(`/api/tenants/${contoso}/invoices/export`))).toBe(60);
    // Refused requests do not count and keep being refused until the window ends.
    t.clock.set(new Date(t.clock.now().getTime() + 45_000));
    expect(expectTooMany(await api.get(`/api/tenants/${contoso}/orders/export`))).toBe(15);
  });

  it("two sessions of one tenant share the tenant's budget", async () => {
    // The first session spent 2 of the tenant's 3: the second session gets one, then the tenant is out.
    expect((await as(t.app, second).get(`/api/tenants/${contoso}/orders/export`)).statusCode).toBe(200);
    expectTooMany(await as(t.app, second).get(`/api/tenants/${contoso}/orders/export`));
    expectTooMany(await as(t.app, billing).get(`/api/tenants/${contoso}/invoices/export`));
  });

  it("another tenant's budget is its own", async () => {
    const other = await login(t.app, "admin@fabrikam.test");
    expect((await as(t.app, other).get(`/api/tenants/${fabrikam}/orders/export`)).statusCode).toBe(200);
  });

  it("the next window starts afresh", async () => {
    nextWindow();
    expect((await as(t.app, first).get(`/api/tenants/${contoso}/orders/export`)).statusCode).toBe(200);
    expect((await as(t.app, billing).get(`/api/tenants/${contoso}/orders/export`)).statusCode).toBe(200);
  });
});

describe("who spends a budget", () => {
  it("strangers, roles without the right and invalid requests spend nothing", async () => {
    nextWindow();
    const url = `/api/tenants/${contoso}/orders/export`;
    const maker = await login(t.app, "maker@contoso.test");
    const outsider = await login(t.app, "admin@fabrikam.test");
    const admin = await login(t.app, "admin@contoso.test");
    for (let i = 0; i < 5; i++) {
      expect((await t.app.inject({ method: "GET", url })).statusCode).toBe(401);
      expect((await as(t.app, maker).get(url)).statusCode).toBe(403);
      expect((await as(t.app, outsider).get(url)).statusCode).toBe(404);
      expect((await as(t.app, admin).get(`${url}?delimiter=tab`)).statusCode).toBe(400);
    }
    // The tenant's and the admin's budgets are untouched: two exports in this session, a third from another.
    expect((await as(t.app, admin).get(url)).statusCode).toBe(200);
    expect((await as(t.app, admin).get(url)).statusCode).toBe(200);
    expectTooMany(await as(t.app, admin).get(url));
    expect((await as(t.app, await login(t.app, "billing@contoso.test")).get(url)).statusCode).toBe(200);
  });
});

describe("bulk runs, bulk jobs and password resets", () => {
  it("bulk runs (dry runs included) have their own budget", async () => {
    nextWindow();
    const admin = await login(t.app, "admin@contoso.test");
    const api = as(t.app, admin);
    const body = async (dryRun: boolean) => ({ userIds: [await member()], mode: "replace", add: [], dryRun });
    expect((await api.post(`/api/tenants/${contoso}/licenses/bulk`, await body(true))).statusCode).toBe(200);
    expect((await api.post(`/api/tenants/${contoso}/licenses/bulk`, await body(false))).statusCode).toBe(200);
    expectTooMany(await api.post(`/api/tenants/${contoso}/licenses/bulk`, await body(true)));
    // Exports are another budget.
    expect((await api.get(`/api/tenants/${contoso}/orders/export`)).statusCode).toBe(200);
  });

  it("bulk jobs", async () => {
    nextWindow();
    const api = as(t.app, await login(t.app, "admin@contoso.test"));
    const body = async () => ({ userIds: [await member()], mode: "replace", add: [] });
    expect((await api.post(`/api/tenants/${contoso}/licenses/bulkJobs`, await body())).statusCode).toBe(202);
    expectTooMany(await api.post(`/api/tenants/${contoso}/licenses/bulkJobs`, await body()));
    // Reading jobs is not limited.
    expect((await api.get(`/api/tenants/${contoso}/licenses/bulkJobs`)).statusCode).toBe(200);
    // Another session of the tenant has the tenant's second one.
    const other = as(t.app, await login(t.app, "licenses@contoso.test"));
    expect((await other.post(`/api/tenants/${contoso}/licenses/bulkJobs`, await body())).statusCode).toBe(202);
    expectTooMany(await other.post(`/api/tenants/${contoso}/licenses/bulkJobs`, await body()));
  });

  it("password resets", async () => {
    nextWindow();
    const helpdesk = as(t.app, await login(t.app, "helpdesk@contoso.test"));
    const reset = async (api: typeof helpdesk) =>
      api.post(`/api/tenants/${contoso}/users/${await member()}/resetPassword`, {});
    expect((await reset(helpdesk)).statusCode).toBe(200);
    expectTooMany(await reset(helpdesk));
    const admin = as(t.app, await login(t.app, "admin@contoso.test"));
    expect((await reset(admin)).statusCode).toBe(200);
    expectTooMany(await reset(admin));
    // Fabrikam's helpdesk is not held up by Contoso's.
    const fabrikamHelpdesk = as(t.app, await login(t.app, "helpdesk@fabrikam.test"));
    const target = await member(fabrikam);
    expect((await fabrikamHelpdesk.post(`/api/tenants/${fabrikam}/users/${target}/resetPassword`, {})).statusCode).toBe(
      200,
    );
  });
});

it("documents 429 on the limited routes in OpenAPI", async () => {
  const spec = t.app.swagger() as unknown as {
    paths: Record<string, Partial<Record<"get" | "post", { responses: Record<string, unknown> }>>>;
  };
  const limited = [
    ["/api/tenants/{tenantId}/auditLog/export", "get"],
    ["/api/tenants/{tenantId}/orders/export", "get"],
    ["/api/tenants/{tenantId}/invoices/export", "get"],
    ["/api/tenants/{tenantId}/users/export", "get"],
    ["/api/tenants/{tenantId}/licenses/assignments/export", "get"],
    ["/api/tenants/{tenantId}/licenses/bulk", "post"],
    ["/api/tenants/{tenantId}/licenses/bulkJobs", "post"],
    ["/api/tenants/{tenantId}/users/{userId}/resetPassword", "post"],
  ] as const;
  for (const [path, method] of limited) expect(spec.paths[path]?.[method]?.responses["429"], path).toBeDefined();
});
