import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import type { BudgetKind } from "../config.js";
import { AppError } from "../lib/app-error.js";
import { RateBudget } from "../lib/rate-budget.js";

const WHAT: Record<BudgetKind, string> = {
  exports: "CSV exports",
  bulkRuns: "bulk license changes",
  bulkJobs: "bulk license jobs",
  passwordResets: "password resets",
};

/**
 * Per-minute budgets of the routes that declare one (`config: { budget: "exports" }`), per session and per tenant
 * (the tenant in the path, so a partner's agents spend their customer's). Runs as a preHandler: only requests that
 * passed sign-in, the permission check and validation count, so a stranger cannot spend a tenant's budget and a
 * mistyped request (400) costs nothing. Over budget: 429 TooManyRequests with Retry-After.
 */
export const rateBudgetPlugin = fp(async (app: FastifyInstance) => {
  const budget = new RateBudget(app.db, app.clock);
  app.addHook("preHandler", async (request) => {
    const kind = request.routeOptions.config.budget;
    if (!kind || !request.actor || !request.tenant) return;
    const limits = app.config.rateBudgets[kind];
    // Per caller: a session, a personal access token, or an app (all its tokens together).
    const caller = request.actor.kind === "user" ? request.actor.sessionId : `app:${request.actor.applicationId}`;
    const spent = await budget.spend([
      { key: `${kind}:session:${caller}`, limit: limits.perSession },
      { key: `${kind}:tenant:${request.tenant.tenantId}`, limit: limits.perTenant },
    ]);
    if (!spent.allowed) {
      throw new AppError(
        "TooManyRequests",
        `Too many ${WHAT[kind]} in the last minute, from you or your organisation. ` +
          `Try again in ${spent.retryAfterSeconds} seconds.`,
        { retryAfterSeconds: spent.retryAfterSeconds },
      );
    }
  });
});
