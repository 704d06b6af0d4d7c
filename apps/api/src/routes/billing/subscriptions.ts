import {
  billingResultSchema,
  changeSeatsRequestSchema,
  convertTrialRequestSchema,
  listSubscriptionsQuerySchema,
  purchaseRequestSchema,
  subscriptionAssignmentsRequestSchema,
  subscriptionAssignmentsSchema,
  subscriptionDetailsSchema,
  subscriptionParamsSchema,
  subscriptionSchema,
  subscriptionsSchema,
  tenantParamsSchema,
  updateSubscriptionRequestSchema,
} from "@allot/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { idempotentRequestOf, sendRemembered } from "../../lib/idempotency.js";
import { problemResponses } from "../../lib/responses.js";
import { tenantOf } from "../../lib/tenant.js";
import { buySubscription } from "../../services/billing/buy-subscription.js";
import { cancelSubscription } from "../../services/billing/cancel-subscription.js";
import { changeSeats } from "../../services/billing/change-seats.js";
import { convertTrial } from "../../services/billing/convert-trial.js";
import { getSubscription } from "../../services/billing/get-subscription.js";
import { giveOutSeats } from "../../services/billing/give-out-seats.js";
import { listSubscriptionAssignments } from "../../services/billing/list-subscription-assignments.js";
import { listSubscriptions } from "../../services/billing/list-subscriptions.js";
import { renewSubscription } from "../../services/billing/renew-subscription.js";
import { setAutoRenew } from "../../services/billing/set-auto-renew.js";
import { takeOverSubscription } from "../../services/billing/take-over-subscription.js";
import { bodyOrEmpty, changeResponses, idempotencyHeaders, noQuery, tags } from "./schemas.js";

/** A tenant's subscriptions: buying one, reading them, and every change to one. */
export const subscriptionRoutes: FastifyPluginAsyncZod = async (app) => {
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
    config: { action: ["billing.manage", "powerPlatform.buy"] },
    schema: {
      tags,
      summary: "Buy a subscription: seats of a product for a monthly or annual term, billed now on account",
      description:
        "A Power Platform admin (powerPlatform.buy without billing.manage) buys Power Platform products only.",
      params: tenantParamsSchema,
      querystring: noQuery,
      headers: idempotencyHeaders,
      body: purchaseRequestSchema,
      response: { 201: billingResultSchema, ...changeResponses },
    },
    handler: async (request, reply) => {
      const key = idempotentRequestOf(request, 201);
      await sendRemembered(reply, 201, await buySubscription(tenantOf(request), request.body, key));
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
    handler: (request) => setAutoRenew(tenantOf(request), request.params.subscriptionId, request.body),
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
      const key = idempotentRequestOf(request, 200);
      const answer = await changeSeats(tenantOf(request), request.params.subscriptionId, request.body, key);
      await sendRemembered(reply, 200, answer);
    },
  });

  const lifecycleRoute = (path: string, summary: string, run: typeof renewSubscription, action?: "billing.manage") =>
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
        const key = idempotentRequestOf(request, 200);
        await sendRemembered(reply, 200, await run(tenantOf(request), request.params.subscriptionId, key));
      },
    });
  lifecycleRoute(
    "renew",
    "Renew: an active subscription renews at its term end; an expired or disabled one is reactivated now",
    renewSubscription,
  );
  lifecycleRoute(
    "cancel",
    "Cancel: monthly goes to disabled at once, annual and trials start 30 days of grace; unused days credited",
    cancelSubscription,
  );
  lifecycleRoute(
    "takeOver",
    "Take over a maker's self-service subscription so admins can assign its seats",
    takeOverSubscription,
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
      const key = idempotentRequestOf(request, 200);
      const answer = await convertTrial(tenantOf(request), request.params.subscriptionId, request.body, key);
      await sendRemembered(reply, 200, answer);
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
    handler: (request) => listSubscriptionAssignments(tenantOf(request), request.params.subscriptionId),
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
        giveOutSeats(tenantOf(request), request.params.subscriptionId, request.body.userIds, direction),
    });
  }
};
