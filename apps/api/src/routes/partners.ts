import {
  partnerRelationshipListSchema,
  partnerRelationshipParamsSchema,
  partnerRelationshipSchema,
  tenantParamsSchema,
  updatePartnerRelationshipRequestSchema,
} from "@allot/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { problemResponses } from "../lib/responses.js";
import { tenantOf } from "../lib/tenant.js";
import { listPartnerRelationships } from "../services/partners/list-relationships.js";
import { setPartnerPrivileges } from "../services/partners/set-privileges.js";
import { setRelationshipEnd } from "../services/partners/set-relationship-end.js";

const tags = ["Partner relationships"];

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
};
