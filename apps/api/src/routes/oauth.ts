import { oauthErrorSchema, tokenResponseSchema } from "@allot/contracts";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../lib/app-error.js";
import { grantClientCredentials, OAuthError } from "../services/auth/client-credentials.js";

const tags = ["Tokens"];
const FORM = "application/x-www-form-urlencoded";
/** A token request is a handful of short fields; anything larger is not one. */
const FORM_LIMIT_BYTES = 8 * 1024;

/** `Authorization: Basic base64(client_id:client_secret)`, each part form-urlencoded first (RFC 6749 §2.3.1). */
function basicCredentials(request: FastifyRequest): { clientId: string; clientSecret: string } | null {
  const header = request.headers.authorization;
  if (!header?.toLowerCase().startsWith("basic ")) return null;
  const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) throw new OAuthError("invalid_client", "The Basic credentials are not client_id:client_secret.", 401);
  const part = (text: string) => decodeURIComponent(text.replace(/\+/g, " "));
  try {
    return { clientId: part(decoded.slice(0, colon)), clientSecret: part(decoded.slice(colon + 1)) };
  } catch {
    throw new OAuthError("invalid_client", "The Basic credentials are not form-urlencoded.", 401);
  }
}

/**
 * A request refused before the handler ran, as OAuth's invalid_request: query parameters (the API refuses any it does
 * not declare, and this route declares none: a client secret in a URL would end up in logs), named; a body that is
 * not a form, too large, or not readable. Null for anything else (a database gone away, a bug), which is no fault of
 * the request and goes on to the API's error handler.
 */
function refusedRequest(error: Error & { statusCode?: number }): OAuthError | null {
  if (error instanceof AppError) {
    const parameters = (error.errors ?? [])
      .map((field) => /^querystring\.(.*)$/.exec(field.path)?.[1])
      .filter((name): name is string => name !== undefined);
    if (parameters.length > 0) {
      const named = parameters.map((name) => `'${name}'`).join(", ");
      return new OAuthError(
        "invalid_request",
        `${parameters.length === 1 ? "The query parameter" : "The query parameters"} ${named} ` +
          `${parameters.length === 1 ? "is" : "are"} not allowed: send the token request's fields in the ${FORM} body.`,
      );
    }
    return error.status < 500 ? new OAuthError("invalid_request", error.message) : null;
  }
  const status = error.statusCode ?? 500;
  if (status < 400 || status >= 500) return null;
  return new OAuthError("invalid_request", `Send an ${FORM} body: ${error.message}`);
}

/** RFC 6749 §5.2's error answer; never cached, as §5.1 asks of every token endpoint answer. */
function sendOAuthError(reply: FastifyReply, error: OAuthError) {
  if (error.retryAfterSeconds !== undefined) reply.header("retry-after", String(error.retryAfterSeconds));
  if (error.status === 401) reply.header("www-authenticate", 'Basic realm="allot"');
  return reply
    .code(error.status)
    .header("cache-control", "no-store")
    .header("pragma", "no-cache")
    .type("application/json")
    .send({ error: error.error, error_description: error.message });
}

/**
 * The OAuth 2.0 token endpoint (client credentials) and the public keys its tokens are signed with. Its errors are
 * OAuth's (`{error, error_description}`), not problem+json: OAuth client libraries read those.
 */
export const oauthRoutes: FastifyPluginAsyncZod = async (app) => {
  // A form body only here; the form's fields are read as the last value of each name, as OAuth has no repeats.
  app.addContentTypeParser(FORM, { parseAs: "string", bodyLimit: FORM_LIMIT_BYTES }, (_request, body, done) => {
    const form: Record<string, string> = {};
    for (const [name, value] of new URLSearchParams(body as string)) form[name] = value;
    done(null, form);
  });

  app.post("/oauth2/v2.0/token", {
    config: { public: true, rateLimit: { max: app.config.loginRateLimitPerMinute * 10, timeWindow: 60_000 } },
    schema: {
      tags,
      summary: "Get an access token for an app registration (OAuth 2.0 client credentials, form-encoded)",
      description:
        "grant_type=client_credentials, client_id, client_secret (or HTTP Basic), scope=api://allot/.default.",
      response: { 200: tokenResponseSchema, 400: oauthErrorSchema, 401: oauthErrorSchema, 429: oauthErrorSchema },
    },
    // Any refusal before the handler (a query parameter, a JSON body, a body too large) is still an OAuth
    // invalid_request; what is no fault of the request is the API's 500 or 503, logged, as on every other route.
    errorHandler: (error, _request, reply) => {
      if (error instanceof OAuthError) return sendOAuthError(reply, error);
      if ((error as { statusCode?: number }).statusCode === 429) {
        return sendOAuthError(reply, new OAuthError("temporarily_unavailable", "Too many token requests.", 429, 60));
      }
      const refused = refusedRequest(error);
      if (!refused) throw error;
      return sendOAuthError(reply, refused);
    },
    handler: async (request, reply) => {
      if (!request.headers["content-type"]?.toLowerCase().startsWith(FORM)) {
        throw new OAuthError("invalid_request", `Send the token request as ${FORM}.`);
      }
      const form = (request.body ?? {}) as Record<string, string>;
      const issued = await grantClientCredentials(
        app.db,
        app.accessTokens,
        { form, basic: basicCredentials(request) },
        { ip: request.ip },
        {
          addressThreshold: app.config.lockoutThreshold,
          accountThreshold: app.config.lockoutAccountThreshold,
          lockoutMs: app.config.lockoutMs,
        },
      );
      return reply.header("cache-control", "no-store").header("pragma", "no-cache").send(issued);
    },
  });

  app.get("/.well-known/jwks.json", {
    config: { public: true, cacheable: true },
    schema: {
      tags,
      summary: "The public keys access tokens are signed with (JWKS)",
      response: { 200: z.object({ keys: z.array(z.record(z.string(), z.unknown())) }) },
    },
    handler: async (_request, reply) =>
      reply.header("cache-control", "public, max-age=300").send(app.accessTokens.jwks),
  });
};
