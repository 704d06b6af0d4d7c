import { graphCollection, graphCompanySubscriptionSchema, graphSubscribedSkuSchema } from "@allot/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { tenantOf } from "../../lib/tenant.js";
import { graphCompanySubscriptions, graphSubscribedSku, graphSubscribedSkus } from "../../services/graph/graph-skus.js";
import { odataContext } from "./graph-request.js";
import { odataQuerySchema, refuseUnsupported } from "./odata-query.js";

const tags = ["Graph: licensing"];

/** subscribedSkus and directory/subscriptions: what the organization bought, as Graph describes it. */
export const graphSkuRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/graph/v1.0/subscribedSkus", {
    // Graph: Organization.Read.All or Directory.Read.All (billing.read), or LicenseAssignment.ReadWrite.All.
    config: { action: ["billing.read", "licenses.assign"] },
    schema: {
      tags,
      summary: "The products the organization subscribes to, with seats bought and consumed",
      querystring: odataQuerySchema,
      response: { 200: graphCollection(graphSubscribedSkuSchema) },
    },
    handler: async (request) => {
      refuseUnsupported(request.query, []);
      return {
        "@odata.context": odataContext(request, "subscribedSkus"),
        value: await graphSubscribedSkus(tenantOf(request)),
      };
    },
  });

  app.get("/graph/v1.0/subscribedSkus/:id", {
    config: { action: ["billing.read", "licenses.assign"] },
    schema: {
      tags,
      summary: "One subscribed product by its id ({tenantId}_{skuId})",
      params: z.strictObject({ id: z.string().max(100) }),
      querystring: odataQuerySchema,
      response: { 200: graphSubscribedSkuSchema.extend({ "@odata.context": z.string() }) },
    },
    handler: async (request) => {
      refuseUnsupported(request.query, []);
      const sku = await graphSubscribedSku(tenantOf(request), request.params.id);
      return { "@odata.context": odataContext(request, "subscribedSkus/$entity"), ...sku };
    },
  });

  app.get("/graph/v1.0/directory/subscriptions", {
    config: { action: "billing.read" },
    schema: {
      tags,
      summary: "The organization's subscriptions (Graph companySubscription)",
      querystring: odataQuerySchema,
      response: { 200: graphCollection(graphCompanySubscriptionSchema) },
    },
    handler: async (request) => {
      refuseUnsupported(request.query, []);
      return {
        "@odata.context": odataContext(request, "directory/subscriptions"),
        value: await graphCompanySubscriptions(tenantOf(request)),
      };
    },
  });
};
