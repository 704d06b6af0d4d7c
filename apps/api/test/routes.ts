import { randomUUID } from "node:crypto";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import type { Session } from "./helpers.js";

export interface Route {
  method: InjectOptions["method"];
  path: string;
}

/**
 * Every route registered in the app, read from Fastify's own route table: a tree whose nodes add their text to
 * their parent's (`/api/…/licenses/bulk`, then `Jobs`), four characters of indent per level, a route's methods in
 * brackets.
 */
export function registeredRoutes(app: FastifyInstance): Route[] {
  const routes: Route[] = [];
  const prefixes: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split("\n")) {
    const match = /^((?:[│ ] {3})*)[├└]── (\S+)(?: \(([^)]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = (match[1] as string).length / 4;
    const path = (prefixes[depth - 1] ?? "") + (match[2] as string);
    prefixes[depth] = path;
    for (const method of match[3]?.split(", ") ?? []) routes.push({ method: method as Route["method"], path });
  }
  return routes;
}

/** The documentation UI (@fastify/swagger-ui's files) is no API: its pages may take parameters of their own. */
export const isDocs = (route: Route) => route.path.startsWith("/docs");

/** A concrete URL for a route: the tenant given, every other id a UUID nobody has. */
export const routeUrl = (route: Route, tenantId: string) =>
  route.path
    .replace(":tenantId", tenantId)
    .replace(/:[A-Za-z]+/g, () => randomUUID())
    .replace("*", "x");

/** Sends a request to a route as a signed-in user (CSRF header included), without a body. */
export function sendTo(
  app: FastifyInstance,
  route: Route,
  url: string,
  session: Session,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: route.method,
    url,
    headers: { cookie: session.cookie, "x-csrf-token": session.csrfToken },
  });
}
