import type { BulkJob, NumberedUserPage, SelectionHolders } from "@allot/contracts";
import { DEMO_PASSWORD } from "@allot/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, type CatalogRow, catalogBySku, createTestApp, login, problem, type TestApp } from "./helpers.js";

/**
 * What the partner center's users-and-licenses workflow reads and writes in a customer (Tailspin Toys, 1,200
 * users): numbered pages of users with the total, which of the selected users hold a product, and a license job's
 * confirmation as CSV, each reached by the partner's agents through their delegated roles.
 */

let t: TestApp;
let base: string;
let sku: Record<string, CatalogRow>;

beforeAll(async () => {
  t = await createTestApp({ loginRateLimitPerMinute: 100_000 });
  base = `/api/tenants/${t.tenants.tailspin}`;
  sku = await catalogBySku(t.db);
});
afterAll(() => t?.close());

const skuId = (part: string) => (sku[part] as CatalogRow).skuId;
const agent = async () => as(t.app, await login(t.app, "agent@partner.test", DEMO_PASSWORD));

describe("numbered pages of users", () => {
  it("pages Tailspin's 1,200 live users by name with the total, First to Last", async () => {
    const api = await agent();
    const first = await api.get(`${base}/users/paged?pageSize=25`);
    expect(first.statusCode, first.body).toBe(200);
    const page1 = first.json() as NumberedUserPage;
    expect(page1).toMatchObject({ page: 1, pageSize: 25, total: 1200, pageCount: 48 });
    expect(page1.items).toHaveLength(25);
    const last = (await api.get(`${base}/users/paged?pageSize=25&page=48`)).json() as NumberedUserPage;
    expect(last.items).toHaveLength(25);
    const past = (await api.get(`${base}/users/paged?pageSize=25&page=49`)).json() as NumberedUserPage;
    expect(past.items).toEqual([]);

    // The pages are the keyset list cut in pieces: page 2 starts where the cursor list's 26th user is.
    const keyset = (await api.get(`${base}/users?limit=50`)).json().items as Array<{ id: string }>;
    const page2 = (await api.get(`${base}/users/paged?pageSize=25&page=2`)).json() as NumberedUserPage;
    expect(page2.items.map((user) => user.id)).toEqual(keyset.slice(25, 50).map((user) => user.id));
  });

  it("searches by name or e-mail and counts only the matches", async () => {
    const api = await agent();
    const found = (await api.get(`${base}/users/paged?search=gupta&pageSize=10`)).json() as NumberedUserPage;
    expect(found.total).toBeGreaterThan(10);
    expect(found.pageCount).toBe(Math.ceil(found.total / 10));
    expect(found.items.every((user) => /gupta/i.test(user.displayName))).toBe(true);
    const none = (await api.get(`${base}/users/paged?search=nobody-is-called-this`)).json() as NumberedUserPage;
    expect(none).toMatchObject({ items: [], total: 0, pageCount: 1 });
  });

  it("refuses a page size or page it does not offer, with the field named", async () => {
    const api = await agent();
    for (const query of ["pageSize=30", "pageSize=0", "page=0", "page=-1", "page=1e2", "page=x", "sort=name"]) {
      const response = await api.get(`${base}/users/paged?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(problem(response).code, query).toBe("ValidationFailed");
    }
  });

  it("is a customer's own list: an agent without a role there gets 404, a sales agent elsewhere too", async () => {
    const sales = as(t.app, await login(t.app, "sales@partner.test", DEMO_PASSWORD));
    expect((await sales.get(`${base}/users/paged`)).statusCode).toBe(404);
    const helpdesk = as(t.app, await login(t.app, "helpdesk@partner.test", DEMO_PASSWORD));
    expect((await helpdesk.get(`${base}/users/paged`)).statusCode).toBe(200);
  });
});

describe("the selected users who hold a product", () => {
  it("lists them by name, saying who holds it only through a group", async () => {
    const api = await agent();
    const page = (await api.get(`${base}/users/paged?pageSize=100`)).json() as NumberedUserPage;
    const userIds = page.items.map((user) => user.id);
    const response = await api.post(`${base}/licenses/selection/holders`, { userIds, skuId: skuId("SPE_E3") });
    expect(response.statusCode, response.body).toBe(200);
    const holders = response.json() as SelectionHolders;
    const counted = (await api.post(`${base}/licenses/selection`, { userIds })).json().value as Array<{
      skuId: string;
      holders: number;
      directHolders: number;
    }>;
    const e3 = counted.find((row) => row.skuId === skuId("SPE_E3"));
    expect(holders.value).toHaveLength(e3?.holders ?? 0);
    expect(holders.value.filter((holder) => holder.direct)).toHaveLength(e3?.directHolders ?? 0);
    const names = holders.value.map((holder) => holder.displayName);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(holders.value.every((holder) => userIds.includes(holder.id))).toBe(true);
  });

  it("answers 404 for an unknown product and 400 for a malformed body", async () => {
    const api = await agent();
    const [user] = ((await api.get(`${base}/users/paged?pageSize=10`)).json() as NumberedUserPage).items;
    const unknown = await api.post(`${base}/licenses/selection/holders`, {
      userIds: [user?.id],
      skuId: "00000000-0000-4000-8000-000000000000",
    });
    expect(unknown.statusCode).toBe(404);
    for (const body of [
      { userIds: [], skuId: skuId("SPE_E3") },
      { userIds: [user?.id] },
      { skuId: "x", userIds: ["y"] },
    ]) {
      const response = await api.post(`${base}/licenses/selection/holders`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
    }
  });
});

describe("adding to a selection where some hold the product already", () => {
  it("refuses the holders as AlreadyAssigned unless skipAlreadyAssigned leaves them as they are", async () => {
    const api = await agent();
    const page = (await api.get(`${base}/users/paged?pageSize=25&page=5`)).json() as NumberedUserPage;
    const located = page.items.filter((user) => user.usageLocation !== null).map((user) => user.id);
    const body = { userIds: located, add: [{ skuId: skuId("SPE_E3"), disabledPlans: [] }], dryRun: true };
    const strict = (await api.post(`${base}/licenses/bulk`, { ...body, atomic: false })).json();
    const held = strict.results.filter((r: { violations?: Array<{ code: string }> }) =>
      r.violations?.some((v) => v.code === "AlreadyAssigned"),
    );
    expect(held.length).toBeGreaterThan(0);
    const lenient = (await api.post(`${base}/licenses/bulk`, { ...body, skipAlreadyAssigned: true })).json();
    expect(lenient.summary).toMatchObject({ users: located.length, failed: 0 });
    const holderIds = new Set(held.map((r: { userId: string }) => r.userId));
    for (const result of lenient.results) {
      expect(result.added).toEqual(holderIds.has(result.userId) ? [] : [skuId("SPE_E3")]);
    }
    expect((await api.post(`${base}/licenses/bulk`, { ...body, skipAlreadyAssigned: "yes" })).statusCode).toBe(400);
  });
});

describe("a license job's confirmation as CSV", () => {
  it("has one row per user: what was assigned and revoked, and each failure with its reason", async () => {
    const api = await agent();
    // The first page by name holds Adele Gupta, who has no usage location.
    const page = (await api.get(`${base}/users/paged?pageSize=10`)).json() as NumberedUserPage;
    const started = await api.post(`${base}/licenses/bulkJobs`, {
      userIds: page.items.map((user) => user.id),
      add: [{ skuId: skuId("POWER_BI_PRO"), disabledPlans: [] }],
      skipAlreadyAssigned: true,
    });
    expect(started.statusCode, started.body).toBe(202);
    const job = started.json() as BulkJob;
    await t.app.licenseJobs.settled(job.id);

    const csv = await api.get(`${base}/licenses/bulkJobs/${job.id}/export?delimiter=semicolon`);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.headers["content-disposition"]).toContain(`license-job-${job.id}.csv`);
    const lines = csv.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("userId;displayName;result;assigned;revoked;servicePlansChanged;reasons");
    expect(lines).toHaveLength(11);
    // Failures first: the user without a usage location, with the engine's code.
    expect(lines[1]).toContain("Adele Gupta;failed;");
    expect(lines[1]).toContain("UsageLocationRequired:");
    // The others got it, or (holding it already) were left as they were instead of refused.
    const succeeded = lines.slice(2).filter((line) => line.includes(";succeeded;"));
    expect(succeeded).toHaveLength(9);
    expect(succeeded.some((line) => line.includes(";succeeded;Power BI Pro;"))).toBe(true);
    expect(succeeded.some((line) => line.includes(";succeeded;;"))).toBe(true);

    const unknown = await api.get(`${base}/licenses/bulkJobs/00000000-0000-4000-8000-000000000000/export`);
    expect(unknown.statusCode).toBe(404);
    expect((await api.get(`${base}/licenses/bulkJobs/${job.id}/export?delimiter=tab`)).statusCode).toBe(400);
  });
});
