import { partnerActivityPageSchema, partnerActivityQuerySchema, partnerParamsSchema } from "@allot/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { problemResponses } from "../lib/responses.js";
import { actorOf } from "../lib/tenant.js";
import { listPartnerActivity } from "../services/partners/list-activity.js";
import { partnerContext } from "../services/partners/partner-context.js";

/** The partner's own activity log across its customers. */
export const partnerActivityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/api/partners/:partnerTenantId/activity", {
    schema: {
      tags: ["Partner center"],
      summary: "Changes the partner's staff made in its customers and in its own tenant, newest first",
      description:
        "The partner's own staff only (anyone else: 404). Its global admin (partnerCenter.seeAll) sees everyone's " +
        "changes and may filter by `actorUserId`; other staff see their own only (another's `actorUserId` is 403). " +
        "`customerTenantId` narrows to one customer (the partner's own id: changes made in the partner's tenant). " +
        "Each event names its customer (null in the partner's tenant). Sign-ins are not listed (see the audit log). " +
        "Keyset-paged with `limit` and `cursor`.",
      params: partnerParamsSchema,
      querystring: partnerActivityQuerySchema,
      response: { 200: partnerActivityPageSchema, ...problemResponses },
    },
    handler: async (request) =>
      listPartnerActivity(
        await partnerContext(app.db, actorOf(request), request.params.partnerTenantId, app.clock, request.id),
        request.query,
      ),
  });
};
