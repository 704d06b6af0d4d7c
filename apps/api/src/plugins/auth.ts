import { uuidSchema } from "@allot/contracts";
import { can } from "@allot/domain";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { sendProblem } from "../lib/problem.js";
import { safeEqual } from "../lib/tokens.js";
import { resolveSession } from "../services/auth/sessions.js";
import { tenantRoles } from "../services/auth/tenant-roles.js";

export const SESSION_COOKIE = "allot_session";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Runs before a request body is even parsed, in this order: session (401), CSRF token on mutations (403), a
 * one-time password not yet changed (403 PasswordChangeRequired, but for the few routes that lead out of it),
 * tenant reach (404, never revealing the tenant), then the route's permission-matrix action (403).
 */
export const authPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest("actor", null);
  app.decorateRequest("tenant", null);

  app.addHook("onRequest", async (request: FastifyRequest, reply: FastifyReply) => {
    const config = request.routeOptions.config;
    if (config.public || !request.routeOptions.url?.startsWith("/api/")) return;

    const token = request.cookies[SESSION_COOKIE];
    const actor = token ? await resolveSession(app.db, token, app.config.sessionTtlMs) : null;
    if (!actor) return sendProblem(request, reply, "Unauthenticated", "Sign in first.");
    request.actor = actor;

    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers["x-csrf-token"];
      if (typeof sent !== "string" || !safeEqual(sent, actor.csrfToken)) {
        return sendProblem(
          request,
          reply,
          "CsrfTokenInvalid",
          "Missing or wrong X-CSRF-Token header. Reload the page and retry.",
        );
      }
    }

    if (actor.passwordChangeRequired && !config.beforePasswordChange) {
      return sendProblem(
        request,
        reply,
        "PasswordChangeRequired",
        "You signed in with a one-time password: choose a new password first (POST /api/me/password).",
      );
    }

    const { tenantId: rawTenantId } = request.params as { tenantId?: string };
    if (rawTenantId === undefined) return;
    if (!uuidSchema.safeParse(rawTenantId).success) {
      return sendProblem(request, reply, "InvalidId", "The tenant id in the path is not a valid UUID.");
    }
    // Ids compare as strings below (the actor's own tenant): lower-case, as the database returns them.
    const tenantId = rawTenantId.toLowerCase();
    const roles = await tenantRoles(app.db, actor, tenantId, app.clock.now());
    if (!roles) return sendProblem(request, reply, "NotFound", "Tenant was not found.");
    request.tenant = { db: app.db, actor, tenantId, roles, requestId: request.id, clock: app.clock };
    const needed =
      config.action === undefined ? [] : typeof config.action === "string" ? [config.action] : config.action;
    if (needed.length > 0 && !needed.some((action) => can(roles, action))) {
      return sendProblem(request, reply, "Forbidden", "Your role in this organisation does not allow this.");
    }
  });
});
