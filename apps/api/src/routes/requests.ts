import { licenseRequestPageSchema, listLicenseRequestsQuerySchema, tenantParamsSchema } from "@allot/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { problemResponses } from "../lib/responses.js";
import { tenantOf } from "../lib/tenant.js";
import { listLicenseRequests } from "../services/requests/list-requests.js";

const tags = ["License requests"];

export const requestRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/api/tenants/:tenantId/licenseRequests", {
    config: { action: "requests.approve" },
    schema: {
      tags,
      summary: "License requests from people in the organization, newest first, with the total for the filter",
      params: tenantParamsSchema,
      querystring: listLicenseRequestsQuerySchema,
      response: { 200: licenseRequestPageSchema, ...problemResponses },
    },
    handler: (request) => listLicenseRequests(tenantOf(request), request.query),
  });
};
