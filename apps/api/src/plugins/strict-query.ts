import type { FastifyRequest, RouteOptions } from "fastify";
import { z } from "zod";
import { AppError } from "../lib/app-error.js";

/**
 * The query parameters a route's querystring schema declares: none without one. Only strict zod objects (possibly
 * refined or piped) are accepted, so that the schema itself refuses what this check lets through.
 */
function declaredParameters(schema: unknown, route: string): ReadonlySet<string> {
  if (schema === undefined) return new Set();
  if (schema instanceof z.ZodPipe) return declaredParameters(schema.in, route);
  if (schema instanceof z.ZodObject) {
    if (!(schema._zod.def.catchall instanceof z.ZodNever)) {
      throw new Error(`${route}: the querystring schema must be a strict object (z.strictObject)`);
    }
    return new Set(Object.keys(schema.shape));
  }
  throw new Error(`${route}: the querystring schema must be a zod object`);
}

/**
 * An onRoute hook for the API's routes: a query parameter the route does not declare is refused with 400
 * ValidationFailed naming it (`querystring.<name>`), before the body is even validated, so a stray `?dryRun=true`
 * is never mistaken for one that works (Fastify would otherwise validate the body first and report only that).
 */
export function refuseUndeclaredQuery(route: RouteOptions): void {
  const name = `${route.method} ${route.url}`;
  const declared = declaredParameters(route.schema?.querystring, name);
  const refuse = async (request: FastifyRequest) => {
    const unknown = Object.keys(request.query as Record<string, unknown>).filter((key) => !declared.has(key));
    if (unknown.length === 0) return;
    throw new AppError("ValidationFailed", "The request querystring is invalid.", {
      errors: unknown.map((key) => ({ path: `querystring.${key}`, message: "is not a parameter of this route" })),
    });
  };
  const existing = route.preValidation;
  route.preValidation = [refuse, ...(existing === undefined ? [] : Array.isArray(existing) ? existing : [existing])];
}
