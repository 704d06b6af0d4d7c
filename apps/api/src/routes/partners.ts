import {
  listPartnerCustomersQuerySchema,
  PARTNER_OVERVIEW_CSV_COLUMNS,
  partnerCustomerPageSchema,
  partnerOverviewExportQuerySchema,
  partnerOverviewSchema,
  partnerParamsSchema,
  partnerRelationshipListSchema,
  partnerRelationshipParamsSchema,
  partnerRelationshipSchema,
  tenantParamsSchema,
  updatePartnerRelationshipRequestSchema,
} from "@allot/contracts";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { csvWriter } from "../lib/csv.js";
import { problemResponses } from "../lib/responses.js";
import { actorOf, tenantOf } from "../lib/tenant.js";
import { listPartnerCustomers } from "../services/partners/list-customers.js";
import { listPartnerRelationships } from "../services/partners/list-relationships.js";
import { partnerOverview, partnerOverviewCsvRows } from "../services/partners/overview.js";
import { partnerContext } from "../services/partners/partner-context.js";
import { setPartnerPrivileges } from "../services/partners/set-privileges.js";
import { setRelationshipEnd } from "../services/partners/set-relationship-end.js";

const tags = ["Partner relationships"];
const partnerTags = ["Partner center"];

/** The customer's side of partner access: which partners reach this organization, and ending or reinstating that. */
export const partnerRelationshipRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/api/tenants/:tenantId/partnerRelationships", {
    config: { action: "relationships.manage" },
    schema: {
      tags,
      summary: "List the partners with delegated access, their roles and agents",
      params: tenantParamsSchema,
      response: { 200: partnerRelationshipListSchema, ...problemResponses },
    },
    handler: (request) => listPartnerRelationships(tenantOf(request)),
  });

  app.patch("/api/tenants/:tenantId/partnerRelationships/:relationshipId", {
    config: { action: "relationships.manage" },
    schema: {
      tags,
      summary: "Set or clear the date a partner's access ends by itself",
      params: partnerRelationshipParamsSchema,
      body: updatePartnerRelationshipRequestSchema,
      response: { 200: partnerRelationshipSchema, ...problemResponses },
    },
    handler: (request) => setRelationshipEnd(tenantOf(request), request.params.relationshipId, request.body.endsAt),
  });

  for (const [verb, privileges] of [
    ["removePrivileges", "removed"],
    ["reinstatePrivileges", "reinstated"],
  ] as const) {
    app.post(`/api/tenants/:tenantId/partnerRelationships/:relationshipId/${verb}`, {
      config: { action: "relationships.manage" },
      schema: {
        tags,
        summary:
          privileges === "removed"
            ? "Remove a partner's delegated admin privileges: its agents lose this organization at once"
            : "Reinstate a partner's delegated admin privileges",
        params: partnerRelationshipParamsSchema,
        response: { 200: partnerRelationshipSchema, ...problemResponses },
      },
      handler: (request) => setPartnerPrivileges(tenantOf(request), request.params.relationshipId, privileges),
    });
  }

  const partnerOf = (request: FastifyRequest, partnerTenantId: string) =>
    partnerContext(app.db, actorOf(request), partnerTenantId, app.clock, request.id);

  app.get("/api/partners/:partnerTenantId/customers", {
    schema: {
      tags: partnerTags,
      summary: "A partner's customers by name, with the caller's roles and each customer's licensing at a glance",
      description:
        "The partner's global admin sees every customer; other staff those they hold a delegated role in. " +
        "Keyset-paged with `limit` and `cursor`; `search` matches the name or domain.",
      params: partnerParamsSchema,
      querystring: listPartnerCustomersQuerySchema,
      response: { 200: partnerCustomerPageSchema, ...problemResponses },
    },
    handler: async (request) =>
      listPartnerCustomers(await partnerOf(request, request.params.partnerTenantId), request.query),
  });

  app.get("/api/partners/:partnerTenantId/overview", {
    schema: {
      tags: partnerTags,
      summary: "Per product across the customers: seats bought, assigned and free, and customers in conflict",
      params: partnerParamsSchema,
      response: { 200: partnerOverviewSchema, ...problemResponses },
    },
    handler: async (request) => partnerOverview(await partnerOf(request, request.params.partnerTenantId)),
  });

  app.get("/api/partners/:partnerTenantId/overview/export", {
    schema: {
      tags: partnerTags,
      summary: "Download the cross-customer overview as CSV, one row per product",
      description: `Columns ${PARTNER_OVERVIEW_CSV_COLUMNS.join(", ")}.`,
      params: partnerParamsSchema,
      querystring: partnerOverviewExportQuerySchema,
      produces: ["text/csv", "application/problem+json"],
      response: {
        200: { description: "The overview as a CSV attachment", content: { "text/csv": { schema: z.string() } } },
        ...problemResponses,
      },
    },
    handler: async (request, reply) => {
      const ctx = await partnerOf(request, request.params.partnerTenantId);
      const writer = csvWriter(PARTNER_OVERVIEW_CSV_COLUMNS, request.query.delimiter);
      const day = ctx.clock.now().toISOString().slice(0, 10);
      reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="partner-overview-${day}.csv"`);
      // A HEAD request reads nothing, as the other exports.
      const text = request.method === "HEAD" ? "" : writer.head() + writer.rows(await partnerOverviewCsvRows(ctx));
      return reply.send(text);
    },
  });
};
