import { problemSchema, setupRequestSchema, setupResultSchema, setupStatusSchema } from "@allot/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { AppError } from "../lib/app-error.js";
import { safeEqual } from "../lib/tokens.js";
import { setUpFirstOrganization, setupRequired } from "../services/setup/first-run-setup.js";

const tags = ["First-run setup"];

/** Addresses of this machine itself: the only place a first-run setup may come from. */
const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

export interface SetupRouteOptions {
  /** The one-time token this start printed in its log; undefined when it started with an organization. */
  setupToken: string | undefined;
}

const notAllowed = () =>
  new AppError(
    "SetupNotAllowed",
    "First-run setup takes the one-time token from the portal's log (X-Setup-Token) and must come from the server itself (127.0.0.1), or use pnpm allot-setup.",
  );

/**
 * First-run setup over HTTP, for a production start on an empty database: the same use case as `pnpm allot-setup`,
 * allowed only while no organization exists, from the server itself (the connection's address, never a forwarded
 * one) and with the one-time token the start printed in its log.
 */
export const setupRoutes: FastifyPluginAsyncZod<SetupRouteOptions> = async (app, { setupToken }) => {
  app.get("/api/setup", {
    config: { public: true },
    schema: {
      tags,
      summary: "Whether the portal still waits for its first organization",
      response: { 200: setupStatusSchema },
    },
    handler: async () => ({ required: await setupRequired(app.db) }),
  });

  app.post("/api/setup", {
    config: { public: true, rateLimit: { max: app.config.loginRateLimitPerMinute, timeWindow: 60_000 } },
    schema: {
      tags,
      summary: "Create the first organization and its global admin (one-time password); only while none exists",
      body: setupRequestSchema,
      response: {
        201: setupResultSchema,
        400: problemSchema,
        403: problemSchema,
        409: problemSchema,
        429: problemSchema,
      },
    },
    handler: async (request, reply) => {
      if (setupToken === undefined || !(await setupRequired(app.db))) {
        throw new AppError(
          "AlreadySetUp",
          "This portal is already set up. Sign in, or ask its global admin for an account.",
        );
      }
      const sent = request.headers["x-setup-token"];
      if (
        !LOOPBACK.has(request.socket.remoteAddress ?? "") ||
        typeof sent !== "string" ||
        !safeEqual(sent, setupToken)
      ) {
        throw notAllowed();
      }
      const result = await setUpFirstOrganization(app.db, request.body, request.id);
      request.log.warn({ tenantId: result.tenantId, adminEmail: result.adminEmail }, "first-run setup done");
      return reply.code(201).send(result);
    },
  });
};
