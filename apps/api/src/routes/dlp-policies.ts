import { dlpPoliciesSchema, putDlpPoliciesRequestSchema, tenantParamsSchema } from "@allot/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { problemResponses } from "../lib/responses.js";
import { tenantOf } from "../lib/tenant.js";
import { listDlpPolicies } from "../services/power-platform/list-dlp-policies.js";
import { putDlpPolicies } from "../services/power-platform/put-dlp-policies.js";

const tags = ["Power Platform: DLP policies"];
const noQuery = z.strictObject({});

export const dlpPolicyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/api/tenants/:tenantId/dlpPolicies", {
    config: { action: "powerPlatform.manage" },
    schema: {
      tags,
      summary: "The organisation's data loss prevention policies, and the flows they suspend",
      params: tenantParamsSchema,
      querystring: noQuery,
      response: { 200: dlpPoliciesSchema, ...problemResponses },
    },
    handler: (request) => listDlpPolicies(tenantOf(request)),
  });

  app.put("/api/tenants/:tenantId/dlpPolicies", {
    config: { action: "powerPlatform.manage" },
    schema: {
      tags,
      summary: "Replace the whole set of DLP policies; flows they break are suspended, flows that comply run again",
      description:
        "Connectors not named by a policy are Non-business. 400 ValidationFailed for unknown connectors, a connector " +
        "in two groups of one policy, or two policies of one name; 404 for an environment not of the organisation.",
      params: tenantParamsSchema,
      querystring: noQuery,
      body: putDlpPoliciesRequestSchema,
      response: { 200: dlpPoliciesSchema, ...problemResponses },
    },
    handler: (request) => putDlpPolicies(tenantOf(request), request.body),
  });
};
