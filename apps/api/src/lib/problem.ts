import type { ErrorCode, FieldError, Problem } from "@allot/contracts";
import { ERROR_STATUS } from "@allot/contracts";
import type { FastifyReply, FastifyRequest } from "fastify";
import { isGraphRequest, sendGraphError } from "./graph-error.js";

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  402: "Payment Required",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  410: "Gone",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  423: "Locked",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

/**
 * Answers with RFC 9457 problem details carrying the stable error code; under /graph/v1.0, in Graph's error
 * envelope instead (the same code as its first detail), so clients written for Graph read every error there.
 */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  detail: string,
  extra: { errors?: FieldError[]; retryAfterSeconds?: number; [extension: string]: unknown } = {},
): FastifyReply {
  if (isGraphRequest(request)) return sendGraphError(request, reply, code, detail, extra.errors);
  // RFC 6750 §3: a refused bearer token is answered with the challenge that says why.
  if (code === "InvalidAuthenticationToken") reply.header("www-authenticate", 'Bearer error="invalid_token"');
  const status = ERROR_STATUS[code];
  const problem: Problem = {
    type: `https://allot.dev/problems/${code}`,
    title: TITLES[status] ?? "Error",
    status,
    code,
    detail,
    instance: request.url.split("?")[0],
    requestId: request.id,
    ...extra,
  };
  return reply.code(status).type("application/problem+json").send(problem);
}
