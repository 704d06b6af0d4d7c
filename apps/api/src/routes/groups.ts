import {
  addGroupMembersRequestSchema,
  createGroupRequestSchema,
  cursorQuery,
  groupMemberParamsSchema,
  groupPageSchema,
  groupParamsSchema,
  groupSchema,
  listGroupsQuerySchema,
  problemSchema,
  tenantParamsSchema,
  updateGroupRequestSchema,
  userPageSchema,
} from "@allot/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { problemResponses } from "../lib/responses.js";
import { tenantOf } from "../lib/tenant.js";
import { createGroup, deleteGroup, getGroup, listGroups, updateGroup } from "../services/groups/groups.js";
import { addMembers, listMembers, removeMember } from "../services/groups/members.js";

const tags = ["Groups"];

export const groupRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/api/tenants/:tenantId/groups", {
    config: { action: "directory.read" },
    schema: {
      tags,
      summary: "List groups",
      params: tenantParamsSchema,
      querystring: listGroupsQuerySchema,
      response: { 200: groupPageSchema, ...problemResponses },
    },
    handler: (request) => listGroups(tenantOf(request), request.query),
  });

  app.post("/api/tenants/:tenantId/groups", {
    config: { action: "groups.manage" },
    schema: {
      tags,
      summary: "Create a group",
      params: tenantParamsSchema,
      body: createGroupRequestSchema,
      response: { 201: groupSchema, ...problemResponses, 409: problemSchema },
    },
    handler: async (request, reply) => reply.code(201).send(await createGroup(tenantOf(request), request.body)),
  });

  app.get("/api/tenants/:tenantId/groups/:groupId", {
    config: { action: "directory.read" },
    schema: {
      tags,
      summary: "Read a group",
      params: groupParamsSchema,
      response: { 200: groupSchema, ...problemResponses },
    },
    handler: (request) => getGroup(tenantOf(request), request.params.groupId),
  });

  app.patch("/api/tenants/:tenantId/groups/:groupId", {
    config: { action: "groups.manage" },
    schema: {
      tags,
      summary: "Rename a group or change its description",
      params: groupParamsSchema,
      body: updateGroupRequestSchema,
      response: { 200: groupSchema, ...problemResponses, 409: problemSchema },
    },
    handler: (request) => updateGroup(tenantOf(request), request.params.groupId, request.body),
  });

  app.delete("/api/tenants/:tenantId/groups/:groupId", {
    config: { action: "groups.manage" },
    schema: {
      tags,
      summary: "Delete a group",
      params: groupParamsSchema,
      response: { 204: z.null(), ...problemResponses },
    },
    handler: async (request, reply) => {
      await deleteGroup(tenantOf(request), request.params.groupId);
      return reply.code(204).send(null);
    },
  });

  app.get("/api/tenants/:tenantId/groups/:groupId/members", {
    config: { action: "directory.read" },
    schema: {
      tags,
      summary: "List a group's members",
      params: groupParamsSchema,
      querystring: z.strictObject(cursorQuery),
      response: { 200: userPageSchema, ...problemResponses },
    },
    handler: (request) => listMembers(tenantOf(request), request.params.groupId, request.query),
  });

  app.post("/api/tenants/:tenantId/groups/:groupId/members", {
    config: { action: "groups.manage" },
    schema: {
      tags,
      summary: "Add members (all or nothing)",
      params: groupParamsSchema,
      body: addGroupMembersRequestSchema,
      response: { 204: z.null(), ...problemResponses, 409: problemSchema },
    },
    handler: async (request, reply) => {
      await addMembers(tenantOf(request), request.params.groupId, request.body.userIds);
      return reply.code(204).send(null);
    },
  });

  app.delete("/api/tenants/:tenantId/groups/:groupId/members/:userId", {
    config: { action: "groups.manage" },
    schema: {
      tags,
      summary: "Remove a member",
      params: groupMemberParamsSchema,
      response: { 204: z.null(), ...problemResponses },
    },
    handler: async (request, reply) => {
      await removeMember(tenantOf(request), request.params.groupId, request.params.userId);
      return reply.code(204).send(null);
    },
  });
};
