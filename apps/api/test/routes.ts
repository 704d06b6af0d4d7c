import { randomUUID } from "node:crypto";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import type { Session, TestApp } from "./helpers.js";

export interface Route {
  method: InjectOptions["method"];
  path: string;
}

/** Every route the test app registered (its route table), one entry per method. */
export function registeredRoutes(t: Pick<TestApp, "routes">): Route[] {
  return t.routes.flatMap((route) =>
    (Array.isArray(route.method) ? route.method : [route.method]).map((method) => ({
      method: method as Route["method"],
      path: route.url,
    })),
  );
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
