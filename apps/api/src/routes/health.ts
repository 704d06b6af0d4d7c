import { healthSchema } from "@allot/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get("/healthz", {
    config: { public: true },
    schema: { tags: ["Health"], summary: "The process is up", response: { 200: healthSchema } },
    handler: async () => ({ status: "ok" as const }),
  });

  app.get("/readyz", {
    config: { public: true },
    schema: { tags: ["Health"], summary: "The database answers", response: { 200: healthSchema, 503: healthSchema } },
    handler: async (request, reply) => {
      try {
        await app.db.$queryRaw`SELECT 1`;
        return { status: "ok" as const };
      } catch (error) {
        request.log.warn({ err: error }, "database not ready");
        return reply.code(503).send({ status: "unavailable" as const });
      }
    },
  });
};
