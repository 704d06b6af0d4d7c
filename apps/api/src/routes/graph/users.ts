import {
  assignLicenseRequestSchema,
  graphCollection,
  graphCreateUserSchema,
  graphLicenseDetailsSchema,
  graphUpdateUserSchema,
  graphUserSchema,
} from "@allot/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { parseUserQuery, parseUsersQuery } from "../../graph/odata/users-query.js";
import { tenantOf } from "../../lib/tenant.js";
import { createGraphUser } from "../../services/graph/create-graph-user.js";
import { getGraphUser } from "../../services/graph/get-graph-user.js";
import { userUpdateOf } from "../../services/graph/graph-directory-fields.js";
import { graphLicenseDetails } from "../../services/graph/graph-license-details.js";
import { listGraphUsers } from "../../services/graph/list-graph-users.js";
import { resolveUserRef } from "../../services/graph/user-ref.js";
import { reprocessUserLicenses } from "../../services/licenses/reprocess-user.js";
import { assignUserLicenses } from "../../services/licenses/user-licenses.js";
import { deleteUser } from "../../services/users/delete-user.js";
import { updateUser } from "../../services/users/update-user.js";
import { odataContext, originOf } from "./graph-request.js";
import { unknownSkuIsBadRequest } from "./license-errors.js";
import { nextLink, odataQuerySchema, refuseUnsupported } from "./odata-query.js";

const tags = ["Graph: users"];
/** `{id | userPrincipalName}`, as Graph addresses a user. */
const userParams = z.strictObject({ user: z.string().min(1).max(254) });
const userEntity = graphUserSchema.extend({ "@odata.context": z.string() });

export const graphUserRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/graph/v1.0/users", {
    config: { action: "directory.read" },
    schema: {
      tags,
      summary: "The organization's users: $select, $top (≤ 999), $filter, $orderby=displayName, $count with paging",
      description:
        "$filter: userType, usageLocation, accountEnabled (eq/ne), startswith(displayName|userPrincipalName,'…'), " +
        "assignedLicenses/any(x:x/skuId eq <guid>), with and/or/not. $count=true needs ConsistencyLevel: eventual.",
      querystring: odataQuerySchema,
      headers: z.object({ consistencylevel: z.string().optional() }),
      response: { 200: graphCollection(graphUserSchema) },
    },
    handler: async (request) => {
      const query = parseUsersQuery(request.query, request.headers.consistencylevel);
      const page = await listGraphUsers(tenantOf(request), query);
      return {
        "@odata.context": odataContext(request, "users"),
        ...(page.count === undefined ? {} : { "@odata.count": page.count }),
        value: page.value,
        "@odata.nextLink": nextLink(originOf(request), request.url, page.nextSkipToken),
      };
    },
  });

  app.post("/graph/v1.0/users", {
    config: { action: "users.manage" },
    schema: {
      tags,
      summary:
        "Create a user with Graph's body (accountEnabled, displayName, mailNickname, userPrincipalName, passwordProfile)",
      querystring: odataQuerySchema,
      body: graphCreateUserSchema,
      response: { 201: userEntity },
    },
    handler: async (request, reply) => {
      refuseUnsupported(request.query, []);
      const ctx = tenantOf(request);
      const user = await createGraphUser(ctx, request.body);
      return reply.code(201).send({ "@odata.context": odataContext(request, "users/$entity"), ...user });
    },
  });

  app.get("/graph/v1.0/users/:user", {
    config: { action: "directory.read" },
    schema: {
      tags,
      summary: "A user by id or userPrincipalName; $select for accountEnabled, usageLocation, assignedLicenses…",
      params: userParams,
      querystring: odataQuerySchema,
      response: { 200: userEntity },
    },
    handler: async (request) => {
      const { select } = parseUserQuery(request.query);
      const user = await getGraphUser(tenantOf(request), request.params.user, select);
      return { "@odata.context": odataContext(request, "users/$entity"), ...user };
    },
  });

  app.patch("/graph/v1.0/users/:user", {
    config: { action: "users.manage" },
    schema: {
      tags,
      summary:
        "Change a user's displayName, usageLocation, accountEnabled or directory properties (givenName, surname, " +
        "jobTitle, department, officeLocation, businessPhones, mobilePhone, faxNumber, otherMails, streetAddress, " +
        "city, state, postalCode, country); answers 204",
      params: userParams,
      querystring: odataQuerySchema,
      body: graphUpdateUserSchema,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      refuseUnsupported(request.query, []);
      const ctx = tenantOf(request);
      await updateUser(ctx, await resolveUserRef(ctx, request.params.user), userUpdateOf(request.body));
      return reply.code(204).send(null);
    },
  });

  app.delete("/graph/v1.0/users/:user", {
    config: { action: "users.manage" },
    schema: {
      tags,
      summary: "Delete a user (restorable for 30 days); its licenses are freed at once",
      params: userParams,
      querystring: odataQuerySchema,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      refuseUnsupported(request.query, []);
      const ctx = tenantOf(request);
      await deleteUser(ctx, await resolveUserRef(ctx, request.params.user));
      return reply.code(204).send(null);
    },
  });

  app.post("/graph/v1.0/users/:user/assignLicense", {
    config: { action: "licenses.assign" },
    schema: {
      tags,
      summary: "Add and remove licenses, all or nothing; a refusal is 400 with the reason in error.details",
      params: userParams,
      querystring: odataQuerySchema,
      body: assignLicenseRequestSchema,
      response: { 200: userEntity },
    },
    handler: async (request) => {
      refuseUnsupported(request.query, []);
      const ctx = tenantOf(request);
      const userId = await resolveUserRef(ctx, request.params.user);
      await unknownSkuIsBadRequest(() => assignUserLicenses(ctx, userId, request.body));
      const user = await getGraphUser(ctx, userId, undefined);
      return { "@odata.context": odataContext(request, "users/$entity"), ...user };
    },
  });

  app.get("/graph/v1.0/users/:user/licenseDetails", {
    config: { action: "directory.read" },
    schema: {
      tags,
      summary: "The user's licenses in effect, each service plan with its provisioningStatus",
      params: userParams,
      querystring: odataQuerySchema,
      response: { 200: graphCollection(graphLicenseDetailsSchema) },
    },
    handler: async (request) => {
      refuseUnsupported(request.query, []);
      const { value } = await graphLicenseDetails(tenantOf(request), request.params.user);
      return { "@odata.context": odataContext(request, `users('${request.params.user}')/licenseDetails`), value };
    },
  });

  app.post("/graph/v1.0/users/:user/reprocessLicenseAssignment", {
    config: { action: "licenses.assign" },
    schema: {
      tags,
      summary: "Retry the licenses the user inherits from groups (those in error)",
      params: userParams,
      querystring: odataQuerySchema,
      response: { 200: userEntity },
    },
    handler: async (request) => {
      refuseUnsupported(request.query, []);
      const ctx = tenantOf(request);
      const userId = await resolveUserRef(ctx, request.params.user);
      await reprocessUserLicenses(ctx, userId);
      const user = await getGraphUser(ctx, userId, [
        "id",
        "displayName",
        "userPrincipalName",
        "licenseAssignmentStates",
      ]);
      return { "@odata.context": odataContext(request, "users/$entity"), ...user };
    },
  });
};
