import { uuidSchema } from "@allot/contracts";
import { can, type Grantee, tokenGrantees } from "@allot/domain";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { isGraphRequest } from "../lib/graph-error.js";
import { sendProblem } from "../lib/problem.js";
import { safeEqual } from "../lib/tokens.js";
import { resolveBearer } from "../services/auth/bearer.js";
import { resolveSession } from "../services/auth/sessions.js";
import { tenantRoles } from "../services/auth/tenant-roles.js";
import type { Principal } from "../types.js";

export const SESSION_COOKIE = "allot_session";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const BEARER = /^Bearer[ ]+([A-Za-z0-9._~+/=-]+)$/i;

type Caller = { actor: Principal; bearer: boolean } | { refused: FastifyReply };

/**
 * Runs before a request body is even parsed, in this order: who calls (a session cookie, or a bearer token: an app's
 * access token or a personal access token) (401), the CSRF token on a session's mutations (403), a one-time
 * password not yet changed (403 PasswordChangeRequired, but for the few routes that lead out of it), tenant reach
 * (404, never revealing the tenant), then the route's permission-matrix action (403).
 *
 * Personal access tokens reach tenant routes (/api/tenants/:tenantId/…) and the Graph-compatible API (/graph/v1.0,
 * whose tenant is the token's); an app's access token reaches the Graph-compatible API only, as Microsoft's apps
 * reach Graph; the rest of /api (the person's own account, app registrations) needs a session, but for GET /api/me,
 * which a personal access token may read (whose token it is, which tenants it reaches). A bearer
 * request needs no CSRF token: no browser attaches it on its own, as it does a cookie.
 */
export const authPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest("actor", null);
  app.decorateRequest("tenant", null);

  app.addHook("onRequest", async (request: FastifyRequest, reply: FastifyReply) => {
    const config = request.routeOptions.config;
    const graph = isGraphRequest(request);
    if (config.public || (!graph && !request.routeOptions.url?.startsWith("/api/"))) return;

    const caller = await identify(app, request, reply, graph);
    if ("refused" in caller) return caller.refused;
    const { actor, bearer } = caller;
    request.actor = actor;
    if (actor.kind === "application" && !graph) {
      return sendProblem(
        request,
        reply,
        "Unauthenticated",
        "An app's token reaches the Graph-compatible API at /graph/v1.0; this route needs a person (a session or a personal access token).",
      );
    }

    if (actor.kind === "user" && actor.passwordChangeRequired && !config.beforePasswordChange) {
      return sendProblem(
        request,
        reply,
        "PasswordChangeRequired",
        "You signed in with a one-time password: choose a new password first (POST /api/me/password).",
      );
    }

    const { tenantId: rawTenantId } = request.params as { tenantId?: string };
    if (!graph && rawTenantId === undefined) {
      if (bearer && !config.personalTokens) {
        return sendProblem(request, reply, "Unauthenticated", "This route needs a signed-in session, not a token.");
      }
      return;
    }
    if (!graph && !uuidSchema.safeParse(rawTenantId).success) {
      return sendProblem(request, reply, "InvalidId", "The tenant id in the path is not a valid UUID.");
    }
    // Ids compare as strings below (the actor's own tenant): lower-case, as the database returns them.
    const tenantId = graph ? actor.tenantId : (rawTenantId as string).toLowerCase();
    const roles = await grantees(app, actor, tenantId);
    if (!roles) return sendProblem(request, reply, "NotFound", "Tenant was not found.");
    request.tenant = { db: app.db, actor, tenantId, roles, requestId: request.id, clock: app.clock };
    const needed =
      config.action === undefined ? [] : typeof config.action === "string" ? [config.action] : config.action;
    if (needed.length > 0 && !needed.some((action) => can(roles, action))) {
      return sendProblem(request, reply, "Forbidden", forbidden(actor));
    }
  });
});

/** The caller: a bearer token's principal, or a session's person (whose mutations need the CSRF token). */
async function identify(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  graph: boolean,
): Promise<Caller> {
  const authorization = request.headers.authorization;
  const config = request.routeOptions.config;
  if (authorization !== undefined) {
    const token = BEARER.exec(authorization)?.[1];
    const actor = token && !config.sessionOnly ? await resolveBearer(app.db, app.accessTokens, token) : null;
    if (!actor) {
      const why = config.sessionOnly
        ? "This route needs a signed-in session, not a token."
        : "The access token is missing, malformed, expired or revoked, or its app is disabled.";
      return {
        refused: sendProblem(
          request,
          reply,
          config.sessionOnly ? "Unauthenticated" : "InvalidAuthenticationToken",
          why,
        ),
      };
    }
    return { actor, bearer: true };
  }
  if (graph) {
    return {
      refused: sendProblem(
        request,
        reply,
        "InvalidAuthenticationToken",
        "Access token is empty: send Authorization: Bearer.",
      ),
    };
  }
  const token = request.cookies[SESSION_COOKIE];
  const actor = token ? await resolveSession(app.db, token, app.config.sessionTtlMs) : null;
  if (!actor) return { refused: sendProblem(request, reply, "Unauthenticated", "Sign in first.") };
  if (!SAFE_METHODS.has(request.method)) {
    const sent = request.headers["x-csrf-token"];
    if (typeof sent !== "string" || !safeEqual(sent, actor.csrfToken)) {
      return {
        refused: sendProblem(
          request,
          reply,
          "CsrfTokenInvalid",
          "Missing or wrong X-CSRF-Token header. Reload the page and retry.",
        ),
      };
    }
  }
  return { actor, bearer: false };
}

/**
 * What the actor may do in the tenant, or null when it is out of reach: an app only in its own tenant, with its
 * permissions; a person with their roles there, narrowed to their token's scopes when they call with one.
 */
async function grantees(app: FastifyInstance, actor: Principal, tenantId: string): Promise<Grantee[] | null> {
  if (actor.kind === "application") return actor.tenantId === tenantId ? [...actor.permissions] : null;
  const roles = await tenantRoles(app.db, actor, tenantId, app.clock.now());
  if (!roles) return null;
  return actor.token ? tokenGrantees(roles, actor.token.scopes) : roles;
}

function forbidden(actor: Principal): string {
  if (actor.kind === "application")
    return "Insufficient privileges: the app was not granted a permission that allows this.";
  if (actor.token) return "Insufficient privileges: this token's scopes (or your role) do not allow this.";
  return "Your role in this organisation does not allow this.";
}
