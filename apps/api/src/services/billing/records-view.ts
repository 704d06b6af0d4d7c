import type { Invoice, Order } from "@allot/contracts";
import { Prisma, type SqlTx } from "@allot/db";

type Reader = Pick<SqlTx, "$queryRaw">;

interface OrderRow {
  id: string;
  kind: Order["kind"];
  status: Order["status"];
  subscriptionId: string | null;
  skuId: string;
  skuPartNumber: string;
  productName: string;
  seatsDelta: number;
  amountCents: number;
  currency: string;
  paymentProvider: string;
  placedById: string | null;
  placedByName: string | null;
  createdAt: Date;
  invoiceId: string | null;
  invoiceNumber: string | null;
}

export interface RecordFilter {
  ids?: readonly string[];
  subscriptionId?: string;
  /** Keyset: rows strictly before this (createdAt, id), newest first. */
  before?: { at: Date; id: string };
  take?: number;
}

function orderConditions(tenantId: string, filter: RecordFilter) {
  const conditions = [Prisma.sql`o."tenantId" = ${tenantId}::uuid`];
  if (filter.ids) conditions.push(Prisma.sql`o.id = ANY(${[...filter.ids]}::uuid[])`);
  if (filter.subscriptionId) conditions.push(Prisma.sql`o."subscriptionId" = ${filter.subscriptionId}::uuid`);
  if (filter.before)
    conditions.push(Prisma.sql`(o."createdAt", o.id) < (${filter.before.at}, ${filter.before.id}::uuid)`);
  return Prisma.join(conditions, " AND ");
}

/** Orders as the API shows them, newest first, each with the invoice that bills it (if any). */
export async function loadOrders(db: Reader, tenantId: string, filter: RecordFilter = {}): Promise<Order[]> {
  const rows = await db.$queryRaw<OrderRow[]>`
    SELECT o.id::text AS id, o.kind::text AS kind, o.status::text AS status, o."subscriptionId"::text AS "subscriptionId",
           p."skuId"::text AS "skuId", p."skuPartNumber", p."displayName" AS "productName", o."seatsDelta",
           o."amountCents", o.currency, o."paymentProvider", u.id::text AS "placedById",
           u."displayName" AS "placedByName", o."createdAt", i.id::text AS "invoiceId", i.number AS "invoiceNumber"
      FROM "Order" o
      JOIN "Product" p ON p.id = o."productId"
      LEFT JOIN "User" u ON u.id = o."placedByUserId"
      LEFT JOIN LATERAL (
        SELECT inv.id, inv.number FROM "InvoiceLine" l JOIN "Invoice" inv ON inv.id = l."invoiceId"
         WHERE l."orderId" = o.id ORDER BY inv."issuedAt" LIMIT 1) i ON true
     WHERE ${orderConditions(tenantId, filter)}
     ORDER BY o."createdAt" DESC, o.id DESC
     ${filter.take ? Prisma.sql`LIMIT ${filter.take}` : Prisma.empty}`;
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    status: row.status,
    subscriptionId: row.subscriptionId,
    skuId: row.skuId,
    skuPartNumber: row.skuPartNumber,
    productName: row.productName,
    seatsDelta: row.seatsDelta,
    amountCents: row.amountCents,
    currency: row.currency,
    paymentProvider: row.paymentProvider,
    placedBy: row.placedById ? { id: row.placedById, displayName: row.placedByName ?? "" } : null,
    createdAt: row.createdAt.toISOString(),
    invoiceId: row.invoiceId,
    invoiceNumber: row.invoiceNumber,
  }));
}

interface InvoiceRow {
  id: string;
  number: string;
  status: Invoice["status"];
  totalCents: number;
  currency: string;
  issuedAt: Date;
  dueAt: Date;
  lines: Array<{
    orderId: string | null;
    description: string;
    quantity: number;
    unitPriceCents: number;
    amountCents: number;
    periodStart: string;
    periodEnd: string;
  }>;
}

/** Invoices with their lines, newest first. `subscriptionId`: invoices with a line for one of its orders. */
export async function loadInvoices(db: Reader, tenantId: string, filter: RecordFilter = {}): Promise<Invoice[]> {
  const conditions = [Prisma.sql`i."tenantId" = ${tenantId}::uuid`];
  if (filter.ids) conditions.push(Prisma.sql`i.id = ANY(${[...filter.ids]}::uuid[])`);
  if (filter.subscriptionId) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "InvoiceLine" l JOIN "Order" o ON o.id = l."orderId"
                                        WHERE l."invoiceId" = i.id AND o."subscriptionId" = ${filter.subscriptionId}::uuid)`);
  }
  if (filter.before)
    conditions.push(Prisma.sql`(i."issuedAt", i.id) < (${filter.before.at}, ${filter.before.id}::uuid)`);
  const rows = await db.$queryRaw<InvoiceRow[]>`
    SELECT i.id::text AS id, i.number, i.status::text AS status, i."totalCents", i.currency, i."issuedAt", i."dueAt",
           COALESCE((SELECT jsonb_agg(jsonb_build_object(
                       'orderId', l."orderId", 'description', l.description, 'quantity', l.quantity,
                       'unitPriceCents', l."unitPriceCents", 'amountCents', l."amountCents",
                       'periodStart', to_char(l."periodStart" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                       'periodEnd', to_char(l."periodEnd" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
                       ORDER BY l."periodStart", l.id)
                       FROM "InvoiceLine" l WHERE l."invoiceId" = i.id), '[]'::jsonb) AS lines
      FROM "Invoice" i
     WHERE ${Prisma.join(conditions, " AND ")}
     ORDER BY i."issuedAt" DESC, i.id DESC
     ${filter.take ? Prisma.sql`LIMIT ${filter.take}` : Prisma.empty}`;
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    status: row.status,
    totalCents: row.totalCents,
    currency: row.currency,
    issuedAt: row.issuedAt.toISOString(),
    dueAt: row.dueAt.toISOString(),
    lines: row.lines,
  }));
}
