import type { FastifyRequest } from "fastify";
import type { TenantContext } from "../types.js";

/** The tenant context the auth hook resolved; tenant routes cannot run without it. */
export function tenantOf(request: FastifyRequest): TenantContext {
  if (!request.tenant) throw new Error(`route ${request.routeOptions.url} has no tenant context`);
  return request.tenant;
}

export function actorOf(request: FastifyRequest) {
  if (!request.actor) throw new Error(`route ${request.routeOptions.url} has no actor`);
  return request.actor;
}
