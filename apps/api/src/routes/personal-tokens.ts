import {
  createdPersonalTokenSchema,
  createPersonalTokenSchema,
  personalTokenListSchema,
  personalTokenParamsSchema,
  problemSchema,
} from "@allot/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../lib/tenant.js";
import { createPersonalToken, listPersonalTokens, revokePersonalToken } from "../services/me/personal-tokens.js";

const tags = ["Personal access tokens"];
const responses = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema } as const;
/** Tokens are made and revoked by the person in a session: a token cannot make another one. */
const config = { sessionOnly: true } as const;

export const personalTokenRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/api/me/tokens", {
    config,
    schema: {
      tags,
      summary: "List my personal access tokens (never their text)",
      response: { 200: personalTokenListSchema, ...responses },
    },
    handler: async (request) => ({ tokens: await listPersonalTokens(app.db, actorOf(request)) }),
  });

  app.post("/api/me/tokens", {
    config,
    schema: {
      tags,
      summary: "Make a personal access token with a subset of my rights, for at most 90 days; shown once",
      body: createPersonalTokenSchema,
      response: { 201: createdPersonalTokenSchema, ...responses },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await createPersonalToken(app.db, actorOf(request), request.body, request.id)),
  });

  app.delete("/api/me/tokens/:tokenId", {
    config,
    schema: {
      tags,
      summary: "Revoke one of my personal access tokens",
      params: personalTokenParamsSchema,
      response: { 204: z.null(), ...responses },
    },
    handler: async (request, reply) => {
      await revokePersonalToken(app.db, actorOf(request), request.params.tokenId, request.id);
      return reply.code(204).send(null);
    },
  });
};
