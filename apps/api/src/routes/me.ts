import { myLicensesSchema, peopleQuerySchema, peopleSchema, pricingSchema, tenantParamsSchema } from "@allot/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { problemResponses } from "../lib/responses.js";
import { tenantOf } from "../lib/tenant.js";
import { pricing } from "../services/billing/pricing.js";
import { myLicenses } from "../services/me/my-licenses.js";
import { searchPeople } from "../services/users/people.js";

const noQuery = z.strictObject({});

/**
 * What every signed-in person of a tenant may read, whatever their role: their own licenses, the pricing page and
 * the people picker. No `action`: reaching the tenant is enough (own tenant only for the personal ones).
 */
export const meRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/api/tenants/:tenantId/me/licenses", {
    schema: {
      tags: ["My account"],
      summary: "My licenses: what I hold (state, groups, apps on), trials, my requests and self-service purchases",
      description: "Your own organization only: elsewhere (a partner's customer) it answers 404.",
      params: tenantParamsSchema,
      querystring: noQuery,
      response: { 200: myLicensesSchema, ...problemResponses },
    },
    handler: (request) => myLicenses(tenantOf(request)),
  });

  app.get("/api/tenants/:tenantId/pricing", {
    schema: {
      tags: ["Billing"],
      summary: "Every product with its price and plans, and what you can do about it (trial, buy, licensed, requested)",
      params: tenantParamsSchema,
      querystring: noQuery,
      response: { 200: pricingSchema, ...problemResponses },
    },
    handler: (request) => pricing(tenantOf(request)),
  });

  app.get("/api/tenants/:tenantId/people", {
    schema: {
      tags: ["Users"],
      summary: "People picker: live users whose name or email contains `search`, by name (id, name and email only)",
      description: "Open to everyone in the organization (makers too); your own organization only. limit 1–20.",
      params: tenantParamsSchema,
      querystring: peopleQuerySchema,
      response: { 200: peopleSchema, ...problemResponses },
    },
    handler: (request) => searchPeople(tenantOf(request), request.query),
  });
};
