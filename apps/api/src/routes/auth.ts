import {
  changePasswordRequestSchema,
  loginRequestSchema,
  meSchema,
  problemSchema,
  updateMeRequestSchema,
} from "@allot/contracts";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { refusePublishedPassword } from "../lib/published-password.js";
import { actorOf } from "../lib/tenant.js";
import { SESSION_COOKIE } from "../plugins/auth.js";
import { changeOwnPassword } from "../services/auth/change-password.js";
import { login } from "../services/auth/login.js";
import { logout } from "../services/auth/logout.js";
import { getMe } from "../services/auth/me.js";
import { resolveSession } from "../services/auth/sessions.js";
import { updateMe } from "../services/auth/update-me.js";

const tags = ["Sign-in"];

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  /**
   * The session cookie is Secure whenever the request arrived over https: directly, or through a proxy TRUST_PROXY
   * names (its X-Forwarded-Proto; an untrusted client's header is ignored), and always with COOKIE_SECURE=true.
   */
  const cookieOptions = (request: FastifyRequest) =>
    ({
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      secure: app.config.cookieSecure || request.protocol === "https",
    }) as const;

  app.post("/api/auth/login", {
    config: {
      public: true,
      rateLimit: { max: app.config.loginRateLimitPerMinute, timeWindow: 60_000 },
    },
    schema: {
      tags,
      summary: "Sign in with email and password; sets the session cookie",
      body: loginRequestSchema,
      response: { 200: meSchema, 400: problemSchema, 401: problemSchema, 423: problemSchema, 429: problemSchema },
    },
    handler: async (request, reply) => {
      const session = await login(
        app.db,
        request.body,
        {
          sessionTtlMs: app.config.sessionTtlMs,
          addressThreshold: app.config.lockoutThreshold,
          accountThreshold: app.config.lockoutAccountThreshold,
          lockoutMs: app.config.lockoutMs,
        },
        { ip: request.ip, userAgent: request.headers["user-agent"] ?? null, requestId: request.id },
        app.clock,
      );
      reply.setCookie(SESSION_COOKIE, session.token, {
        ...cookieOptions(request),
        maxAge: Math.floor(app.config.sessionTtlMs / 1000),
      });
      const actor = await resolveSession(app.db, session.token, app.config.sessionTtlMs);
      if (!actor) throw new Error("a session just created could not be read back");
      return getMe(app.db, actor, app.clock.now());
    },
  });

  app.post("/api/auth/logout", {
    config: { beforePasswordChange: true },
    schema: {
      tags,
      summary: "Sign out: ends the session",
      response: { 204: z.null(), 401: problemSchema, 403: problemSchema },
    },
    handler: async (request, reply) => {
      await logout(app.db, actorOf(request), request.id);
      reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
      return reply.code(204).send(null);
    },
  });

  app.get("/api/me", {
    // A personal access token reads it too (the command line's `allot tenants`); changing it needs a session.
    config: { beforePasswordChange: true, personalTokens: true },
    schema: {
      tags,
      summary: "The signed-in user, its reachable tenants and the CSRF token",
      response: { 200: meSchema, 401: problemSchema },
    },
    handler: (request) => getMe(app.db, actorOf(request), app.clock.now()),
  });

  app.patch("/api/me", {
    config: { beforePasswordChange: true },
    schema: {
      tags,
      summary: "Save the signed-in user's preferences (portal language)",
      body: updateMeRequestSchema,
      response: { 200: meSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema },
    },
    handler: async (request) =>
      getMe(app.db, await updateMe(app.db, actorOf(request), request.body, request.id), app.clock.now()),
  });

  app.post("/api/me/password", {
    config: {
      beforePasswordChange: true,
      // Guessing the current password through a stolen session is held to the sign-in pace.
      rateLimit: { max: app.config.loginRateLimitPerMinute, timeWindow: 60_000 },
    },
    schema: {
      tags,
      summary: "Change your own password (also ends a one-time password's restriction and your other sessions)",
      body: changePasswordRequestSchema,
      response: { 200: meSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema, 429: problemSchema },
    },
    handler: async (request) => {
      refusePublishedPassword(app.config.env, request.body.newPassword, "body.newPassword");
      const actor = actorOf(request);
      await changeOwnPassword(app.db, actor, request.body, request.id);
      return getMe(app.db, { ...actor, passwordChangeRequired: false }, app.clock.now());
    },
  });
};
