import type { FastifyError, FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError } from "../lib/app-error.js";
import { isContention } from "../lib/contention.js";
import { sendProblem } from "../lib/problem.js";
import { isDatabaseUnavailable } from "../lib/unavailable.js";

/** Fastify's own error codes for bad requests, mapped to our stable codes. */
const FASTIFY_CODES: Record<
  string,
  { code: "MalformedJson" | "PayloadTooLarge" | "UnsupportedMediaType" | "ValidationFailed"; detail: string }
> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: "MalformedJson", detail: "The request body is not valid JSON." },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: "MalformedJson", detail: "The request body is empty but declared as JSON." },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: "PayloadTooLarge", detail: "The request body is too large." },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: "UnsupportedMediaType", detail: "Send the body as application/json." },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: "ValidationFailed", detail: "The Content-Length header is wrong." },
  FST_ERR_VALIDATION: { code: "ValidationFailed", detail: "The request is invalid." },
};

/** A restarting PostgreSQL takes a few seconds; a client that comes back sooner just gets another 503. */
const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/**
 * One place that turns every error into problem+json: validation and parsing failures are 4xx with the field
 * paths; AppErrors carry their own code; a database that is gone or busy is 503 with Retry-After (also for errors
 * of the session lookup in the auth hook, which land here too); anything else is logged with the request id and
 * answered 500 without internals.
 */
export const errorHandlerPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.retryAfterSeconds !== undefined) reply.header("retry-after", String(error.retryAfterSeconds));
      return sendProblem(request, reply, error.code, error.message, {
        ...error.extensions,
        ...(error.errors ? { errors: error.errors } : {}),
        ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = error.validationContext ?? "body";
      const errors = error.validation.flatMap((issue) => {
        const at = [context, ...issue.instancePath.split("/").filter(Boolean)];
        // An unknown field is named by its own path, not only by the object that holds it.
        const unknown = issue.keyword === "unrecognized_keys" ? (issue.params as { keys?: unknown }).keys : undefined;
        if (Array.isArray(unknown)) {
          return unknown.map((key) => ({ path: [...at, String(key)].join("."), message: "is not a known field" }));
        }
        return [{ path: at.join("."), message: issue.message ?? "is invalid" }];
      });
      const invalidId = context === "params";
      return sendProblem(
        request,
        reply,
        invalidId ? "InvalidId" : "ValidationFailed",
        invalidId ? "An id in the path is not a valid UUID." : `The request ${context} is invalid.`,
        { errors },
      );
    }
    if (error.statusCode === 429) {
      return sendProblem(request, reply, "RateLimited", "Too many requests. Wait a minute and try again.", {
        retryAfterSeconds: Number(reply.getHeader("retry-after")) || 60,
      });
    }
    const known = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (known) return sendProblem(request, reply, known.code, known.detail);
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(request, reply, "ValidationFailed", "The request could not be understood.");
    }
    if (isDatabaseUnavailable(error)) {
      // Stopped, restarting or unreachable: nothing waits for it (the pool's connect timeout bounds every wait),
      // and the next request after it is back gets a fresh connection.
      request.log.warn({ err: error }, "database unavailable");
      reply.header("retry-after", String(UNAVAILABLE_RETRY_AFTER_SECONDS));
      return sendProblem(
        request,
        reply,
        "ServiceUnavailable",
        "The database cannot be reached right now. Try again in a few seconds.",
        { retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS },
      );
    }
    if (isContention(error)) {
      // A deadlock PostgreSQL broke, or no connection or lock in time under a burst: nothing was committed, and
      // the same request is likely to succeed a moment later.
      request.log.warn({ err: error }, "database contention");
      reply.header("retry-after", "1");
      return sendProblem(request, reply, "ServiceUnavailable", "The service is busy. Try again in a moment.", {
        retryAfterSeconds: 1,
      });
    }
    request.log.error({ err: error }, "unhandled error");
    return sendProblem(
      request,
      reply,
      "InternalError",
      "Something went wrong on our side. Quote the request id when you report it.",
    );
  });
});
