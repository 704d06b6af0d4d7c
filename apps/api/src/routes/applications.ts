import {
  applicationListSchema,
  applicationParamsSchema,
  applicationSchema,
  applicationSecretParamsSchema,
  createApplicationSchema,
  createdApplicationSchema,
  createdSecretSchema,
  createSecretSchema,
  tenantParamsSchema,
  updateApplicationSchema,
} from "@allot/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { problemResponses } from "../lib/responses.js";
import { tenantOf } from "../lib/tenant.js";
import { createSecret, deleteSecret } from "../services/applications/application-secrets.js";
import { createApplication } from "../services/applications/create-application.js";
import { deleteApplication } from "../services/applications/delete-application.js";
import { listApplications } from "../services/applications/list-applications.js";
import { updateApplication } from "../services/applications/update-application.js";

const tags = ["App registrations"];
/** A global admin in a session: a token cannot register apps or make their secrets (see services/me). */
const config = { action: "applications.manage", sessionOnly: true } as const;

export const applicationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/api/tenants/:tenantId/applications", {
    config,
    schema: {
      tags,
      summary: "List the app registrations, each with its client secrets (never their text)",
      params: tenantParamsSchema,
      response: { 200: applicationListSchema, ...problemResponses },
    },
    handler: async (request) => ({ applications: await listApplications(tenantOf(request)) }),
  });

  app.post("/api/tenants/:tenantId/applications", {
    config,
    schema: {
      tags,
      summary: "Register an app with Graph application permissions",
      params: tenantParamsSchema,
      body: createApplicationSchema,
      response: { 201: createdApplicationSchema, ...problemResponses },
    },
    handler: async (request, reply) => {
      const { id, appId, displayName, permissions } = await createApplication(tenantOf(request), request.body);
      return reply.code(201).send({ id, appId, displayName, permissions });
    },
  });

  app.patch("/api/tenants/:tenantId/applications/:applicationId", {
    config,
    schema: {
      tags,
      summary: "Rename an app, change its permissions, or disable it (its tokens follow at once)",
      params: applicationParamsSchema,
      body: updateApplicationSchema,
      response: { 200: applicationSchema, ...problemResponses },
    },
    handler: (request) => updateApplication(tenantOf(request), request.params.applicationId, request.body),
  });

  app.delete("/api/tenants/:tenantId/applications/:applicationId", {
    config,
    schema: {
      tags,
      summary: "Delete an app and its secrets; its tokens are refused from the next request",
      params: applicationParamsSchema,
      response: { 204: z.null(), ...problemResponses },
    },
    handler: async (request, reply) => {
      await deleteApplication(tenantOf(request), request.params.applicationId);
      return reply.code(204).send(null);
    },
  });

  app.post("/api/tenants/:tenantId/applications/:applicationId/secrets", {
    config,
    schema: {
      tags,
      summary: "Add a client secret: the answer is the only time its text is shown",
      params: applicationParamsSchema,
      body: createSecretSchema,
      response: { 201: createdSecretSchema, ...problemResponses },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await createSecret(tenantOf(request), request.params.applicationId, request.body)),
  });

  app.delete("/api/tenants/:tenantId/applications/:applicationId/secrets/:secretId", {
    config,
    schema: {
      tags,
      summary: "Remove a client secret; tokens issued with it are refused from the next request",
      params: applicationSecretParamsSchema,
      response: { 204: z.null(), ...problemResponses },
    },
    handler: async (request, reply) => {
      await deleteSecret(tenantOf(request), request.params.applicationId, request.params.secretId);
      return reply.code(204).send(null);
    },
  });
};
