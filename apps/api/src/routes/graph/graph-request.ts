import type { FastifyRequest } from "fastify";
import { GRAPH_PREFIX } from "../../lib/graph-error.js";

/** Where this API is reached, as the client reached it (behind a trusted proxy, its forwarded scheme and host). */
export function originOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** Graph's `@odata.context` for a resource path, e.g. `users` or `groups/$entity`. */
export function odataContext(request: FastifyRequest, resource: string): string {
  return `${originOf(request)}${GRAPH_PREFIX}/$metadata#${resource}`;
}
