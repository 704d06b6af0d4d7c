import {
  billingResultSchema,
  changeSeatsRequestSchema,
  convertTrialRequestSchema,
  listSubscriptionsQuerySchema,
  problemSchema,
  purchaseRequestSchema,
  quoteRequestSchema,
  quoteSchema,
  seatsInUseProblemSchema,
  selfServicePoliciesSchema,
  selfServicePolicySchema,
  selfServicePurchaseRequestSchema,
  skuParamsSchema,
  startTrialRequestSchema,
  subscriptionAssignmentsRequestSchema,
  subscriptionAssignmentsSchema,
  subscriptionDetailsSchema,
  subscriptionParamsSchema,
  subscriptionSchema,
  subscriptionsSchema,
  tenantParamsSchema,
  updateSelfServicePolicyRequestSchema,
  updateSubscriptionRequestSchema,
} from "@allot/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { idempotent } from "../lib/idempotency.js";
import { problemResponses } from "../lib/responses.js";
import { tenantOf } from "../lib/tenant.js";
import { getSubscription, listSubscriptions, quote } from "../services/billing/quote.js";
import {
  changeOwnerAssignments,
  purchaseForSelf,
  selfServicePolicies,
  setSelfServicePolicy,
  subscriptionAssignments,
} from "../services/billing/self-service.js";
import {
  cancel,
  changeSeats,
  convertTrial,
  purchaseSubscription,
  renew,
  takeOver,
  updateSubscription,
} from "../services/billing/subscriptions.js";
import { startTrial } from "../services/billing/trials.js";

const tags = ["Billing"];
const noQuery = z.strictObject({});
/** The Idempotency-Key header every purchase and seat change accepts (documented; read by lib/idempotency). */
const idempotencyHeaders = z.object({
  "idempotency-key": z
    .string()
    .optional()
    .describe("1–255 visible ASCII characters: a retry within 24 h returns the first answer and changes nothing"),
});
const changeResponses = {
  ...problemResponses,
  402: problemSchema,
  409: problemSchema.extend(seatsInUseProblemSchema.partial().shape),
  422: problemSchema,
} as const;
/** No body, or an empty one: clients send either for an action without parameters. */
const bodyOrEmpty = z.strictObject({}).nullish();

export const billingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/api/tenants/:tenantId/subscriptions", {
    config: { action: "billing.read" },
    schema: {
      tags,
      summary: "The tenant's subscriptions with state, term, auto-renew and owner, newest first",
      params: tenantParamsSchema,
      querystring: listSubscriptionsQuerySchema,
      response: { 200: subscriptionsSchema, ...problemResponses },
    },
    handler: (request) => listSubscriptions(tenantOf(request), request.query.includeDeleted),
  });

  app.post("/api/tenants/:tenantId/subscriptions", {
    config: { action: "billing.manage" },
    schema: {
      tags,
      summary: "Buy a subscription: seats of a product for a monthly or annual term, billed now on account",
      params: tenantParamsSchema,
      querystring: noQuery,
      headers: idempotencyHeaders,
      body: purchaseRequestSchema,
      response: { 201: billingResultSchema, ...changeResponses },
    },
    handler: async (request, reply) => {
      await idempotent(request, reply, tenantOf(request), (tx) =>
        purchaseSubscription(tx, tenantOf(request), request.body),
      );
    },
  });

  app.get("/api/tenants/:tenantId/subscriptions/:subscriptionId", {
    schema: {
      tags,
      summary: "A subscription and its orders (billing readers, or the maker who bought it)",
      params: subscriptionParamsSchema,
      querystring: noQuery,
      response: { 200: subscriptionDetailsSchema, ...problemResponses },
    },
    handler: (request) => getSubscription(tenantOf(request), request.params.subscriptionId),
  });

  app.patch("/api/tenants/:tenantId/subscriptions/:subscriptionId", {
    schema: {
      tags,
      summary: "Turn auto-renew on or off",
      params: subscriptionParamsSchema,
      querystring: noQuery,
      body: updateSubscriptionRequestSchema,
      response: { 200: subscriptionSchema, ...changeResponses },
    },
    handler: (request) => {
      const ctx = tenantOf(request);
      return ctx.db.$transaction((tx) => updateSubscription(tx, ctx, request.params.subscriptionId, request.body));
    },
  });

  app.post("/api/tenants/:tenantId/subscriptions/:subscriptionId/changeSeats", {
    schema: {
      tags,
      summary: "Add or remove seats, prorated to the day; below what is assigned: 409 SeatsInUse unless acceptConflict",
      params: subscriptionParamsSchema,
      querystring: noQuery,
      headers: idempotencyHeaders,
      body: changeSeatsRequestSchema,
      response: { 200: billingResultSchema, ...changeResponses },
    },
    handler: async (request, reply) => {
      await idempotent(request, reply, tenantOf(request), (tx) =>
        changeSeats(tx, tenantOf(request), request.params.subscriptionId, request.body),
      );
    },
  });

  const lifecycleRoute = (path: string, summary: string, run: typeof renew, action?: "billing.manage") =>
    app.post(`/api/tenants/:tenantId/subscriptions/:subscriptionId/${path}`, {
      ...(action ? { config: { action } } : {}),
      schema: {
        tags,
        summary,
        params: subscriptionParamsSchema,
        querystring: noQuery,
        headers: idempotencyHeaders,
        body: bodyOrEmpty,
        response: { 200: billingResultSchema, ...changeResponses },
      },
      handler: async (request, reply) => {
        await idempotent(request, reply, tenantOf(request), (tx) =>
          run(tx, tenantOf(request), request.params.subscriptionId),
        );
      },
    });
  lifecycleRoute(
    "renew",
    "Renew: an active subscription renews at its term end; an expired or disabled one is reactivated now",
    renew,
  );
  lifecycleRoute(
    "cancel",
    "Cancel: monthly goes to disabled at once, annual and trials start 30 days of grace; unused days credited",
    cancel,
  );
  lifecycleRoute(
    "takeOver",
    "Take over a maker's self-service subscription so admins can assign its seats",
    takeOver,
    "billing.manage",
  );

  app.post("/api/tenants/:tenantId/subscriptions/:subscriptionId/convert", {
    config: { action: "billing.manage" },
    schema: {
      tags,
      summary: "Convert a trial into a paid subscription, billed now",
      params: subscriptionParamsSchema,
      querystring: noQuery,
      headers: idempotencyHeaders,
      body: convertTrialRequestSchema,
      response: { 200: billingResultSchema, ...changeResponses },
    },
    handler: async (request, reply) => {
      await idempotent(request, reply, tenantOf(request), (tx) =>
        convertTrial(tx, tenantOf(request), request.params.subscriptionId, request.body),
      );
    },
  });

  app.get("/api/tenants/:tenantId/subscriptions/:subscriptionId/assignments", {
    schema: {
      tags,
      summary: "People a self-service subscription's buyer gave its seats to",
      params: subscriptionParamsSchema,
      querystring: noQuery,
      response: { 200: subscriptionAssignmentsSchema, ...problemResponses },
    },
    handler: (request) => subscriptionAssignments(tenantOf(request), request.params.subscriptionId),
  });

  for (const direction of ["assign", "unassign"] as const) {
    app.post(`/api/tenants/:tenantId/subscriptions/:subscriptionId/${direction}Licenses`, {
      schema: {
        tags,
        summary:
          direction === "assign"
            ? "The buyer gives seats of their self-service subscription to people (before a take-over)"
            : "The buyer takes seats of their self-service subscription back",
        params: subscriptionParamsSchema,
        querystring: noQuery,
        body: subscriptionAssignmentsRequestSchema,
        response: { 200: subscriptionAssignmentsSchema, ...changeResponses },
      },
      handler: (request) =>
        changeOwnerAssignments(tenantOf(request), request.params.subscriptionId, request.body.userIds, direction),
    });
  }

  app.post("/api/tenants/:tenantId/billing/quote", {
    schema: {
      tags,
      summary: "What a purchase, seat change, renewal, cancellation or conversion would cost, without making it",
      params: tenantParamsSchema,
      querystring: noQuery,
      body: quoteRequestSchema,
      response: { 200: quoteSchema, ...changeResponses },
    },
    handler: (request) => quote(tenantOf(request), request.body),
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
      await idempotent(request, reply, tenantOf(request), (tx) => startTrial(tx, tenantOf(request), request.body));
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
      await idempotent(request, reply, tenantOf(request), (tx) => purchaseForSelf(tx, tenantOf(request), request.body));
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
    handler: (request) => selfServicePolicies(tenantOf(request)),
  });

  app.put("/api/tenants/:tenantId/selfService/policies/:skuId", {
    config: { action: "billing.manage" },
    schema: {
      tags,
      summary: "Allow or stop self-service purchases of a product; makers then see 'Request from my admin'",
      params: skuParamsSchema,
      querystring: noQuery,
      body: updateSelfServicePolicyRequestSchema,
      response: { 200: selfServicePolicySchema, ...problemResponses },
    },
    handler: (request) => setSelfServicePolicy(tenantOf(request), request.params.skuId, request.body.enabled),
  });
};
