import { parse } from "csv-parse/sync";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser } from "./fixtures.js";
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
 * The three CSV exports (audit log, orders, invoices) against CSV injection, read back with a real CSV parser in
 * both delimiters: the portal's own users are the attackers here, through the display name every export shows.
 */

const PASSWORD = "Csv-export-test-1";

/** Display names a spreadsheet would run as formulas or split into other cells, and what the export must show. */
const NAMES = [
  "Bob;=1+1",
  '=HYPERLINK("http://evil.test","click")',
  "@SUM(1)",
  "+1",
  "-1",
  "\tx",
  "\rx",
  'Say "hi"\nand bye',
  "Smith, Jr.",
  "\uFF1D1+1",
];
const neutralised = (name: string) => (/^[=+\-@\t\r\uFF1D]/.test(name) ? `'${name}` : name);

/** A cell a spreadsheet would take for a formula; numbers we write (-12.30, -1) are numbers, not formulas. */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const NUMBER = /^-?\d+(\.\d+)?$/;

const DELIMITERS = { comma: ",", semicolon: ";" } as const;
type Delimiter = keyof typeof DELIMITERS;

let t: TestApp;
let admin: Session;
let base: string;
let sku: Record<string, CatalogRow>;
const buyers: Array<{ id: string; displayName: string }> = [];

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, "admin@contoso.test");
  base = `/api/tenants/${t.tenants.contoso}`;
  sku = await catalogBySku(t.db);
  // Each nasty name is a billing admin who buys a subscription: the audit log's actor and the orders' placedBy.
  for (const displayName of NAMES) {
    const user = await makeUser(t.db, t.tenants.contoso, { displayName, role: "billingAdmin", password: PASSWORD });
    buyers.push(user);
    const session = await login(t.app, user.email, PASSWORD);
    const bought = await as(t.app, session).post(`${base}/subscriptions`, {
      skuId: sku.POWER_BI_PRO?.skuId,
      seats: 2,
      billingTerm: "monthly",
    });
    expect(bought.statusCode, bought.body).toBe(201);
  }
  // A seat removal: a credit, whose negative amounts must stay numbers.
  const first = await t.db.order.findFirstOrThrow({
    where: { tenantId: t.tenants.contoso, placedByUserId: buyers[0]?.id },
    select: { subscriptionId: true },
  });
  const reduced = await as(t.app, admin).post(`${base}/subscriptions/${first.subscriptionId}/changeSeats`, {
    seats: 1,
  });
  expect(reduced.statusCode, reduced.body).toBe(200);
}, 120_000);
afterAll(() => t?.close());

const exportOf = (path: string, delimiter?: Delimiter) =>
  as(t.app, admin).get(`${base}/${path}${delimiter ? `?delimiter=${delimiter}` : ""}`);

/** Reads a CSV export with csv-parse, after checking the UTF-8 BOM Excel needs is its first three bytes. */
function records(response: LightMyRequestResponse, delimiter: Delimiter): string[][] {
  expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
  expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
  expect([...response.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  // Strict: every record has the header's width, quotes only where a field opens, CRLF record ends.
  return parse(response.rawPayload, {
    bom: true,
    delimiter: DELIMITERS[delimiter],
    record_delimiter: "\r\n",
    relax_column_count: false,
    relax_quotes: false,
  }) as string[][];
}

function expectNoFormula(rows: string[][]) {
  for (const row of rows) {
    for (const field of row) {
      if (NUMBER.test(field)) continue;
      expect(field, JSON.stringify(row)).not.toMatch(FORMULA_START);
    }
  }
}

/** Every field holding a comma, semicolon, quote, tab, CR or LF is quoted in the file, whatever the delimiter. */
function expectQuoted(body: string, delimiter: Delimiter, value: string) {
  const d = DELIMITERS[delimiter];
  expect(body, JSON.stringify(value)).toContain(`${d}"${value.replaceAll('"', '""')}"${d}`);
}

describe.each(["comma", "semicolon"] as const)("CSV exports with delimiter=%s", (delimiter) => {
  it("audit log: every nasty actor name comes back as neutralised text", async () => {
    const response = await exportOf("auditLog/export", delimiter);
    const [header, ...rows] = records(response, delimiter);
    expect(header?.[0]).toBe("createdAt");
    const actor = header?.indexOf("actor") as number;
    const purchases = rows.filter(
      (row) => row[header?.indexOf("action") as number] === "billing.subscriptionPurchased",
    );
    const actors = purchases.map((row) => row[actor]);
    for (const name of NAMES) expect(actors, JSON.stringify(name)).toContain(neutralised(name));
    expectNoFormula(rows);
    expectQuoted(response.body, delimiter, "Bob;=1+1");
    expectQuoted(response.body, delimiter, "Smith, Jr.");
    expectQuoted(response.body, delimiter, "'\tx");
    expectQuoted(response.body, delimiter, "'\rx");
    expectQuoted(response.body, delimiter, 'Say "hi"\nand bye');
  });

  it("orders: placedBy is neutralised text, amounts stay numbers (a credit too)", async () => {
    const response = await exportOf("orders/export", delimiter);
    const [header, ...rows] = records(response, delimiter);
    const column = (name: string) => header?.indexOf(name) as number;
    const placedBy = rows.map((row) => row[column("placedBy")]);
    for (const name of NAMES) expect(placedBy, JSON.stringify(name)).toContain(neutralised(name));
    expectNoFormula(rows);
    expectQuoted(response.body, delimiter, "Bob;=1+1");
    const credit = rows.find((row) => row[column("kind")] === "seatChange");
    expect(credit?.[column("seatsDelta")]).toBe("-1");
    expect(credit?.[column("amount")]).toMatch(/^-\d+\.\d{2}$/);
    expect(credit?.[column("amountCents")]).toMatch(/^-\d+$/);
    // Literally a number in the file: no quote, no apostrophe.
    expect(response.body).toContain(`${DELIMITERS[delimiter]}${credit?.[column("amount")]}${DELIMITERS[delimiter]}`);
  });

  it("invoices: a row per line, amounts as numbers, nothing a spreadsheet runs", async () => {
    const response = await exportOf("invoices/export", delimiter);
    const [header, ...rows] = records(response, delimiter);
    expect(header?.slice(0, 3)).toEqual(["number", "issuedAt", "dueAt"]);
    expect(rows.length).toBe(await t.db.invoiceLine.count({ where: { invoice: { tenantId: t.tenants.contoso } } }));
    expectNoFormula(rows);
    expect(rows.some((row) => /^-\d+\.\d{2}$/.test(row[header?.indexOf("amount") as number] ?? ""))).toBe(true);
  });
});

describe("CSV export options", () => {
  it("comma is the default: the same file as delimiter=comma", async () => {
    for (const path of ["auditLog/export?action=billing.subscriptionPurchased", "orders/export", "invoices/export"]) {
      const plain = await as(t.app, admin).get(`${base}/${path}`);
      const comma = await as(t.app, admin).get(`${base}/${path}${path.includes("?") ? "&" : "?"}delimiter=comma`);
      expect(plain.statusCode).toBe(200);
      expect(plain.body).toBe(comma.body);
      expect(plain.body.startsWith("\uFEFF")).toBe(true);
    }
  });

  it("an unknown delimiter is 400 ValidationFailed naming querystring.delimiter", async () => {
    for (const path of ["auditLog/export", "orders/export", "invoices/export"]) {
      for (const value of ["tab", "SEMICOLON", ";", ""]) {
        const response = await as(t.app, admin).get(`${base}/${path}?delimiter=${encodeURIComponent(value)}`);
        expect(response.statusCode, `${path} ${value}`).toBe(400);
        const body = problem(response);
        expect(body.code).toBe("ValidationFailed");
        expect(body.errors?.map((e) => e.path)).toContain("querystring.delimiter");
      }
    }
  });

  it("HEAD answers the headers only, in either delimiter", async () => {
    const head = await t.app.inject({
      method: "HEAD",
      url: `${base}/orders/export?delimiter=semicolon`,
      headers: { cookie: admin.cookie },
    });
    expect(head.statusCode).toBe(200);
    expect(head.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(head.headers["content-disposition"]).toMatch(/^attachment; filename="orders-contoso\.test-/);
    expect(head.body).toBe("");
  });
});
