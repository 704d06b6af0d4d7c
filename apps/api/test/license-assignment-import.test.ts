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

const quoted = (rows: string[][]) =>
  `${rows.map((row) => row.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(",")).join("\r\n")}\r\n`;

function upload(session: Session, text: string, tenantId = t.tenants.contoso) {
  return t.app.inject({
    method: "POST",
    url: `/api/tenants/${tenantId}/userImports?kind=licenses&fileName=licenses.csv`,
    headers: { cookie: session.cookie, "x-csrf-token": session.csrfToken, "content-type": "text/csv" },
    payload: Buffer.from(text, "utf8"),
  });
}

interface ImportRow {
  line: number;
  userPrincipalName: string;
  product: string | null;
  action: string;
  changes: string[];
  problems: Array<{ code: string; column: string | null }>;
  outcome: string | null;
  error: { code: string } | null;
}

async function rowsOf(session: Session, importId: string): Promise<ImportRow[]> {
  const rows: ImportRow[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `?limit=200&cursor=${encodeURIComponent(cursor)}` : "?limit=200";
    const page = await as(t.app, session).get(`${base}/userImports/${importId}/rows${query}`);
    expect(page.statusCode, page.body).toBe(200);
    rows.push(...page.json().items);
    cursor = page.json().nextCursor;
  } while (cursor);
  return rows;
}

describe("export → edit → import", () => {
  it("assigns, changes plans and removes as the edited file says, and a new export is that file", async () => {
    const exported = records(await as(t.app, admin).get(`${base}/licenses/assignments/export`));
    const header = exported[0] as string[];
    const edited = exported.slice(1).flatMap((row): string[][] => {
      if (row[0] === bob.email && row[1] === "EXCHANGESTANDARD") return []; // remove
      if (row[0] === ann.email && row[3] === "Direct") return [[ann.email, "SPE_E3", "SWAY", "Direct"]]; // change
      return [row];
    });
    edited.push([cy.email, "POWER_BI_PRO", "BI_AZURE_P2", "Direct"]); // assign
    const up = await upload(admin, quoted([header, ...edited]));
    expect(up.statusCode, up.body).toBe(201);
    const verified = up.json();
    expect(verified).toMatchObject({ kind: "licenses", status: "verified", problemRowCount: 0, problems: [] });

    const preview = await as(t.app, admin).post(`${base}/userImports/${verified.id}/preview`, {});
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().preview.counts).toMatchObject({ assign: 1, change: 1, remove: 1, refuse: 0 });
    expect(preview.json().preview.counts.unchanged).toBe(edited.length - 2);
    const seats = Object.fromEntries(
      preview
        .json()
        .preview.seats.map((s: { skuPartNumber: string; availableBefore: number; availableAfter: number }) => [
          s.skuPartNumber,
          s.availableAfter - s.availableBefore,
        ]),
    );
    expect(seats).toEqual({ EXCHANGESTANDARD: 1, POWER_BI_PRO: -1, SPE_E3: 0 });
    const planned = (await rowsOf(admin, verified.id)).filter((row) => row.action !== "unchanged");
    expect(planned.map((row) => [row.userPrincipalName, row.product, row.action])).toEqual([
      [ann.email, "SPE_E3", "change"],
      [cy.email, "POWER_BI_PRO", "assign"],
      [bob.email, "EXCHANGESTANDARD", "remove"],
    ]);
    expect(planned[2]?.changes[0]).toMatch(/service data/);

    const apply = await as(t.app, admin).post(`${base}/userImports/${verified.id}/apply`);
    expect(apply.statusCode, apply.body).toBe(202);
    await t.app.userImports.settled(verified.id);
    const done = (await as(t.app, admin).get(`${base}/userImports/${verified.id}`)).json();
    expect(done).toMatchObject({ status: "completed", outcomes: { succeeded: 3, failed: 0 } });

    const held = await t.db.licenseAssignment.findMany({
      where: { userId: { in: [ann.id, bob.id, cy.id] }, assignedByGroupId: null },
      include: { product: { select: { skuPartNumber: true } } },
    });
    const direct = held.map((row) => [row.userId, row.product.skuPartNumber, row.disabledServicePlanIds]);
    expect(direct).toEqual(
      expect.arrayContaining([
        [ann.id, "SPE_E3", [await planId("SWAY")]],
        [bob.id, "POWER_BI_PRO", []],
        [cy.id, "POWER_BI_PRO", [await planId("BI_AZURE_P2")]],
      ]),
    );
    expect(direct).toHaveLength(3);
    const events = await t.db.auditEvent.count({
      where: {
        action: "user.licensesChanged",
        targetId: { in: [ann.id, bob.id, cy.id] },
        createdAt: { gte: new Date(done.createdAt) },
      },
    });
    expect(events).toBe(3);

    const again = records(await as(t.app, admin).get(`${base}/licenses/assignments/export`));
    const sorted = (rows: string[][]) => rows.map((row) => row.join("\t")).sort();
    expect(sorted(again.slice(1))).toEqual(sorted(edited));
  });

  it("refuses bad rows with their line and column, and applies the rest", async () => {
    const dave = await makeUser(t.db, t.tenants.contoso, { displayName: "Dave Import" });
    const erin = await makeUser(t.db, t.tenants.contoso, { displayName: "Erin Import", usageLocation: null });
    const file = quoted([
      ["Gebruikersnaam", "Product", "Uitgeschakelde abonnementen", "Toegewezen door"],
      ["nobody@contoso.test", "POWER_BI_PRO", "", "Direct"],
      [dave.email, "NOT_A_PRODUCT", "", "Direct"],
      [dave.email, "POWER_BI_PRO", "NOT_A_PLAN", "Direct"],
      [dave.email, "Visio Plan 2", "", "Direct"],
      [dave.email, "VISIOCLIENT", "", "Direct"],
      [cy.email, "SPE_E3", "", `Group: ${group.displayName}`],
      [erin.email, "POWER_BI_PRO", "", ""],
      [dave.email, "EXCHANGESTANDARD", "", "Direct"],
    ]);
    const up = await upload(admin, file);
    expect(up.statusCode, up.body).toBe(201);
    const codes = up
      .json()
      .problems.map((p: { line: number; column: string; code: string }) => `${p.line}:${p.column}:${p.code}`);
    expect(codes).toEqual([
      "2:Gebruikersnaam:UnknownUser",
      "3:Product:UnknownProduct",
      "4:Uitgeschakelde abonnementen:UnknownServicePlan",
      "5:Product:DuplicateAssignment",
      "6:Product:DuplicateAssignment",
      "7:Uitgeschakelde abonnementen:InheritedAssignment",
    ]);
    const id = up.json().id;
    expect((await as(t.app, admin).post(`${base}/userImports/${id}/preview`, {})).statusCode).toBe(200);
    await as(t.app, admin).post(`${base}/userImports/${id}/apply`);
    await t.app.userImports.settled(id);
    const rows = await rowsOf(admin, id);
    // Erin has no usage location: the license services refuse her row with the rule's code.
    expect(rows.find((row) => row.userPrincipalName === erin.email)).toMatchObject({
      action: "assign",
      outcome: "failed",
      error: { code: "UsageLocationRequired" },
    });
    // Dave's unreadable product keeps his other licenses; his Exchange row applies.
    expect(rows.find((row) => row.line === 9)).toMatchObject({ action: "assign", outcome: "succeeded" });
    expect(await t.db.licenseAssignment.count({ where: { userId: dave.id } })).toBe(1);
  });

  it("needs the right to assign licenses; another tenant's import is 404", async () => {
    const file = quoted([HEADER, [ann.email, "SPE_E3", "SWAY", "Direct"]]);
    const reader = await login(t.app, "service@contoso.test");
    expect((await upload(reader, file)).statusCode).toBe(403);
    const licenseAdmin = await login(t.app, "licenses@contoso.test");
    const up = await upload(licenseAdmin, file);
    expect(up.statusCode, up.body).toBe(201);
    const stranger = await login(t.app, "admin@fabrikam.test");
    const other = await as(t.app, stranger).post(`${base}/userImports/${up.json().id}/preview`, {});
    expect(other.statusCode).toBe(404);
    const own = `/api/tenants/${t.tenants.fabrikam}/userImports/${up.json().id}`;
    expect((await as(t.app, stranger).get(own)).statusCode).toBe(404);
    // Contoso's users are unknown in Fabrikam.
    const foreign = await upload(stranger, file, t.tenants.fabrikam);
    expect(foreign.json().problems.map((p: { code: string }) => p.code)).toEqual(["UnknownUser"]);
  });

  it("a file that is not a license assignment file is InvalidCsvFile naming the header line", async () => {
    const response = await upload(admin, "Name,Email\na,b\n");
    expect(response.statusCode).toBe(422);
    expect(problem(response).code).toBe("InvalidCsvFile");
  });
});

describe("one user's changes go together, across chunks", () => {
  it("a refused user keeps everything: its removal, applied in a later chunk, reports NotApplied", async () => {
    const bought = await as(t.app, admin).post(`${base}/subscriptions`, {
      skuId: sku.POWER_BI_PRO?.skuId,
      seats: 300,
      billingTerm: "monthly",
    });
    expect(bought.statusCode, bought.body).toBe(201);
    // Frank holds Exchange but has no usage location: assigning him a new product is refused.
    const frank = await makeUser(t.db, t.tenants.contoso, { displayName: "Frank Import", usageLocation: null });
    const exchange = sku.EXCHANGESTANDARD?.productId as string;
    await t.db.$transaction([
      t.db.licenseAssignment.create({
        data: { tenantId: t.tenants.contoso, userId: frank.id, productId: exchange, disabledServicePlanIds: [] },
      }),
      t.db.tenantProduct.update({
        where: { tenantId_productId: { tenantId: t.tenants.contoso, productId: exchange } },
        data: { consumedUnits: { increment: 1 } },
      }),
    ]);
    const others = Array.from({ length: 250 }, (_, i) => `chunk.${i}.${crypto.randomUUID().slice(0, 6)}@contoso.test`);
    await t.db.user.createMany({
      data: others.map((email) => ({ tenantId: t.tenants.contoso, email, displayName: email, usageLocation: "NL" })),
    });
    // Frank's row is line 2 (the first chunk of 250 rows); his removal comes after the file's last line (chunk 2).
    const file = quoted([
      HEADER,
      [frank.email, "POWER_BI_PRO", "", "Direct"],
      ...others.map((email) => [email, "POWER_BI_PRO", "", "Direct"]),
    ]);
    const up = await upload(admin, file);
    expect(up.statusCode, up.body).toBe(201);
    const id = up.json().id;
    const preview = await as(t.app, admin).post(`${base}/userImports/${id}/preview`, {});
    expect(preview.json().preview.counts).toMatchObject({ assign: 251, remove: 1, refuse: 0 });
    await as(t.app, admin).post(`${base}/userImports/${id}/apply`);
    await t.app.userImports.settled(id);
    const done = (await as(t.app, admin).get(`${base}/userImports/${id}`)).json();
    expect(done.outcomes).toMatchObject({ succeeded: 250, failed: 2 });
    const rows = (await rowsOf(admin, id)).filter((row) => row.userPrincipalName === frank.email);
    expect(rows.map((row) => [row.line, row.action, row.outcome, row.error?.code])).toEqual([
      [2, "assign", "failed", "UsageLocationRequired"],
      [253, "remove", "failed", "NotApplied"],
    ]);
    const held = await t.db.licenseAssignment.findMany({ where: { userId: frank.id }, select: { productId: true } });
    expect(held).toEqual([{ productId: exchange }]);
  });
});
