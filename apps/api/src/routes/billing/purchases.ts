import {
  billingResultSchema,
  quoteRequestSchema,
  quoteSchema,
  selfServicePoliciesSchema,
  selfServicePolicySchema,
  selfServicePurchaseRequestSchema,
  skuParamsSchema,
  startTrialRequestSchema,
  tenantParamsSchema,
  updateSelfServicePolicyRequestSchema,
} from "@allot/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { idempotentRequestOf, sendRemembered } from "../../lib/idempotency.js";
import { problemResponses } from "../../lib/responses.js";
import { tenantOf } from "../../lib/tenant.js";
import { buyForSelf } from "../../services/billing/buy-for-self.js";
import { listSelfServicePolicies } from "../../services/billing/list-self-service-policies.js";
import { quoteChange } from "../../services/billing/quote-change.js";
import { setSelfServicePolicy } from "../../services/billing/set-self-service-policy.js";
import { startTrial } from "../../services/billing/start-trial.js";
import { changeResponses, idempotencyHeaders, noQuery, tags } from "./schemas.js";

/** Quotes, free trials, and makers' self-service purchases with the policy that allows them. */
export const purchaseRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post("/api/tenants/:tenantId/billing/quote", {
    schema: {
      tags,
      summary: "What a purchase, seat change, renewal, cancellation or conversion would cost, without making it",
      params: tenantParamsSchema,
      querystring: noQuery,
      body: quoteRequestSchema,
      response: { 200: quoteSchema, ...changeResponses },
    },
    handler: (request) => quoteChange(tenantOf(request), request.body),
  });

  app.post("/api/tenants/:tenantId/trials", {
    config: { action: "billing.manage" },
    schema: {
      tags,
      summary: "Start a free trial: 25 seats for the product's trial length (90 days), once per product",
      params: tenantParamsSchema,
      querystring: noQuery,
      headers: idempotencyHeaders,
      body: startTrialRequestSchema,
      response: { 201: billingResultSchema, ...changeResponses },
    },
    handler: async (request, reply) => {
      const key = idempotentRequestOf(request, 201);
      await sendRemembered(reply, 201, await startTrial(tenantOf(request), request.body, key));
    },
  });

  app.post("/api/tenants/:tenantId/selfService/purchases", {
    config: { action: "billing.selfServicePurchase" },
    schema: {
      tags,
      summary: "A maker buys a subscription for themself with a card (test provider); they own it",
      params: tenantParamsSchema,
      querystring: noQuery,
      headers: idempotencyHeaders,
      body: selfServicePurchaseRequestSchema,
      response: { 201: billingResultSchema, ...changeResponses },
    },
    handler: async (request, reply) => {
      const key = idempotentRequestOf(request, 201);
      await sendRemembered(reply, 201, await buyForSelf(tenantOf(request), request.body, key));
    },
  });

  app.get("/api/tenants/:tenantId/selfService/policies", {
    config: { action: "billing.read" },
    schema: {
      tags,
      summary: "Per product: whether makers may buy it themselves (AllowSelfServicePurchase)",
      params: tenantParamsSchema,
      querystring: noQuery,
      response: { 200: selfServicePoliciesSchema, ...problemResponses },
    },
    handler: (request) => listSelfServicePolicies(tenantOf(request)),
  });

  app.put("/api/tenants/:tenantId/selfService/policies/:skuId", {
    config: { action: "billing.manage" },
    schema: {
      tags,
      summary:
        "Allow or stop self-service purchases of a product (makers then see 'Request from my admin'), or trial sign-ups",
      params: skuParamsSchema,
      querystring: noQuery,
      body: updateSelfServicePolicyRequestSchema,
      response: { 200: selfServicePolicySchema, ...problemResponses },
    },
    handler: (request) => setSelfServicePolicy(tenantOf(request), request.params.skuId, request.body),
  });
};
