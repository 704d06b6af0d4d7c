import { parse } from "csv-parse/sync";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MadeUser, makeGroup, makeUser } from "./fixtures.js";
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
 * The license assignment CSV (`User Name,Product,Disabled plans,Assigned by`): exported, edited and imported again
 * through the import's verify → preview → apply steps, against a real database.
 */

const PASSWORD = "License-import-test-1";
const HEADER = ["User Name", "Product", "Disabled plans", "Assigned by"];

let t: TestApp;
let admin: Session;
let base: string;
let sku: Record<string, CatalogRow>;
/** Ann: SPE_E3 with SWAY and TEAMS1 off; Bob: POWER_BI_PRO and EXCHANGESTANDARD; Cy: SPE_E3 from a group only. */
let ann: MadeUser;
let bob: MadeUser;
let cy: MadeUser;
let group: { id: string; displayName: string };

const planId = async (name: string) =>
  (await t.db.servicePlan.findUniqueOrThrow({ where: { servicePlanName: name }, select: { id: true } })).id;

async function assign(userId: string, licenses: Array<{ sku: string; off?: string[] }>) {
  const addLicenses = await Promise.all(
    licenses.map(async ({ sku: part, off = [] }) => ({
      skuId: sku[part]?.skuId,
      disabledPlans: await Promise.all(off.map(planId)),
    })),
  );
  const response = await as(t.app, admin).post(`${base}/users/${userId}/assignLicense`, {
    addLicenses,
    removeLicenses: [],
  });
  expect(response.statusCode, response.body).toBe(200);
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, "admin@contoso.test");
  base = `/api/tenants/${t.tenants.contoso}`;
  sku = await catalogBySku(t.db);
  ann = await makeUser(t.db, t.tenants.contoso, { displayName: "Ann Import" });
  bob = await makeUser(t.db, t.tenants.contoso, { displayName: "Bob Import" });
  cy = await makeUser(t.db, t.tenants.contoso, { displayName: "Cy Import" });
  await assign(ann.id, [{ sku: "SPE_E3", off: ["TEAMS1", "SWAY"] }]);
  await assign(bob.id, [{ sku: "POWER_BI_PRO" }, { sku: "EXCHANGESTANDARD" }]);
  group = await makeGroup(t.db, t.tenants.contoso, [cy.id, ann.id]);
  const grouped = await as(t.app, admin).post(`${base}/groups/${group.id}/assignLicense`, {
    addLicenses: [{ skuId: sku.SPE_E3?.skuId, disabledPlans: [await planId("YAMMER_ENTERPRISE")] }],
    removeLicenses: [],
  });
  expect(grouped.statusCode, grouped.body).toBe(200);
}, 120_000);
afterAll(() => t?.close());

/** Reads a CSV answer strictly (BOM, header width, CRLF), with the delimiter asked for. */
function records(response: LightMyRequestResponse, delimiter = ","): string[][] {
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
  return parse(response.rawPayload, { bom: true, delimiter, record_delimiter: "\r\n", relax_quotes: false });
}

const ours = (rows: string[][]) => rows.filter((row) => [ann, bob, cy].some((user) => user.email === row[0]));

describe("GET licenses/assignments/export", () => {
  it("writes one row per user and product held, direct or per group, plans by servicePlanName", async () => {
    const response = await as(t.app, admin).get(`${base}/licenses/assignments/export`);
    const rows = records(response);
    expect(rows[0]).toEqual(HEADER);
    expect(response.headers["content-disposition"]).toMatch(
      /^attachment; filename="license-assignments-contoso\.test-\d{4}-\d\d-\d\d\.csv"$/,
    );
    expect(ours(rows)).toEqual(
      [
        [ann.email, "SPE_E3", "SWAY TEAMS1", "Direct"],
        [ann.email, "SPE_E3", "YAMMER_ENTERPRISE", `Group: ${group.displayName}`],
        [bob.email, "EXCHANGESTANDARD", "", "Direct"],
        [bob.email, "POWER_BI_PRO", "", "Direct"],
        [cy.email, "SPE_E3", "YAMMER_ENTERPRISE", `Group: ${group.displayName}`],
      ].sort((a, b) => (a[0] === b[0] ? 0 : (a[0] as string) < (b[0] as string) ? -1 : 1)),
    );
    // Every license the tenant's live users hold is in the file, in User Name order.
    const held = await t.db.licenseAssignment.count({
      where: { tenantId: t.tenants.contoso, user: { deletedAt: null } },
    });
    expect(rows.length - 1).toBe(held);
    const names = rows.slice(1).map((row) => row[0] as string);
    expect(names).toEqual([...names].sort());
  });

  it("limits the file to one product with skuId, in either delimiter; an unknown skuId is 404", async () => {
    const rows = records(
      await as(t.app, admin).get(`${base}/licenses/assignments/export?skuId=${sku.SPE_E3?.skuId}&delimiter=semicolon`),
      ";",
    );
    expect(rows[0]).toEqual(HEADER);
    expect(new Set(rows.slice(1).map((row) => row[1]))).toEqual(new Set(["SPE_E3"]));
    expect(ours(rows)).toHaveLength(3);
    const unknown = await as(t.app, admin).get(`${base}/licenses/assignments/export?skuId=${crypto.randomUUID()}`);
    expect(unknown.statusCode).toBe(404);
    expect(problem(unknown).code).toBe("NotFound");
  });

  it("needs the right to read the directory; another tenant's admin gets 404", async () => {
    const member = await makeUser(t.db, t.tenants.contoso, { password: PASSWORD });
    const denied = await as(t.app, await login(t.app, member.email, PASSWORD)).get(
      `${base}/licenses/assignments/export`,
    );
    expect(denied.statusCode).toBe(403);
    const reader = await login(t.app, "service@contoso.test");
    expect((await as(t.app, reader).get(`${base}/licenses/assignments/export`)).statusCode).toBe(200);
    const stranger = await login(t.app, "admin@fabrikam.test");
    expect((await as(t.app, stranger).get(`${base}/licenses/assignments/export`)).statusCode).toBe(404);
  });
});
