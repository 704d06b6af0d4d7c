import { auditPageSchema, listAuditQuerySchema, tenantParamsSchema } from "@allot/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { problemResponses } from "../lib/responses.js";
import { tenantOf } from "../lib/tenant.js";
import { listAuditEvents } from "../services/audit/list-audit.js";

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/api/tenants/:tenantId/auditLog", {
    config: { action: "audit.read" },
    schema: {
      tags: ["Audit"],
      summary: "Audit events of the tenant, newest first",
      params: tenantParamsSchema,
      querystring: listAuditQuerySchema,
      response: { 200: auditPageSchema, ...problemResponses },
    },
    handler: (request) => listAuditEvents(tenantOf(request), request.query),
  });
};
