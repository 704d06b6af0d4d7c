import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BillingResult } from "@allot/contracts";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admin, databaseUrl } from "./database.js";
import { as, type CatalogRow, catalogBySku, createTestApp, login, type Session, type TestApp } from "./helpers.js";

/**
 * Invoice numbers count per tenant (INV-000001, INV-000002, … in each), so a customer's numbers say nothing about
 * how much the platform sells; they are taken from a per-tenant counter row, so tenants never wait for each other.
 */

let t: TestApp;
let sku: Record<string, CatalogRow>;
let contoso: { session: Session; base: string };
let fabrikam: { session: Session; base: string };

beforeAll(async () => {
  t = await createTestApp();
  sku = await catalogBySku(t.db);
  contoso = { session: await login(t.app, "admin@contoso.test"), base: `/api/tenants/${t.tenants.contoso}` };
  fabrikam = { session: await login(t.app, "admin@fabrikam.test"), base: `/api/tenants/${t.tenants.fabrikam}` };
});
afterAll(() => t?.close());

async function buy(tenant: typeof contoso): Promise<string> {
  const response = await as(t.app, tenant.session).post(`${tenant.base}/subscriptions`, {
    skuId: sku.VISIOCLIENT?.skuId,
    seats: 1,
    billingTerm: "monthly",
  });
  expect(response.statusCode, response.body).toBe(201);
  const number = (response.json() as BillingResult).invoice?.number;
  if (!number) throw new Error("a purchase without an invoice");
  return number;
}

const numbersOf = async (tenantId: string) =>
  (await t.db.invoice.findMany({ where: { tenantId }, orderBy: { issuedAt: "asc" }, select: { number: true } })).map(
    (invoice) => invoice.number,
  );

const invoiceNumber = (n: number) => `INV-${String(n).padStart(6, "0")}`;

describe("invoice numbers per tenant", () => {
  it("each tenant's first invoice is INV-000001", async () => {
    expect(await buy(contoso)).toBe("INV-000001");
    expect(await buy(fabrikam)).toBe("INV-000001");
    expect(await buy(contoso)).toBe("INV-000002");
  });

  it("20 concurrent charged changes in one tenant get 20 distinct consecutive numbers; another tenant's do not move them", async () => {
    const before = (await numbersOf(t.tenants.contoso)).length;
    const fabrikamBefore = (await numbersOf(t.tenants.fabrikam)).length;
    const [ours, theirs] = await Promise.all([
      Promise.all(Array.from({ length: 20 }, () => buy(contoso))),
      Promise.all(Array.from({ length: 10 }, () => buy(fabrikam))),
    ]);
    expect([...ours].sort()).toEqual(Array.from({ length: 20 }, (_, i) => invoiceNumber(before + i + 1)));
    expect([...theirs].sort()).toEqual(Array.from({ length: 10 }, (_, i) => invoiceNumber(fabrikamBefore + i + 1)));
    // And so in the table: no gap, no duplicate, in the order they were issued.
    expect(await numbersOf(t.tenants.contoso)).toEqual(
      Array.from({ length: before + 20 }, (_, i) => invoiceNumber(i + 1)),
    );
  });

  it("a number is unique within its tenant only", async () => {
    const [invoice] = await t.db.invoice.findMany({ where: { tenantId: t.tenants.contoso }, take: 1 });
    if (!invoice) throw new Error("no invoice");
    const copy = { number: invoice.number, totalCents: 1, currency: "EUR", dueAt: new Date() };
    await expect(t.db.invoice.create({ data: { ...copy, tenantId: t.tenants.contoso } })).rejects.toThrow();
    const partner = await t.db.invoice.create({ data: { ...copy, tenantId: t.tenants.partner } });
    expect(partner.number).toBe(invoice.number);
  });
});

describe("the migration to per-tenant numbers", () => {
  const migrations = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "prisma", "migrations");
  const MIGRATION = "per_tenant_invoice_numbers";
  let name: string;

  beforeAll(async () => {
    name = `allot_test_migration_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
    await admin((client) => client.query(`CREATE DATABASE "${name}"`));
  });
  afterAll(() => admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)));

  it("renumbers existing invoices per tenant in issue order, and the counters go on from there", async () => {
    const folders = readdirSync(migrations)
      .filter((folder) => /^\d{14}_/.test(folder))
      .sort();
    const target = folders.findIndex((folder) => folder.endsWith(`_${MIGRATION}`));
    expect(target, `a migration named ${MIGRATION}`).toBeGreaterThan(0);
    const apply = (client: pg.Client, folder: string) =>
      client.query(readFileSync(join(migrations, folder, "migration.sql"), "utf8"));

    const client = new pg.Client({ connectionString: databaseUrl(name) });
    await client.connect();
    try {
      for (const folder of folders.slice(0, target)) await apply(client, folder);
      // Two tenants' invoices numbered from the old global sequence, issued interleaved (two at the same instant).
      const [a, b] = [randomUUID(), randomUUID()];
      await client.query(`INSERT INTO "Tenant" (id, name, domain) VALUES ($1, 'A', 'a.test'), ($2, 'B', 'b.test')`, [
        a,
        b,
      ]);
      const issued = [
        [a, "INV-0000000001", "2030-01-01T00:00:00Z"],
        [b, "INV-0000000002", "2030-01-02T00:00:00Z"],
        [a, "INV-0000000004", "2030-01-03T00:00:00Z"],
        [a, "INV-0000000003", "2030-01-03T00:00:00Z"],
        [b, "INV-0000000005", "2030-01-04T00:00:00Z"],
        [a, "INV-0000000006", "2030-01-05T00:00:00Z"],
      ];
      for (const [tenantId, number, at] of issued) {
        await client.query(
          `INSERT INTO "Invoice" (id, "tenantId", number, "totalCents", currency, "issuedAt", "dueAt")
           VALUES (gen_random_uuid(), $1, $2, 100, 'EUR', $3, $3)`,
          [tenantId, number, at],
        );
      }

      await apply(client, folders[target] as string);

      const renumbered = await client.query<{ tenantId: string; number: string }>(
        `SELECT "tenantId", number FROM "Invoice" ORDER BY "issuedAt", number`,
      );
      expect(renumbered.rows.filter((row) => row.tenantId === a).map((row) => row.number)).toEqual([
        "INV-000001",
        "INV-000002",
        "INV-000003",
        "INV-000004",
      ]);
      expect(renumbered.rows.filter((row) => row.tenantId === b).map((row) => row.number)).toEqual([
        "INV-000001",
        "INV-000002",
      ]);
      // Same instant: the old numbers' order decides (INV-…03 before INV-…04).
      const sameInstant = await client.query<{ number: string }>(
        `SELECT number FROM "Invoice" WHERE "tenantId" = $1 AND "issuedAt" = '2030-01-03T00:00:00Z' ORDER BY number`,
        [a],
      );
      expect(sameInstant.rows.map((row) => row.number)).toEqual(["INV-000002", "INV-000003"]);
      // Each tenant's counter goes on from its last number.
      const counters = await client.query<{ tenantId: string; lastNumber: number }>(
        `SELECT "tenantId", "lastNumber" FROM "InvoiceCounter" ORDER BY "lastNumber" DESC`,
      );
      expect(counters.rows).toEqual([
        { tenantId: a, lastNumber: 4 },
        { tenantId: b, lastNumber: 2 },
      ]);
      for (const folder of folders.slice(target + 1)) await apply(client, folder);
    } finally {
      await client.end();
    }
  });
});
