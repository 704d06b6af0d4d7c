import {
  bulkLicenseReportSchema,
  createdUserSchema,
  createUserRequestSchema,
  listUsersQuerySchema,
  memberOfSchema,
  numberedUserPageSchema,
  numberedUsersQuerySchema,
  problemSchema,
  resetPasswordRequestSchema,
  resetPasswordResponseSchema,
  restoredUserSchema,
  tenantParamsSchema,
  USER_IDS_LIMIT,
  updateUserRequestSchema,
  userIdsQuerySchema,
  userIdsSchema,
  userPageSchema,
  userParamsSchema,
  userSchema,
} from "@allot/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { refusePublishedPassword } from "../lib/published-password.js";
import { budgetResponses, problemResponses } from "../lib/responses.js";
import { tenantOf } from "../lib/tenant.js";
import { createUser, previewCreateUser } from "../services/users/create-user.js";
import { deleteUser } from "../services/users/delete-user.js";
import { getUser } from "../services/users/get-user.js";
import { listNumberedUsers } from "../services/users/list-numbered-users.js";
import { listUserIds, listUsers } from "../services/users/list-users.js";
import { memberOf } from "../services/users/member-of.js";
import { resetPassword } from "../services/users/reset-password.js";
import { restoreUser } from "../services/users/restore-user.js";
import { updateUser } from "../services/users/update-user.js";

const tags = ["Users"];

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/api/tenants/:tenantId/users", {
    config: { action: "directory.read" },
    schema: {
      tags,
      summary: "List users: search by name or email, filter, keyset paging",
      params: tenantParamsSchema,
      querystring: listUsersQuerySchema,
      response: { 200: userPageSchema, ...problemResponses },
    },
    handler: (request) => listUsers(tenantOf(request), request.query),
  });

  app.get("/api/tenants/:tenantId/users/paged", {
    config: { action: "directory.read" },
    schema: {
      tags,
      summary: "List live users by name in numbered pages with the total (First / Previous / Next / Last)",
      description:
        "For people paging a directory; scripts should page `GET /users` by cursor, whose cost does not grow with " +
        "the page number. `page` past the last page gives an empty `items`.",
      params: tenantParamsSchema,
      querystring: numberedUsersQuerySchema,
      response: { 200: numberedUserPageSchema, ...problemResponses },
    },
    handler: (request) => listNumberedUsers(tenantOf(request), request.query),
  });

  app.get("/api/tenants/:tenantId/users/ids", {
    config: { action: "directory.read" },
    schema: {
      tags,
      summary: `Ids of every user matching the list's filters (at most ${USER_IDS_LIMIT}), for a bulk change`,
      params: tenantParamsSchema,
      querystring: userIdsQuerySchema,
      response: { 200: userIdsSchema, ...problemResponses },
    },
    handler: (request) => listUserIds(tenantOf(request), request.query),
  });

  app.post("/api/tenants/:tenantId/users", {
    config: { action: "users.manage" },
    schema: {
      tags,
      summary: "Create a user, with licenses in the same step (all or nothing); dryRun: preview only",
      params: tenantParamsSchema,
      body: createUserRequestSchema,
      response: {
        200: bulkLicenseReportSchema,
        201: createdUserSchema,
        ...problemResponses,
        409: problemSchema,
        422: problemSchema,
      },
    },
    handler: async (request, reply) => {
      refusePublishedPassword(app.config.env, request.body.password, "body.password");
      if (request.body.dryRun) return reply.code(200).send(await previewCreateUser(tenantOf(request), request.body));
      return reply.code(201).send(await createUser(tenantOf(request), request.body));
    },
  });

  app.get("/api/tenants/:tenantId/users/:userId", {
    config: { action: "directory.read" },
    schema: {
      tags,
      summary: "Read a user",
      params: userParamsSchema,
      response: { 200: userSchema, ...problemResponses },
    },
    handler: (request) => getUser(tenantOf(request), request.params.userId),
  });

  app.patch("/api/tenants/:tenantId/users/:userId", {
    config: { action: "users.manage" },
    schema: {
      tags,
      summary: "Edit a user's name, usage location or sign-in",
      params: userParamsSchema,
      body: updateUserRequestSchema,
      response: { 200: userSchema, ...problemResponses, 409: problemSchema },
    },
    handler: (request) => updateUser(tenantOf(request), request.params.userId, request.body),
  });

  app.delete("/api/tenants/:tenantId/users/:userId", {
    config: { action: "users.manage" },
    schema: {
      tags,
      summary: "Delete a user (restorable for 30 days); frees its licenses",
      params: userParamsSchema,
      response: { 204: z.null(), ...problemResponses, 409: problemSchema },
    },
    handler: async (request, reply) => {
      await deleteUser(tenantOf(request), request.params.userId);
      return reply.code(204).send(null);
    },
  });

  app.post("/api/tenants/:tenantId/users/:userId/restore", {
    config: { action: "users.manage" },
    schema: {
      tags,
      summary: "Restore a deleted user; licenses come back where seats are free",
      params: userParamsSchema,
      response: { 200: restoredUserSchema, ...problemResponses, 409: problemSchema, 410: problemSchema },
    },
    handler: (request) => restoreUser(tenantOf(request), request.params.userId),
  });

  app.post("/api/tenants/:tenantId/users/:userId/resetPassword", {
    config: { action: "users.resetPassword", budget: "passwordResets" },
    schema: {
      tags,
      summary: "Reset a user's password",
      params: userParamsSchema,
      // No body at all (null to Fastify) asks for a generated password, as the contract says.
      body: resetPasswordRequestSchema.nullish(),
      response: { 200: resetPasswordResponseSchema, ...problemResponses, 409: problemSchema, ...budgetResponses },
    },
    handler: (request) => {
      refusePublishedPassword(app.config.env, request.body?.password, "body.password");
      return resetPassword(tenantOf(request), request.params.userId, request.body ?? {});
    },
  });

  app.get("/api/tenants/:tenantId/users/:userId/memberOf", {
    config: { action: "directory.read" },
    schema: {
      tags,
      summary: "Groups the user is a member of",
      params: userParamsSchema,
      response: { 200: memberOfSchema, ...problemResponses },
    },
    handler: (request) => memberOf(tenantOf(request), request.params.userId),
  });
};
