import { ERROR_STATUS, type ErrorCode, type FieldError } from "@allot/contracts";
import type { FastifyReply, FastifyRequest } from "fastify";

/** The Graph-compatible API's path prefix: its errors are Graph's envelope, not problem+json. */
export const GRAPH_PREFIX = "/graph/v1.0";

export function isGraphRequest(request: FastifyRequest): boolean {
  const path = request.url.split("?")[0] ?? "";
  return path === GRAPH_PREFIX || path.startsWith(`${GRAPH_PREFIX}/`);
}

/** One of `error.details`: Allot's precise reason (e.g. CountViolation) and what it is about (e.g. the skuId). */
export interface GraphErrorDetail {
  code: string;
  target?: string;
  message: string;
}

export interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    innerError: { date: string; "request-id": string; "client-request-id": string };
    details?: GraphErrorDetail[];
  };
}

/** Our codes that Graph names differently than by status alone. */
const GRAPH_CODES: Partial<Record<ErrorCode, string>> = {
  UnsupportedQuery: "Request_UnsupportedQuery",
  MalformedJson: "BadRequest",
  UnsupportedMediaType: "BadRequest",
  PayloadTooLarge: "RequestEntityTooLarge",
};

/**
 * Graph's status and code for one of ours. Graph answers every refused directory write (a license rule, a name
 * taken, a member already added) with 400 Request_BadRequest, so clients written for Graph branch on 400; the
 * precise reason stays in `details`.
 */
export function graphStatusAndCode(code: ErrorCode): { status: number; code: string } {
  const status = ERROR_STATUS[code];
  const named = GRAPH_CODES[code];
  if (status === 401) return { status, code: "InvalidAuthenticationToken" };
  if (status === 403) return { status, code: "Authorization_RequestDenied" };
  if (status === 404) return { status, code: "Request_ResourceNotFound" };
  if (status === 405) return { status, code: "Request_BadRequest" };
  if (status === 413 || status === 415) return { status, code: named ?? "BadRequest" };
  if (status === 429) return { status, code: "TooManyRequests" };
  if (status === 503) return { status, code: "ServiceNotAvailable" };
  if (status >= 500) return { status, code: "InternalServerError" };
  return { status: 400, code: named ?? "Request_BadRequest" };
}

/** Graph's innerError date: ISO 8601 in UTC without fractions, as Graph writes it. */
const graphDate = (now: Date) => now.toISOString().replace(/\.\d{3}Z$/, "");

function details(code: ErrorCode, message: string, errors: readonly FieldError[] | undefined): GraphErrorDetail[] {
  if (!errors || errors.length === 0) return [{ code, message }];
  return errors.map((error) => ({
    code: error.code ?? code,
    target: error.skuId ?? error.path,
    message: error.message,
  }));
}

/** Answers an error in Microsoft Graph's envelope, with Allot's code and field errors as `details`. */
export function sendGraphError(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  message: string,
  errors?: readonly FieldError[],
): FastifyReply {
  const graph = graphStatusAndCode(code);
  const clientRequestId = request.headers["client-request-id"];
  const body: GraphErrorBody = {
    error: {
      code: graph.code,
      message,
      innerError: {
        date: graphDate(new Date()),
        "request-id": request.id,
        "client-request-id": typeof clientRequestId === "string" ? clientRequestId : request.id,
      },
      details: details(code, message, errors),
    },
  };
  if (graph.status === 401) reply.header("www-authenticate", 'Bearer error="invalid_token"');
  return reply.code(graph.status).type("application/json").send(body);
}
