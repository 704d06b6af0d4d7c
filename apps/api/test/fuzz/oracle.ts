import {
  ERROR_CODES,
  ERROR_STATUS,
  type ErrorCode,
  type OAUTH_ERRORS,
  oauthErrorSchema,
  problemSchema,
} from "@allot/contracts";
import type { LightMyRequestResponse } from "fastify";
import { z } from "zod";
import { graphStatusAndCode } from "../../src/lib/graph-error.js";
import { type Family, type FuzzRoute, isGraphPath } from "./routes.js";

/**
 * What every answer must be, whatever was asked:
 * - never 5xx;
 * - any error is in its family's format (routes.ts), with no internals (stack, Prisma, file names):
 *   - problem+json (the API): a body the problem contract accepts, with a known `code`, the status ERROR_STATUS
 *     gives that code, and the same `status` in the body;
 *   - Graph's envelope (anything under /graph/v1.0, matched or not): `{error: {code, message, innerError, details}}`
 *     as JSON, whose first detail's code is a known ErrorCode, with the status and Graph code `graphStatusAndCode`
 *     gives it;
 *   - OAuth 2.0's (the token endpoint): `{error, error_description}` as JSON, `error` one of RFC 6749's codes, 401
 *     for invalid_client, 429 (with Retry-After) for temporarily_unavailable, 400 for the others, never cached;
 * - a success is a status the route declares, and its body is what the route declares for that status. Fastify's
 *   serializer already refuses a declared status whose body does not fit (the client sees a 500 InternalError, which
 *   the first rule catches); an undeclared status is sent unchecked, so it is checked here, as is every body again.
 *   A Graph batch's answers are each checked as a Graph answer of their own (no 5xx, errors in the envelope, no
 *   batch inside it).
 * Returns the family and the error's code (the problem's code, the first Graph detail's, the OAuth error), or a null
 * code for successes. Throws a message saying what is wrong.
 */
export interface Verdict {
  family: Family;
  code: string | null;
}

const LEAK = /prisma|\bstack\b|at .*\.ts:\d+|node_modules/i;

/** The family whose error format a request's answer must have: by the route that answered, else by its path. */
export function familyOf(route: FuzzRoute | undefined, url: string): Family {
  if (route?.family === "oauth") return "oauth";
  return isGraphPath(url) ? "graph" : "api";
}

export function checkAnswer(
  response: LightMyRequestResponse,
  route: FuzzRoute | undefined,
  method: string,
  url: string,
): Verdict {
  const family = familyOf(route, url);
  const status = response.statusCode;
  const type = String(response.headers["content-type"] ?? "");
  if (status >= 500) throw new Error(`answered ${status}: ${response.body.slice(0, 500)}`);
  if (family === "oauth" && response.headers["cache-control"] !== "no-store") {
    throw new Error(`the token endpoint answered ${status} without Cache-Control: no-store`);
  }
  if (status >= 200 && status < 300) {
    if (!route) throw new Error(`answered ${status} but no route matched`);
    checkSuccess(response, route, method);
    if (route.key === BATCH_ROUTE) checkBatch(response);
    return { family, code: null };
  }
  if (status < 400) throw new Error(`answered ${status}, neither a success nor an error`);
  const wanted = family === "api" ? "application/problem+json" : "application/json";
  if (!type.startsWith(wanted)) throw new Error(`answered ${status} as ${type || "no content type"}, not ${wanted}`);
  if (method === "HEAD") {
    if (response.body !== "") throw new Error("a HEAD answer has a body");
    return { family, code: null };
  }
  if (LEAK.test(response.body)) throw new Error(`the error leaks internals: ${response.body.slice(0, 300)}`);
  let body: unknown;
  try {
    body = response.json();
  } catch {
    throw new Error(`answered ${status} with an error that is not JSON: ${response.body.slice(0, 300)}`);
  }
  const header = (name: string) => response.headers[name];
  const code =
    family === "api"
      ? checkProblem(body, status)
      : family === "graph"
        ? checkGraphError(body, status, header)
        : checkOAuthError(body, status, header);
  return { family, code };
}

function checkProblem(body: unknown, status: number): ErrorCode {
  const problem = problemSchema.safeParse(body);
  if (!problem.success) throw new Error(`the problem does not fit its contract: ${problem.error.message}`);
  const { code } = problem.data;
  if (!ERROR_CODES.includes(code)) throw new Error(`unknown code ${code}`);
  if (ERROR_STATUS[code] !== status) throw new Error(`code ${code} is ${ERROR_STATUS[code]}, answered ${status}`);
  if (problem.data.status !== status) throw new Error(`problem.status ${problem.data.status} but answered ${status}`);
  return code;
}

/** Graph's error envelope: exactly these members (a stray one could carry what the client should not see). */
const graphErrorSchema = z.strictObject({
  error: z.strictObject({
    code: z.string().min(1),
    message: z.string().min(1),
    innerError: z.strictObject({
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/),
      "request-id": z.string().min(1),
      "client-request-id": z.string().min(1),
    }),
    details: z
      .array(z.strictObject({ code: z.enum(ERROR_CODES), target: z.string().optional(), message: z.string() }))
      .min(1),
  }),
});

type Header = (name: string) => string | string[] | number | undefined;

/** `header` null: a batched answer, which carries only its content type and Retry-After. */
function checkGraphError(body: unknown, status: number, header: Header | null): ErrorCode {
  const parsed = graphErrorSchema.safeParse(body);
  if (!parsed.success) throw new Error(`the Graph error does not fit Graph's envelope: ${parsed.error.message}`);
  const { error } = parsed.data;
  const first = error.details[0] as { code: ErrorCode; target?: string };
  const code = first.code;
  // Graph answers a body naming something that does not exist (assignLicense's unknown skuId) with 400, keeping 404
  // for what the URL names: the detail then says NotFound, with the body's value as its target.
  const unknownInBody = code === "NotFound" && first.target !== undefined && status === 400;
  const expected = unknownInBody ? { status: 400, code: "Request_BadRequest" } : graphStatusAndCode(code);
  if (expected.status !== status) throw new Error(`detail ${code} is Graph's ${expected.status}, answered ${status}`);
  if (expected.code !== error.code) throw new Error(`detail ${code} is Graph's ${expected.code}, not ${error.code}`);
  if (header === null) return code;
  if (status === 401 && !String(header("www-authenticate") ?? "").startsWith("Bearer")) {
    throw new Error("a Graph 401 without its WWW-Authenticate: Bearer challenge");
  }
  if (status === 429 && header("retry-after") === undefined) throw new Error("a Graph 429 without Retry-After");
  return code;
}

const OAUTH_STATUS: Partial<Record<(typeof OAUTH_ERRORS)[number], number>> = {
  invalid_client: 401,
  temporarily_unavailable: 429,
};

function checkOAuthError(body: unknown, status: number, header: Header): string {
  const parsed = z.strictObject(oauthErrorSchema.shape).safeParse(body);
  if (!parsed.success) throw new Error(`the OAuth error does not fit RFC 6749 §5.2: ${parsed.error.message}`);
  const { error } = parsed.data;
  const expected = OAUTH_STATUS[error] ?? 400;
  if (expected !== status) throw new Error(`OAuth's ${error} is ${expected}, answered ${status}`);
  if (status === 401 && header("www-authenticate") === undefined)
    throw new Error("an OAuth 401 without WWW-Authenticate");
  if (status === 429 && header("retry-after") === undefined) throw new Error("an OAuth 429 without Retry-After");
  return error;
}

const failedDependency = z.strictObject({
  error: z.strictObject({ code: z.literal("FailedDependency"), message: z.string().min(1) }),
});

/** The Graph batch route: its answer holds an answer per request, each checked like a Graph answer. */
export const BATCH_ROUTE = "POST /graph/v1.0/$batch";

function checkBatch(response: LightMyRequestResponse): void {
  const { responses } = response.json() as {
    responses: Array<{ id: string; status: number; headers?: Record<string, string>; body?: unknown }>;
  };
  for (const inner of responses) {
    const where = `batched request ${inner.id}`;
    if (inner.status >= 500) throw new Error(`${where} answered ${inner.status}: ${JSON.stringify(inner.body)}`);
    // A batch holds Graph requests, never another batch (whose answer is a list of answers).
    if (Array.isArray((inner.body as { responses?: unknown } | undefined)?.responses)) {
      throw new Error(`${where} ran a batch inside the batch`);
    }
    if (inner.status < 400) continue;
    // Graph spells a batched answer's headers `Content-Type`; a header name is case-insensitive all the same.
    const type = Object.entries(inner.headers ?? {}).find(([name]) => name.toLowerCase() === "content-type")?.[1];
    if (!type?.startsWith("application/json")) {
      throw new Error(`${where} answered ${inner.status} as ${type}, not JSON`);
    }
    if (LEAK.test(JSON.stringify(inner.body))) throw new Error(`${where} leaks internals`);
    // Not run, as a request it depends on failed: Graph's own 424, which no code of ours is behind.
    if (inner.status === 424) {
      if (!failedDependency.safeParse(inner.body).success)
        throw new Error(`${where}: 424 is not Graph's FailedDependency`);
      continue;
    }
    try {
      checkGraphError(inner.body, inner.status, null);
    } catch (error) {
      throw new Error(`${where}: ${(error as Error).message}`);
    }
  }
}

interface ZodLike {
  safeParse(value: unknown): { success: boolean; error?: { message: string } };
}
const isZod = (value: unknown): value is ZodLike =>
  typeof value === "object" && value !== null && typeof (value as ZodLike).safeParse === "function";

function checkSuccess(response: LightMyRequestResponse, route: FuzzRoute, method: string): void {
  const status = String(response.statusCode);
  const declared = route.responses[status];
  if (declared === undefined) {
    throw new Error(`${route.key} answered ${status}, which it does not declare (${Object.keys(route.responses)})`);
  }
  if (method === "HEAD" || response.statusCode === 204) {
    if (response.body !== "") throw new Error(`a ${method} ${status} answer has a body`);
    return;
  }
  const type = String(response.headers["content-type"] ?? "");
  if (isZod(declared)) {
    if (!type.startsWith("application/json")) throw new Error(`answered ${status} as ${type}, not JSON`);
    const parsed = declared.safeParse(response.json());
    if (!parsed.success)
      throw new Error(`the ${status} body does not fit the route's schema: ${parsed.error?.message}`);
    return;
  }
  // OpenAPI-style declarations (the CSV exports): the content type must be one of those declared.
  const content = (declared as { content?: Record<string, unknown> }).content ?? {};
  if (!Object.keys(content).some((declaredType) => type.startsWith(declaredType))) {
    throw new Error(`answered ${status} as ${type}, declared ${Object.keys(content)}`);
  }
}
