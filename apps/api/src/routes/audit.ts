import {
  AUDIT_CSV_COLUMNS,
  AUDIT_EXPORT_MAX_ROWS,
  auditExportQuerySchema,
  auditPageSchema,
  listAuditQuerySchema,
  tenantParamsSchema,
} from "@allot/contracts";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { CSV_FORMAT } from "../lib/csv.js";
import { budgetResponses, problemResponses } from "../lib/responses.js";
import { tenantOf } from "../lib/tenant.js";
import { exportAuditLog } from "../services/audit/export-audit.js";
import { listAuditEvents } from "../services/audit/list-audit.js";

const tags = ["Audit"];

const FILTERS =
  "Filters (all optional, combined with AND): `actorUserId` (who did it), `action` (exact action codes, " +
  "comma-separated, at most 20), `userId` (events whose target is that user), `skuId` (events that touched the " +
  "product with that Microsoft skuId; an unknown skuId answers 404), `from` (inclusive) and `to` (exclusive), " +
  "ISO 8601 date-times with an offset (`Z` or `+01:00`, the `+` sent as `%2B`).";

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/api/tenants/:tenantId/auditLog", {
    config: { action: "audit.read", readReplica: true },
    schema: {
      tags,
      summary: "Audit events of the tenant, newest first",
      description: `${FILTERS} Keyset-paged with \`limit\` and \`cursor\`.`,
      params: tenantParamsSchema,
      querystring: listAuditQuerySchema,
      response: { 200: auditPageSchema, ...problemResponses },
    },
    handler: (request) => listAuditEvents(tenantOf(request), request.query),
  });

  app.get("/api/tenants/:tenantId/auditLog/export", {
    config: { action: "audit.read", budget: "exports", readReplica: true },
    schema: {
      tags,
      summary: "Download the audit events as CSV, newest first",
      description:
        `${FILTERS} Answers a CSV file with the columns ${AUDIT_CSV_COLUMNS.join(", ")}; ` +
        `at most ${AUDIT_EXPORT_MAX_ROWS.toLocaleString("en")} rows. \`before\` and \`after\` are JSON text, ` +
        `\`productIds\` space-separated. ${CSV_FORMAT}`,
      params: tenantParamsSchema,
      querystring: auditExportQuerySchema,
      produces: ["text/csv", "application/problem+json"],
      response: {
        200: {
          description: "The audit events as a CSV attachment",
          content: { "text/csv": { schema: z.string() } },
        },
        ...problemResponses,
        ...budgetResponses,
      },
    },
    handler: async (request, reply) => {
      const file = await exportAuditLog(tenantOf(request), request.query);
      // The body streams (the zod schema above documents it; Fastify never serialises a stream).
      const untyped: FastifyReply = reply;
      untyped.type("text/csv; charset=utf-8").header("content-disposition", `attachment; filename="${file.fileName}"`);
      return request.method === "HEAD" ? untyped.send() : untyped.send(await file.open());
    },
  });
};
