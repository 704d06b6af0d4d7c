import type { FastifyRequest } from "fastify";
import type { Actor, Principal, TenantContext } from "../types.js";
import { AppError } from "./app-error.js";

/** The tenant context the auth hook resolved; tenant routes cannot run without it. */
export function tenantOf(request: FastifyRequest): TenantContext {
  if (!request.tenant) throw new Error(`route ${request.routeOptions.url} has no tenant context`);
  return request.tenant;
}

/** The person behind a request to a route of one's own account (a session, or a personal access token). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new Error(`route ${request.routeOptions.url} has no actor`);
  return personOf(request.actor);
}

/** A tenant context whose actor is a person. */
export type PersonContext = TenantContext & { actor: Actor };

const notAPerson = () =>
  new AppError("Forbidden", "An app cannot do this: it is something a person does for themself (sign in as one).");

/** The actor as a person: an app acting as itself cannot own flows, ask for licenses or buy for itself. */
export function personOf(actor: Principal): Actor {
  if (actor.kind !== "user") throw notAPerson();
  return actor;
}

/** The tenant context, for a service that acts for the person themself (see personOf). */
export function personContext(ctx: TenantContext): PersonContext {
  return { ...ctx, actor: personOf(ctx.actor) };
}

/**
 * Who a request's records belong to (an idempotency key, a rate budget): the person, or the app. Ids of both are
 * UUIDs from one generator, so the two never collide.
 */
export function principalId(actor: Principal): string {
  return actor.kind === "user" ? actor.userId : actor.applicationId;
}
