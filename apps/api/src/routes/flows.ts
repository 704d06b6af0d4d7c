import {
  capacityNotAvailableProblemSchema,
  connectorListSchema,
  createFlowRequestSchema,
  dlpViolationProblemSchema,
  environmentParamsSchema,
  flowListSchema,
  flowParamsSchema,
  flowSchema,
  runCheckRequestSchema,
  runCheckSchema,
  tenantParamsSchema,
  updateFlowRequestSchema,
} from "@allot/contracts";
import { type Action, CONNECTORS } from "@allot/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { problemResponses } from "../lib/responses.js";
import { tenantOf } from "../lib/tenant.js";
import { checkRun } from "../services/power-platform/check-flow-run.js";
import { createFlow } from "../services/power-platform/create-flow.js";
import { getFlow } from "../services/power-platform/get-flow.js";
import { listFlows } from "../services/power-platform/list-flows.js";
import { updateFlow } from "../services/power-platform/update-flow.js";

const tags = ["Power Platform: flows"];
const noQuery = z.strictObject({});
/** Makers (their own flows) and Power Platform admins (every flow). */
const FLOWS: readonly Action[] = ["flows.create", "powerPlatform.manage"];

export const flowRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/api/tenants/:tenantId/connectors", {
    config: { action: FLOWS },
    schema: {
      tags,
      summary: "The connectors flows can use, standard or premium (premium ones need a premium license or capacity)",
      params: tenantParamsSchema,
      querystring: noQuery,
      response: { 200: connectorListSchema, ...problemResponses },
    },
    handler: async () => ({ items: CONNECTORS.map((connector) => ({ ...connector })) }),
  });

  app.get("/api/tenants/:tenantId/environments/:environmentId/flows", {
    config: { action: FLOWS },
    schema: {
      tags,
      summary: "The environment's flows: every flow for Power Platform admins, makers' own and co-owned flows",
      params: environmentParamsSchema,
      querystring: noQuery,
      response: { 200: flowListSchema, ...problemResponses },
    },
    handler: (request) => listFlows(tenantOf(request), request.params.environmentId),
  });

  app.post("/api/tenants/:tenantId/environments/:environmentId/flows", {
    config: { action: FLOWS },
    schema: {
      tags,
      summary: "Create a flow, on its owner's license: the caller's own, or (Power Platform admins) someone else's",
      description:
        "400 ValidationFailed for connectors not in the catalog and co-owners who are not people of the " +
        "organisation (with their paths); 422 DlpViolation (extension `violations`) when the connectors break a DLP " +
        "policy of the environment or the tenant. A partner's agent must name the owner (ownerUserId).",
      params: environmentParamsSchema,
      querystring: noQuery,
      body: createFlowRequestSchema,
      response: { 201: flowSchema, ...problemResponses, 422: dlpViolationProblemSchema },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await createFlow(tenantOf(request), request.params.environmentId, request.body)),
  });

  app.get("/api/tenants/:tenantId/flows/:flowId", {
    config: { action: FLOWS },
    schema: {
      tags,
      summary: "One flow (404 for a maker who neither owns nor co-owns it)",
      params: flowParamsSchema,
      querystring: noQuery,
      response: { 200: flowSchema, ...problemResponses },
    },
    handler: (request) => getFlow(tenantOf(request), request.params.flowId),
  });

  app.patch("/api/tenants/:tenantId/flows/:flowId", {
    config: { action: FLOWS },
    schema: {
      tags,
      summary: "Edit a flow or switch the license that pays for it (owner, co-owners and Power Platform admins)",
      description:
        "licenseMode process or perFlow takes an unused unit of that add-on allocated to the flow's environment: 409 " +
        "CapacityNotAvailable (extension: shortfall, flows, machines) when there is none — allocate capacity to the " +
        "environment first. Back to owner frees the unit. Saved connectors are checked against the DLP policies " +
        "(422 DlpViolation) and lift a DLP suspension. 403 for people who may not edit the flow.",
      params: flowParamsSchema,
      querystring: noQuery,
      body: updateFlowRequestSchema,
      response: {
        200: flowSchema,
        ...problemResponses,
        409: capacityNotAvailableProblemSchema,
        422: dlpViolationProblemSchema,
      },
    },
    handler: (request) => updateFlow(tenantOf(request), request.params.flowId, request.body),
  });

  app.post("/api/tenants/:tenantId/flows/:flowId/runChecks", {
    config: { action: FLOWS },
    schema: {
      tags,
      summary: "Whether a person of the organisation may run the flow, and which license pays",
      description:
        "allowed: false with code LicenseRequired names in `missing` the products any one of which would let them " +
        "(or DlpViolation for a flow a DLP policy suspended). 404 when runAsUserId is not a person of the organisation.",
      params: flowParamsSchema,
      querystring: noQuery,
      body: runCheckRequestSchema,
      response: { 200: runCheckSchema, ...problemResponses },
    },
    handler: (request) => checkRun(tenantOf(request), request.params.flowId, request.body.runAsUserId),
  });
};
