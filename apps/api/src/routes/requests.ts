import {
  approveLicenseRequestSchema,
  createLicenseRequestSchema,
  denyLicenseRequestSchema,
  licenseRequestPageSchema,
  licenseRequestParamsSchema,
  licenseRequestSchema,
  listLicenseRequestsQuerySchema,
  problemSchema,
  tenantParamsSchema,
} from "@allot/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { problemResponses } from "../lib/responses.js";
import { tenantOf } from "../lib/tenant.js";
import { approveLicenseRequest } from "../services/requests/approve-request.js";
import { cancelLicenseRequest } from "../services/requests/cancel-request.js";
import { createLicenseRequest } from "../services/requests/create-request.js";
import { denyLicenseRequest } from "../services/requests/deny-request.js";
import { listLicenseRequests } from "../services/requests/list-requests.js";

const tags = ["License requests"];
const noQuery = z.strictObject({});
const conflictResponses = { ...problemResponses, 409: problemSchema } as const;

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

  app.post("/api/tenants/:tenantId/licenseRequests", {
    config: { action: "requests.create" },
    schema: {
      tags,
      summary: "Ask the organization's admins for a license (one pending request per product)",
      description:
        "409 DuplicateRequest when a request of yours for the product is still pending, 409 AlreadyAssigned when " +
        "you hold the product already; 404 for an unknown skuId. Only people of the organization can ask it.",
      params: tenantParamsSchema,
      querystring: noQuery,
      body: createLicenseRequestSchema,
      response: { 201: licenseRequestSchema, ...conflictResponses },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await createLicenseRequest(tenantOf(request), request.body)),
  });

  app.post("/api/tenants/:tenantId/licenseRequests/:requestId/approve", {
    config: { action: "requests.approve" },
    schema: {
      tags,
      summary: "Approve a pending request: assigns the license asked for, or the product given in skuId",
      description:
        "The license is assigned like assignLicense (your role's rules apply); when it cannot be (CountViolation: no " +
        "seat free, …) the answer is that problem and the request stays pending. A requester who already holds the " +
        "product directly with the same plans is approved without a change. 409 RequestNotPending once decided.",
      params: licenseRequestParamsSchema,
      querystring: noQuery,
      body: approveLicenseRequestSchema,
      response: { 200: licenseRequestSchema, ...conflictResponses, 422: problemSchema },
    },
    handler: (request) => approveLicenseRequest(tenantOf(request), request.params.requestId, request.body),
  });

  app.post("/api/tenants/:tenantId/licenseRequests/:requestId/deny", {
    config: { action: "requests.approve" },
    schema: {
      tags,
      summary: "Deny a pending request, with the reason the requester reads",
      params: licenseRequestParamsSchema,
      querystring: noQuery,
      body: denyLicenseRequestSchema,
      response: { 200: licenseRequestSchema, ...conflictResponses },
    },
    handler: (request) => denyLicenseRequest(tenantOf(request), request.params.requestId, request.body),
  });

  app.post("/api/tenants/:tenantId/licenseRequests/:requestId/cancel", {
    schema: {
      tags,
      summary: "Withdraw your own pending request (others' requests answer 404)",
      params: licenseRequestParamsSchema,
      querystring: noQuery,
      response: { 200: licenseRequestSchema, ...conflictResponses },
    },
    handler: (request) => cancelLicenseRequest(tenantOf(request), request.params.requestId),
  });
};
