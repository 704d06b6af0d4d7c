import {
  addedStaffSchema,
  addStaffRequestSchema,
  listStaffQuerySchema,
  partnerParamsSchema,
  problemSchema,
  setStaffAccessRequestSchema,
  staffAccessParamsSchema,
  staffMemberSchema,
  staffPageSchema,
  staffParamsSchema,
  updateStaffRequestSchema,
} from "@allot/contracts";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { refusePublishedPassword } from "../lib/published-password.js";
import { problemResponses } from "../lib/responses.js";
import { actorOf } from "../lib/tenant.js";
import { addStaffMember } from "../services/partners/add-staff.js";
import { listStaff } from "../services/partners/list-staff.js";
import { partnerContext } from "../services/partners/partner-context.js";
import { removeStaffMember } from "../services/partners/remove-staff.js";
import { setStaffAccessEverywhere } from "../services/partners/set-access-everywhere.js";
import { setStaffCustomerAccess } from "../services/partners/set-customer-access.js";
import { updateStaffMember } from "../services/partners/update-staff.js";

const tags = ["Partner staff"];

const WHO_MANAGES =
  "The partner's own staff only (anyone else: 404). Its global admin and its user admin (partnerStaff.manage; the " +
  "user admin not on staff who hold an admin role); other staff get 403.";
const WHO_GRANTS =
  "The partner's global admin only (partnerAccess.grant): anyone else on its staff, its user admin included, gets " +
  "403 CustomerAccessGrantForbidden; anyone outside the partner 404.";

/** A partner's staff in its own tenant: who they are, and the delegated roles they hold in the customers. */
export const partnerStaffRoutes: FastifyPluginAsyncZod = async (app) => {
  const partnerOf = (request: FastifyRequest, partnerTenantId: string) =>
    partnerContext(app.db, actorOf(request), partnerTenantId, app.clock, request.id);

  app.get("/api/partners/:partnerTenantId/staff", {
    schema: {
      tags,
      summary: "The partner's staff by name, with their roles in the partner's tenant and in each customer",
      description: `${WHO_MANAGES} Keyset-paged with \`limit\` and \`cursor\`; \`search\` matches the name or email.`,
      params: partnerParamsSchema,
      querystring: listStaffQuerySchema,
      response: { 200: staffPageSchema, ...problemResponses },
    },
    handler: async (request) => listStaff(await partnerOf(request, request.params.partnerTenantId), request.query),
  });

  app.post("/api/partners/:partnerTenantId/staff", {
    schema: {
      tags,
      summary: "Add a staff member: an account of the partner, its email in the partner's domain",
      description:
        `${WHO_MANAGES} Omit \`password\` to have a temporary one generated and answered once. An email outside the ` +
        "partner's domain is 422 EmailOutsideDomain; one already in use 409 EmailTaken. No customer access yet.",
      params: partnerParamsSchema,
      body: addStaffRequestSchema,
      response: { 201: addedStaffSchema, ...problemResponses, 409: problemSchema, 422: problemSchema },
    },
    handler: async (request, reply) => {
      refusePublishedPassword(app.config.env, request.body.password, "body.password");
      const ctx = await partnerOf(request, request.params.partnerTenantId);
      return reply.code(201).send(await addStaffMember(ctx, request.body));
    },
  });

  app.patch("/api/partners/:partnerTenantId/staff/:userId", {
    schema: {
      tags,
      summary: "Rename a staff member",
      description: WHO_MANAGES,
      params: staffParamsSchema,
      body: updateStaffRequestSchema,
      response: { 200: staffMemberSchema, ...problemResponses, 409: problemSchema },
    },
    handler: async (request) =>
      updateStaffMember(await partnerOf(request, request.params.partnerTenantId), request.params.userId, request.body),
  });

  app.delete("/api/partners/:partnerTenantId/staff/:userId", {
    schema: {
      tags,
      summary: "Remove a staff member: their access to every customer ends, and their account is deleted",
      description: `${WHO_MANAGES} Nobody removes themself (409 CannotDeleteSelf).`,
      params: staffParamsSchema,
      response: { 204: z.null(), ...problemResponses, 409: problemSchema },
    },
    handler: async (request, reply) => {
      await removeStaffMember(await partnerOf(request, request.params.partnerTenantId), request.params.userId);
      return reply.code(204).send(null);
    },
  });

  app.put("/api/partners/:partnerTenantId/staff/:userId/customerAccess/:relationshipId", {
    schema: {
      tags,
      summary: "Set a staff member's delegated roles in one customer (an empty list: no access there)",
      description:
        `${WHO_GRANTS} Giving a role through a relationship whose privileges the customer removed is 409 ` +
        "PrivilegesRemoved, through one that ended 409 RelationshipEnded; taking roles away always works.",
      params: staffAccessParamsSchema,
      body: setStaffAccessRequestSchema,
      response: { 200: staffMemberSchema, ...problemResponses, 409: problemSchema },
    },
    handler: async (request) =>
      setStaffCustomerAccess(
        await partnerOf(request, request.params.partnerTenantId),
        request.params.userId,
        request.params.relationshipId,
        request.body.roles,
      ),
  });

  app.put("/api/partners/:partnerTenantId/staff/:userId/customerAccess", {
    schema: {
      tags,
      summary: "Set a staff member's delegated roles in all customers",
      description:
        `${WHO_GRANTS} Writes exactly these roles on every relationship of the partner that grants access now ` +
        "(an empty list takes them all away). Relationships whose privileges the customer removed, or that ended, " +
        "keep what they had; a customer who joins later is not included.",
      params: staffParamsSchema,
      body: setStaffAccessRequestSchema,
      response: { 200: staffMemberSchema, ...problemResponses },
    },
    handler: async (request) =>
      setStaffAccessEverywhere(
        await partnerOf(request, request.params.partnerTenantId),
        request.params.userId,
        request.body.roles,
      ),
  });
};
