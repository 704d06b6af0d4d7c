import type { ErrorCode, FieldError, Problem } from "@allot/contracts";
import { ERROR_STATUS } from "@allot/contracts";
import type { FastifyReply, FastifyRequest } from "fastify";

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

/** Answers with RFC 9457 problem details carrying the stable error code. */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  detail: string,
  extra: { errors?: FieldError[]; retryAfterSeconds?: number; [extension: string]: unknown } = {},
): FastifyReply {
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
