import { tenantParamsSchema, trialSignUpRequestSchema, trialSignUpSchema } from "@allot/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { problemResponses } from "../lib/responses.js";
import { tenantOf } from "../lib/tenant.js";
import { signUpForTrial } from "../services/power-platform/sign-up-trial.js";

const noQuery = z.strictObject({});

/**
 * Power Automate's trial sign-up: any person of the tenant may start it for themself (no `action`: reaching the
 * tenant is enough; a partner's agent is refused by the use case, as it is not one of the organization's people).
 */
export const trialRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post("/api/tenants/:tenantId/trials/powerAutomate/signUp", {
    schema: {
      tags: ["My account"],
      summary: "Start the free 90-day Power Automate trial for yourself: for your organization (default) or just you",
      description:
        "For the organization, the first sign-up gives the tenant 10,000 free trial licenses and you one of them; " +
        "each license ends 90 days after it was assigned. As an individual, the trial is yours alone and the admin " +
        "center does not show it. 403 TrialSignUpDisabled when admins turned sign-up off.",
      params: tenantParamsSchema,
      querystring: noQuery,
      body: trialSignUpRequestSchema,
      response: { 201: trialSignUpSchema, ...problemResponses },
    },
    handler: async (request, reply) => {
      reply.code(201);
      return signUpForTrial(tenantOf(request), request.body);
    },
  });
};
