import type { FastifyPluginAsync } from "fastify";
import { AppError } from "../../lib/app-error.js";
import { systemClock } from "../../lib/clock.js";
import { RateBudget } from "../../lib/rate-budget.js";
import { principalId } from "../../lib/tenant.js";
import { graphBatchRoutes } from "./batch.js";
import { graphGroupRoutes } from "./groups.js";
import { graphSkuRoutes } from "./skus.js";
import { graphUserRoutes } from "./users.js";

/**
 * The Microsoft Graph v1.0-compatible API at /graph/v1.0: bearer tokens only (an app's or a person's), the tenant
 * is the token's, errors are Graph's envelope (lib/graph-error.ts), and every caller is throttled per tenant with
 * 429 and Retry-After, which Graph clients' retry handlers honour.
 */
export const graphRoutes: FastifyPluginAsync = async (app) => {
  // The OpenAPI document names the bearer token as these routes' only way in.
  app.addHook("onRoute", (route) => {
    route.schema = { ...route.schema, security: [{ bearer: [] }, { clientCredentials: ["api://allot/.default"] }] };
  });
  // Server time: a throttle window is a security timer, not a rule the app clock moves (see lib/clock.ts).
  const throttle = new RateBudget(app.db, systemClock, app.config.graphThrottle.windowMs);
  app.addHook("onRequest", async (request) => {
    if (!request.actor || !request.tenant) return;
    const spent = await throttle.spend([
      {
        key: `${request.tenant.tenantId}:${principalId(request.actor)}`,
        limit: app.config.graphThrottle.limit,
      },
    ]);
    if (!spent.allowed) {
      throw new AppError(
        "TooManyRequests",
        `Too many requests from this app in this organization. Retry after ${spent.retryAfterSeconds} seconds.`,
        { retryAfterSeconds: spent.retryAfterSeconds },
      );
    }
  });
  await app.register(graphUserRoutes);
  await app.register(graphSkuRoutes);
  await app.register(graphGroupRoutes);
  await app.register(graphBatchRoutes);
};
