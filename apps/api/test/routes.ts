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

/** How a request says who sends it: a session (with its CSRF token), or a bearer token (a person's or an app's). */
export type Credentials = Session | { bearer: string };

/** The route families whose answers are not problem+json: Graph's envelope, and OAuth's token endpoint errors. */
export const isGraph = (route: Route) => route.path.startsWith("/graph/v1.0/");
export const isTokenEndpoint = (route: Route) => route.method === "POST" && route.path === "/oauth2/v2.0/token";

/** Sends a request to a route as a signed-in user (CSRF header included) or with a bearer token, without a body. */
export function sendTo(
  app: FastifyInstance,
  route: Route,
  url: string,
  who: Credentials,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: route.method,
    url,
    headers:
      "bearer" in who
        ? { authorization: `Bearer ${who.bearer}` }
        : { cookie: who.cookie, "x-csrf-token": who.csrfToken },
  });
}
