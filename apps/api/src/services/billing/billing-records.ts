import type { Readable } from "node:stream";
import type { CsvDelimiter, Invoice, Order } from "@allot/contracts";
import { AppError, notFound } from "../../lib/app-error.js";
import { type CsvCell, CsvNumber, csvStream } from "../../lib/csv.js";
import { decodeCursor, keysetPage } from "../../lib/cursor.js";
import type { TenantContext } from "../../types.js";
import { loadInvoices, loadOrders, type RecordFilter } from "./records-view.js";

export interface BillingListQuery {
  cursor?: string | undefined;
  limit: number;
  subscriptionId?: string | undefined;
}

/** Rows read per query while a CSV streams, and the most rows one export holds. */
export const RECORDS_EXPORT_PAGE_SIZE = 1_000;
export const RECORDS_EXPORT_MAX_ROWS = 100_000;

export const ORDER_CSV_COLUMNS = [
  "orderId",
  "createdAt",
  "kind",
  "status",
  "skuPartNumber",
  "productName",
  "seatsDelta",
  "amount",
  "amountCents",
  "currency",
  "paymentProvider",
  "placedBy",
  "invoiceNumber",
  "subscriptionId",
] as const;

export const INVOICE_CSV_COLUMNS = [
  "number",
  "issuedAt",
  "dueAt",
  "status",
  "description",
  "periodStart",
  "periodEnd",
  "quantity",
  "unitPrice",
  "unitPriceCents",
  "amount",
  "amountCents",
  "currency",
] as const;

/** The filter of a list or export: `subscriptionId` must name a subscription of the tenant (else 404). */
async function filterOf(ctx: TenantContext, subscriptionId: string | undefined): Promise<RecordFilter> {
  if (subscriptionId === undefined) return {};
  const subscription = await ctx.db.subscription.findFirst({
    where: { id: subscriptionId, tenantId: ctx.tenantId },
    select: { id: true },
  });
  if (!subscription) {
    throw new AppError("NotFound", "Subscription was not found.", {
      errors: [{ path: "querystring.subscriptionId", message: "is not a subscription of this organisation" }],
    });
  }
  return { subscriptionId };
}

function before(cursor: string | undefined): Pick<RecordFilter, "before"> {
  if (!cursor) return {};
  const [at, id] = decodeCursor(cursor, ["datetime", "uuid"]) as [string, string];
  return { before: { at: new Date(at), id } };
}

/** Orders, newest first, keyset-paged; optionally those of one subscription. */
export async function listOrders(ctx: TenantContext, query: BillingListQuery) {
  const filter = await filterOf(ctx, query.subscriptionId);
  const rows = await loadOrders(ctx.db, ctx.tenantId, { ...filter, ...before(query.cursor), take: query.limit + 1 });
  const page = keysetPage(rows, query.limit, (order) => [order.createdAt, order.id]);
  return { items: page.rows, nextCursor: page.nextCursor };
}

export async function getOrder(ctx: TenantContext, orderId: string): Promise<Order> {
  const [order] = await loadOrders(ctx.db, ctx.tenantId, { ids: [orderId] });
  if (!order) throw notFound("Order");
  return order;
}

/** Invoices with their lines, newest first, keyset-paged; optionally those billing one subscription. */
export async function listInvoices(ctx: TenantContext, query: BillingListQuery) {
  const filter = await filterOf(ctx, query.subscriptionId);
  const rows = await loadInvoices(ctx.db, ctx.tenantId, { ...filter, ...before(query.cursor), take: query.limit + 1 });
  const page = keysetPage(rows, query.limit, (invoice) => [invoice.issuedAt, invoice.id]);
  return { items: page.rows, nextCursor: page.nextCursor };
}

export async function getInvoice(ctx: TenantContext, invoiceId: string): Promise<Invoice> {
  const [invoice] = await loadInvoices(ctx.db, ctx.tenantId, { ids: [invoiceId] });
  if (!invoice) throw notFound("Invoice");
  return invoice;
}

/** Integer cents as decimal text: 6550 → "65.50", -1230 → "-12.30". */
export function centsToDecimal(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** An amount with two decimals in the currency, 6550 → 65.50: a number to spreadsheets, never a formula. */
const amount = (cents: number) => new CsvNumber(centsToDecimal(cents));

function orderCells(order: Order): CsvCell[] {
  return [
    order.id,
    order.createdAt,
    order.kind,
    order.status,
    order.skuPartNumber,
    order.productName,
    order.seatsDelta,
    amount(order.amountCents),
    order.amountCents,
    order.currency,
    order.paymentProvider,
    order.placedBy?.displayName ?? null,
    order.invoiceNumber,
    order.subscriptionId,
  ];
}

/** One row per invoice line; an invoice without lines still gets a row (its total as the amount). */
function invoiceRows(invoice: Invoice): CsvCell[][] {
  const head = [invoice.number, invoice.issuedAt, invoice.dueAt, invoice.status] as const;
  if (invoice.lines.length === 0) {
    return [
      [...head, null, null, null, null, null, null, amount(invoice.totalCents), invoice.totalCents, invoice.currency],
    ];
  }
  return invoice.lines.map((item) => [
    ...head,
    item.description,
    item.periodStart,
    item.periodEnd,
    item.quantity,
    amount(item.unitPriceCents),
    item.unitPriceCents,
    amount(item.amountCents),
    item.amountCents,
    invoice.currency,
  ]);
}

export interface RecordsExport {
  fileName: string;
  /** The CSV text, header row first, newest first; the first page is read before the stream is handed out. */
  open(): Promise<Readable>;
}

/** `orders-contoso.test-2025-01-31.csv`: the tenant's domain (its id if the domain holds odd characters) and the day. */
async function fileName(ctx: TenantContext, kind: "orders" | "invoices"): Promise<string> {
  const tenant = await ctx.db.tenant.findUnique({ where: { id: ctx.tenantId }, select: { domain: true } });
  const domain = tenant?.domain;
  const name = domain && /^[A-Za-z0-9.-]{1,200}$/.test(domain) ? domain : ctx.tenantId;
  return `${kind}-${name}-${ctx.clock.now().toISOString().slice(0, 10)}.csv`;
}

/**
 * Walks a record list in keyset pages while the client downloads (back-pressure pauses reading), up to
 * RECORDS_EXPORT_MAX_ROWS records.
 */
function exportOf<T extends { id: string }>(
  header: readonly string[],
  delimiter: CsvDelimiter,
  read: (after: { at: Date; id: string } | undefined, take: number) => Promise<T[]>,
  keyOf: (record: T) => string,
  toRows: (record: T) => CsvCell[][],
): RecordsExport["open"] {
  return async () => {
    const first = await read(undefined, RECORDS_EXPORT_PAGE_SIZE);
    async function* pages(): AsyncGenerator<CsvCell[][]> {
      let rows = first;
      let written = 0;
      let asked = RECORDS_EXPORT_PAGE_SIZE;
      for (;;) {
        yield rows.flatMap(toRows);
        written += rows.length;
        const last = rows.at(-1);
        if (last === undefined || rows.length < asked || written >= RECORDS_EXPORT_MAX_ROWS) return;
        asked = Math.min(RECORDS_EXPORT_PAGE_SIZE, RECORDS_EXPORT_MAX_ROWS - written);
        rows = await read({ at: new Date(keyOf(last)), id: last.id }, asked);
      }
    }
    return csvStream(header, delimiter, pages());
  };
}

export interface RecordsExportQuery {
  subscriptionId?: string | undefined;
  delimiter: CsvDelimiter;
}

/** Every order (or those of one subscription) as CSV, one row per order. */
export async function exportOrders(ctx: TenantContext, query: RecordsExportQuery): Promise<RecordsExport> {
  const filter = await filterOf(ctx, query.subscriptionId);
  return {
    fileName: await fileName(ctx, "orders"),
    open: exportOf(
      ORDER_CSV_COLUMNS,
      query.delimiter,
      (after, take) => loadOrders(ctx.db, ctx.tenantId, { ...filter, ...(after ? { before: after } : {}), take }),
      (order) => order.createdAt,
      (order) => [orderCells(order)],
    ),
  };
}

/** Every invoice (or those billing one subscription) as CSV, one row per invoice line. */
export async function exportInvoices(ctx: TenantContext, query: RecordsExportQuery): Promise<RecordsExport> {
  const filter = await filterOf(ctx, query.subscriptionId);
  return {
    fileName: await fileName(ctx, "invoices"),
    open: exportOf(
      INVOICE_CSV_COLUMNS,
      query.delimiter,
      (after, take) => loadInvoices(ctx.db, ctx.tenantId, { ...filter, ...(after ? { before: after } : {}), take }),
      (invoice) => invoice.issuedAt,
      invoiceRows,
    ),
  };
}
