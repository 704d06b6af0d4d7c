import { ERROR_CODES, ERROR_STATUS, type ErrorCode, problemSchema } from "@allot/contracts";
import type { LightMyRequestResponse } from "fastify";
import type { FuzzRoute } from "./routes.js";

/**
 * What every answer must be, whatever was asked:
 * - never 5xx;
 * - any error is application/problem+json whose body the problem contract accepts, with a known `code`, the status
 *   ERROR_STATUS gives that code, the same `status` in the body, and no internals (stack, Prisma, file names);
 * - a success is a status the route declares, and its body is what the route declares for that status. Fastify's
 *   serializer already refuses a declared status whose body does not fit (the client sees a 500 InternalError, which
 *   the first rule catches); an undeclared status is sent unchecked, so it is checked here, as is every body again.
 * Returns the problem's code for errors, or null for successes. Throws a message saying what is wrong.
 */
export function checkAnswer(
  response: LightMyRequestResponse,
  route: FuzzRoute | undefined,
  method: string,
): ErrorCode | null {
  const status = response.statusCode;
  const type = String(response.headers["content-type"] ?? "");
  if (status >= 500) throw new Error(`answered ${status}: ${response.body.slice(0, 500)}`);
  if (status >= 200 && status < 300) {
    if (!route) throw new Error(`answered ${status} but no route matched`);
    checkSuccess(response, route, method);
    return null;
  }
  if (status < 400) throw new Error(`answered ${status}, neither a success nor a problem`);
  if (!type.startsWith("application/problem+json")) {
    throw new Error(`answered ${status} as ${type || "no content type"}, not application/problem+json`);
  }
  if (method === "HEAD") {
    if (response.body !== "") throw new Error("a HEAD answer has a body");
    return null;
  }
  let body: unknown;
  try {
    body = response.json();
  } catch {
    throw new Error(`answered ${status} with a problem that is not JSON: ${response.body.slice(0, 300)}`);
  }
  const problem = problemSchema.safeParse(body);
  if (!problem.success) throw new Error(`the problem does not fit its contract: ${problem.error.message}`);
  const { code } = problem.data;
  if (!ERROR_CODES.includes(code)) throw new Error(`unknown code ${code}`);
  if (ERROR_STATUS[code] !== status) throw new Error(`code ${code} is ${ERROR_STATUS[code]}, answered ${status}`);
  if (problem.data.status !== status) throw new Error(`problem.status ${problem.data.status} but answered ${status}`);
  if (/prisma|\bstack\b|at .*\.ts:\d+|node_modules/i.test(response.body)) {
    throw new Error(`the problem leaks internals: ${response.body.slice(0, 300)}`);
  }
  return code;
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
