import {
  billingExportQuerySchema,
  billingListQuerySchema,
  invoicePageSchema,
  invoiceParamsSchema,
  invoiceSchema,
  orderPageSchema,
  orderParamsSchema,
  orderSchema,
  tenantParamsSchema,
} from "@allot/contracts";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { CSV_FORMAT } from "../lib/csv.js";
import { budgetResponses, problemResponses } from "../lib/responses.js";
import { tenantOf } from "../lib/tenant.js";
import {
  exportInvoices,
  exportOrders,
  getInvoice,
  getOrder,
  INVOICE_CSV_COLUMNS,
  listInvoices,
  listOrders,
  ORDER_CSV_COLUMNS,
  RECORDS_EXPORT_MAX_ROWS,
  type RecordsExport,
} from "../services/billing/billing-records.js";

const tags = ["Billing"];
const noQuery = z.strictObject({});
const csvResponse = (what: string) => ({
  200: { description: `The ${what} as a CSV attachment`, content: { "text/csv": { schema: z.string() } } },
  ...problemResponses,
  ...budgetResponses,
});
const CSV_NOTES =
  `Header row first, newest first, at most ${RECORDS_EXPORT_MAX_ROWS.toLocaleString("en")} rows. Amounts twice: ` +
  "decimal numbers in the currency (65.50, a credit -12.30) and integer cents. Optional `subscriptionId`. " +
  CSV_FORMAT;

/** Streams a CSV export as an attachment, like the audit log's (a HEAD request reads nothing). */
async function sendCsv(method: string, reply: FastifyReply, file: RecordsExport) {
  reply.type("text/csv; charset=utf-8").header("content-disposition", `attachment; filename="${file.fileName}"`);
  return method === "HEAD" ? reply.send() : reply.send(await file.open());
}

export const billingRecordRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/api/tenants/:tenantId/orders", {
    config: { action: "billing.read" },
    schema: {
      tags,
      summary: "Orders (purchases, seat changes, renewals, trials, cancellations), newest first",
      description: "Keyset-paged with `limit` and `cursor`; `subscriptionId` for one subscription's orders.",
      params: tenantParamsSchema,
      querystring: billingListQuerySchema,
      response: { 200: orderPageSchema, ...problemResponses },
    },
    handler: (request) => listOrders(tenantOf(request), request.query),
  });

  app.get("/api/tenants/:tenantId/orders/export", {
    config: { action: "billing.read", budget: "exports" },
    schema: {
      tags,
      summary: "Download the orders as CSV, one row per order",
      description: `Columns ${ORDER_CSV_COLUMNS.join(", ")}. ${CSV_NOTES}`,
      params: tenantParamsSchema,
      querystring: billingExportQuerySchema,
      produces: ["text/csv", "application/problem+json"],
      response: csvResponse("orders"),
    },
    handler: async (request, reply) =>
      sendCsv(request.method, reply, await exportOrders(tenantOf(request), request.query)),
  });

  app.get("/api/tenants/:tenantId/orders/:orderId", {
    config: { action: "billing.read" },
    schema: {
      tags,
      summary: "One order, with the invoice that bills it",
      params: orderParamsSchema,
      querystring: noQuery,
      response: { 200: orderSchema, ...problemResponses },
    },
    handler: (request) => getOrder(tenantOf(request), request.params.orderId),
  });

  app.get("/api/tenants/:tenantId/invoices", {
    config: { action: "billing.read" },
    schema: {
      tags,
      summary: "Invoices with their lines, newest first",
      description: "Keyset-paged with `limit` and `cursor`; `subscriptionId` for invoices billing that subscription.",
      params: tenantParamsSchema,
      querystring: billingListQuerySchema,
      response: { 200: invoicePageSchema, ...problemResponses },
    },
    handler: (request) => listInvoices(tenantOf(request), request.query),
  });

  app.get("/api/tenants/:tenantId/invoices/export", {
    config: { action: "billing.read", budget: "exports" },
    schema: {
      tags,
      summary: "Download the invoices as CSV, one row per invoice line",
      description: `Columns ${INVOICE_CSV_COLUMNS.join(", ")}. ${CSV_NOTES}`,
      params: tenantParamsSchema,
      querystring: billingExportQuerySchema,
      produces: ["text/csv", "application/problem+json"],
      response: csvResponse("invoices"),
    },
    handler: async (request, reply) =>
      sendCsv(request.method, reply, await exportInvoices(tenantOf(request), request.query)),
  });

  app.get("/api/tenants/:tenantId/invoices/:invoiceId", {
    config: { action: "billing.read" },
    schema: {
      tags,
      summary: "One invoice with its lines",
      params: invoiceParamsSchema,
      querystring: noQuery,
      response: { 200: invoiceSchema, ...problemResponses },
    },
    handler: (request) => getInvoice(tenantOf(request), request.params.invoiceId),
  });
};
