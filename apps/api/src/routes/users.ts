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
  USER_EXPORT_COLUMNS,
  USER_EXPORT_MAX_ROWS,
  USER_IDS_LIMIT,
  updateUserRequestSchema,
  userExportQuerySchema,
  userIdsQuerySchema,
  userIdsSchema,
  userPageSchema,
  userParamsSchema,
  userSchema,
} from "@allot/contracts";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { CSV_FORMAT } from "../lib/csv.js";
import { refusePublishedPassword } from "../lib/published-password.js";
import { budgetResponses, problemResponses } from "../lib/responses.js";
import { tenantOf } from "../lib/tenant.js";
import { createUser, previewCreateUser } from "../services/users/create-user.js";
import { deleteUser } from "../services/users/delete-user.js";
import { exportUsers } from "../services/users/export-users.js";
import { getUser } from "../services/users/get-user.js";
import { listNumberedUsers } from "../services/users/list-numbered-users.js";
import { listUserIds, listUsers } from "../services/users/list-users.js";
import { memberOf } from "../services/users/member-of.js";
import { resetPassword } from "../services/users/reset-password.js";
import { restoreUser } from "../services/users/restore-user.js";
import { updateUser } from "../services/users/update-user.js";

const tags = ["Users"];

const LIST_FILTERS =
  "Filters (all optional, combined with AND): `search` (part of the name or email), `type` (member or guest), " +
  "`role`, `licensed`, `deleted`, `skuId` (holders of that product; an unknown skuId answers 404), and the " +
  "directory fields `department`, `jobTitle`, `officeLocation` and `city` (each an exact match ignoring letter " +
  "case) and `country` (an ISO 3166-1 alpha-2 code).";

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/api/tenants/:tenantId/users", {
    config: { action: "directory.read", readReplica: true },
    schema: {
      tags,
      summary: "List users: search by name or email, filter, keyset paging",
      description: `${LIST_FILTERS} Keyset-paged with \`limit\` and \`cursor\`.`,
      params: tenantParamsSchema,
      querystring: listUsersQuerySchema,
      response: { 200: userPageSchema, ...problemResponses },
    },
    handler: (request) => listUsers(tenantOf(request), request.query),
  });

  app.get("/api/tenants/:tenantId/users/paged", {
    config: { action: "directory.read", readReplica: true },
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
    config: { action: "directory.read", readReplica: true },
    schema: {
      tags,
      summary: `Ids of every user matching the list's filters (at most ${USER_IDS_LIMIT}), for a bulk change`,
      description: LIST_FILTERS,
      params: tenantParamsSchema,
      querystring: userIdsQuerySchema,
      response: { 200: userIdsSchema, ...problemResponses },
    },
    handler: (request) => listUserIds(tenantOf(request), request.query),
  });

  app.get("/api/tenants/:tenantId/users/export", {
    config: { action: "directory.read", budget: "exports", readReplica: true },
    schema: {
      tags,
      summary: "Export users: the users matching the list's filters as CSV, by name",
      description:
        `${LIST_FILTERS} Answers a CSV file with the columns ${USER_EXPORT_COLUMNS.join(", ")}: the English ` +
        'headers of Microsoft\'s "Add multiple users" template (so the file re-imports as one), then the ' +
        "account. Countries and usage locations as ISO codes, `User type` Member or Guest, `Sign-in allowed` Yes " +
        "or No, `Licenses` the skuPartNumbers joined by `+`, times in UTC ISO 8601. At most " +
        `${USER_EXPORT_MAX_ROWS.toLocaleString("en")} rows. ${CSV_FORMAT}`,
      params: tenantParamsSchema,
      querystring: userExportQuerySchema,
      produces: ["text/csv", "application/problem+json"],
      response: {
        200: { description: "The users as a CSV attachment", content: { "text/csv": { schema: z.string() } } },
        ...problemResponses,
        ...budgetResponses,
      },
    },
    handler: async (request, reply) => {
      const file = await exportUsers(tenantOf(request), request.query);
      // The body streams (the zod schema above documents it; Fastify never serialises a stream).
      const untyped: FastifyReply = reply;
      untyped.type("text/csv; charset=utf-8").header("content-disposition", `attachment; filename="${file.fileName}"`);
      return request.method === "HEAD" ? untyped.send() : untyped.send(await file.open());
    },
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
      summary: "Edit a user's name, usage location, sign-in or directory fields (null clears one)",
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
