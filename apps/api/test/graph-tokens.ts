import type { CreatedPersonalToken, CreatedSecret } from "@allot/contracts";
import { allowedActions } from "@allot/domain";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import { as, type Session } from "./helpers.js";

/** An app registered in a tenant through the API, with one client secret. */
export interface RegisteredApp {
  id: string;
  appId: string;
  secret: CreatedSecret;
}

export async function registerApp(
  app: FastifyInstance,
  admin: Session,
  tenantId: string,
  permissions: string[],
  displayName = "Graph test app",
): Promise<RegisteredApp> {
  const created = await as(app, admin).post(`/api/tenants/${tenantId}/applications`, { displayName, permissions });
  expect(created.statusCode, created.body).toBe(201);
  const { id, appId } = created.json() as { id: string; appId: string };
  const secret = await as(app, admin).post(`/api/tenants/${tenantId}/applications/${id}/secrets`, {});
  expect(secret.statusCode, secret.body).toBe(201);
  return { id, appId, secret: secret.json() as CreatedSecret };
}

/** A client-credentials access token of the app (the token endpoint, as a script gets one). */
export async function accessToken(app: FastifyInstance, registered: RegisteredApp): Promise<string> {
  const response = await app.inject({
    method: "POST",
    url: "/oauth2/v2.0/token",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    payload: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: registered.appId,
      client_secret: registered.secret.secretText,
      scope: "api://allot/.default",
    }).toString(),
  });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { access_token: string }).access_token;
}

/**
 * A personal access token of a signed-in person (POST /api/me/tokens), with every right the person holds by
 * default (applications.manage aside, which no token carries).
 */
export async function personalToken(app: FastifyInstance, session: Session, scopes?: string[]): Promise<string> {
  const held = allowedActions(session.me.tenants.flatMap((tenant) => tenant.roles));
  const response = await as(app, session).post("/api/me/tokens", {
    name: "test token",
    scopes: scopes ?? held.filter((action) => action !== "applications.manage"),
  });
  expect(response.statusCode, response.body).toBe(201);
  return (response.json() as CreatedPersonalToken).token;
}

/** Requests to the Graph-compatible API with a bearer token. */
export function graph(app: FastifyInstance, token: string) {
  const send = (
    method: InjectOptions["method"],
    path: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) =>
    app.inject({
      method,
      url: `/graph/v1.0${path}`,
      headers: { authorization: `Bearer ${token}`, ...headers },
      ...(payload === undefined ? {} : { payload: payload as InjectOptions["payload"] }),
    });
  return {
    get: (path: string, headers?: Record<string, string>) => send("GET", path, undefined, headers),
    post: (path: string, payload?: unknown, headers?: Record<string, string>) => send("POST", path, payload, headers),
    patch: (path: string, payload?: unknown) => send("PATCH", path, payload),
    delete: (path: string) => send("DELETE", path),
  };
}

/** Asserts Graph's error envelope and returns it. */
export function graphError(response: LightMyRequestResponse): {
  status: number;
  code: string;
  message: string;
  details: Array<{ code: string; target?: string; message: string }>;
} {
  const body = response.json() as {
    error?: { code: string; message: string; innerError?: Record<string, string>; details?: [] };
  };
  expect(body.error, response.body).toBeDefined();
  expect(body.error?.innerError).toMatchObject({
    date: expect.any(String),
    "request-id": expect.any(String),
    "client-request-id": expect.any(String),
  });
  const error = body.error as { code: string; message: string; details?: [] };
  return { status: response.statusCode, code: error.code, message: error.message, details: error.details ?? [] };
}
