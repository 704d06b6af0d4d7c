import {
  assignLicenseRequestSchema,
  graphCollection,
  graphCreateGroupSchema,
  graphGroupSchema,
  graphReferenceSchema,
  graphUserSchema,
  idInputSchema,
} from "@allot/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { tenantOf } from "../../lib/tenant.js";
import {
  addGraphMember,
  assignGraphGroupLicense,
  createGraphGroup,
  getGraphGroup,
  listGraphGroups,
  removeGraphMember,
} from "../../services/graph/graph-groups.js";
import { listGraphMembers } from "../../services/graph/list-graph-members.js";
import { odataContext, originOf } from "./graph-request.js";
import { unknownSkuIsBadRequest } from "./license-errors.js";
import { nextLink, odataQuerySchema, refuseUnsupported, topOf } from "./odata-query.js";

const tags = ["Graph: groups"];
const groupParams = z.strictObject({ groupId: idInputSchema });
const memberParams = z.strictObject({ groupId: idInputSchema, memberId: idInputSchema });
/** A group with the properties `$select` named (id always). */
const selectedGroup = graphGroupSchema.partial().extend({ id: graphGroupSchema.shape.id });

export const graphGroupRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/graph/v1.0/groups", {
    config: { action: "directory.read" },
    schema: {
      tags,
      summary: "The organization's groups ($select, $top, paged with @odata.nextLink)",
      querystring: odataQuerySchema,
      response: { 200: graphCollection(selectedGroup) },
    },
    handler: async (request) => {
      refuseUnsupported(request.query, ["$select", "$top", "$skiptoken"]);
      const page = await listGraphGroups(tenantOf(request), {
        top: topOf(request.query, 100, 999),
        skipToken: request.query.$skiptoken,
        select: request.query.$select,
      });
      return {
        "@odata.context": odataContext(request, "groups"),
        value: page.value,
        "@odata.nextLink": nextLink(originOf(request), request.url, page.nextSkipToken),
      };
    },
  });

  app.post("/graph/v1.0/groups", {
    config: { action: "groups.manage" },
    schema: {
      tags,
      summary:
        "Create a security group (Graph's body: displayName, mailEnabled false, mailNickname, securityEnabled true)",
      querystring: odataQuerySchema,
      body: graphCreateGroupSchema,
      response: { 201: selectedGroup.extend({ "@odata.context": z.string() }) },
    },
    handler: async (request, reply) => {
      refuseUnsupported(request.query, []);
      const group = await createGraphGroup(tenantOf(request), request.body);
      return reply.code(201).send({ "@odata.context": odataContext(request, "groups/$entity"), ...group });
    },
  });

  app.get("/graph/v1.0/groups/:groupId", {
    config: { action: "directory.read" },
    schema: {
      tags,
      summary: "A group; $select=assignedLicenses for its licenses",
      params: groupParams,
      querystring: odataQuerySchema,
      response: { 200: selectedGroup.extend({ "@odata.context": z.string() }) },
    },
    handler: async (request) => {
      refuseUnsupported(request.query, ["$select"]);
      const group = await getGraphGroup(tenantOf(request), request.params.groupId, request.query.$select);
      return { "@odata.context": odataContext(request, "groups/$entity"), ...group };
    },
  });

  app.get("/graph/v1.0/groups/:groupId/members", {
    config: { action: "directory.read" },
    schema: {
      tags,
      summary: "The group's members (users, as directoryObjects), paged with @odata.nextLink",
      params: groupParams,
      querystring: odataQuerySchema,
      response: { 200: graphCollection(graphUserSchema.extend({ "@odata.type": z.string() })) },
    },
    handler: async (request) => {
      refuseUnsupported(request.query, ["$top", "$skiptoken"]);
      const page = await listGraphMembers(tenantOf(request), request.params.groupId, {
        top: topOf(request.query, 100, 999),
        skipToken: request.query.$skiptoken,
      });
      return {
        "@odata.context": odataContext(request, "directoryObjects"),
        value: page.value,
        "@odata.nextLink": nextLink(originOf(request), request.url, page.nextSkipToken),
      };
    },
  });

  app.post("/graph/v1.0/groups/:groupId/members/$ref", {
    config: { action: "groups.manage" },
    schema: {
      tags,
      summary: 'Add a member: {"@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/{id}"}',
      params: groupParams,
      querystring: odataQuerySchema,
      body: graphReferenceSchema,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      refuseUnsupported(request.query, []);
      await addGraphMember(tenantOf(request), request.params.groupId, request.body["@odata.id"]);
      return reply.code(204).send(null);
    },
  });

  app.delete("/graph/v1.0/groups/:groupId/members/:memberId/$ref", {
    config: { action: "groups.manage" },
    schema: {
      tags,
      summary: "Remove a member",
      params: memberParams,
      querystring: odataQuerySchema,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      refuseUnsupported(request.query, []);
      await removeGraphMember(tenantOf(request), request.params.groupId, request.params.memberId);
      return reply.code(204).send(null);
    },
  });

  app.post("/graph/v1.0/groups/:groupId/assignLicense", {
    config: { action: "licenses.assign" },
    schema: {
      tags,
      summary: "Add and remove the group's licenses; members inherit them at once",
      params: groupParams,
      querystring: odataQuerySchema,
      body: assignLicenseRequestSchema,
      response: { 200: selectedGroup.extend({ "@odata.context": z.string() }) },
    },
    handler: async (request) => {
      refuseUnsupported(request.query, []);
      const group = await unknownSkuIsBadRequest(() =>
        assignGraphGroupLicense(tenantOf(request), request.params.groupId, request.body),
      );
      return { "@odata.context": odataContext(request, "groups/$entity"), ...group };
    },
  });
};
