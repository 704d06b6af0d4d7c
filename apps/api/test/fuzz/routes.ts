import type { Action } from "@allot/domain";
import type { RouteOptions } from "fastify";
import { z } from "zod";
import { GRAPH_PREFIX } from "../../src/lib/graph-error.js";
import { type JsonSchema, jsonSchemaOf } from "./json-schema.js";

/**
 * Routes left out of the fuzz, and why: static files and API documentation only. They are served by
 * @fastify/swagger-ui and @fastify/static (no contract, no session, no data), and `/api/openapi.json` is the
 * document the contracts generate, not a contract itself.
 */
export const EXCLUDED_ROUTES: ReadonlyArray<{ pattern: RegExp; why: string }> = [
  { pattern: /^\/docs(\/|$)/, why: "Swagger UI: static documentation pages" },
  { pattern: /^\/api\/openapi\.json$/, why: "the OpenAPI document generated from the contracts" },
  { pattern: /^\/\*$|^\/$/, why: "the built web app's static files" },
];

/**
 * How a route answers errors, and who may call it:
 * - `api`: problem+json; a session cookie (with its CSRF token on mutations), or a person's token on tenant routes;
 * - `oauth`: the token endpoint, public and form-encoded, answering OAuth 2.0's `{error, error_description}`;
 * - `graph`: the Graph-compatible API, bearer tokens only (a person's or an app's), answering Graph's envelope.
 */
export type Family = "api" | "oauth" | "graph";

/** The token endpoint: the one route whose errors are OAuth's. */
export const TOKEN_ROUTE = "POST /oauth2/v2.0/token";

/** Whether a path is the Graph-compatible API's (its errors are Graph's envelope even when no route matched). */
export const isGraphPath = (url: string) => {
  const path = url.split("?")[0] ?? "";
  return path === GRAPH_PREFIX || path.startsWith(`${GRAPH_PREFIX}/`);
};

export interface FuzzRoute {
  /** "POST /api/tenants/:tenantId/users" */
  key: string;
  method: string;
  url: string;
  family: Family;
  /** Path parameter names, in order. */
  params: string[];
  /** Request parts as JSON Schema, from the route's zod schemas (undefined: the route declares none). */
  querystring?: JsonSchema;
  body?: JsonSchema;
  /** The body is a file, sent raw (a CSV import): no JSON Schema describes it (files.ts makes such bodies). */
  rawFile?: boolean;
  headers?: JsonSchema;
  /** The same parts as the route's zod schemas (what the API validates with). */
  zod: { querystring?: z.ZodType; body?: z.ZodType; headers?: z.ZodType };
  /** The declared responses by status: zod schemas, or OpenAPI-style `{ content: { type: { schema } } }`. */
  responses: Record<string, unknown>;
  /** Reachable without a session (sign-in, health). */
  public: boolean;
  /** The permission-matrix actions of which the route needs one (none: it names none). */
  actions: Action[];
  /** Refuses bearer tokens: a person in a session only. */
  sessionOnly: boolean;
  /** Whether the method may change data (anything but GET and HEAD). */
  mutation: boolean;
}

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/** The app's route table, as `onRoute` saw it, minus the static and documentation routes. One entry per method. */
export function fuzzableRoutes(registered: readonly RouteOptions[]): FuzzRoute[] {
  const routes: FuzzRoute[] = [];
  for (const route of registered) {
    if (EXCLUDED_ROUTES.some(({ pattern }) => pattern.test(route.url))) continue;
    const schema = (route.schema ?? {}) as Record<string, unknown>;
    const config = (route.config ?? {}) as { public?: boolean; action?: Action | Action[]; sessionOnly?: boolean };
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      const key = `${method} ${route.url}`;
      const rawFile = isRawFile(schema.body);
      routes.push({
        key,
        method,
        url: route.url,
        family: key === TOKEN_ROUTE ? "oauth" : isGraphPath(route.url) ? "graph" : "api",
        params: [...route.url.matchAll(/:(\w+)/g)].map((match) => match[1] as string),
        ...(schema.querystring ? { querystring: queryJsonSchema(schema.querystring as z.ZodType) } : {}),
        ...(schema.body && !rawFile ? { body: jsonSchemaOf(schema.body as z.ZodType) } : {}),
        ...(rawFile ? { rawFile } : {}),
        ...(schema.headers ? { headers: jsonSchemaOf(schema.headers as z.ZodType) } : {}),
        zod: {
          ...(schema.querystring ? { querystring: schema.querystring as z.ZodType } : {}),
          ...(schema.body ? { body: schema.body as z.ZodType } : {}),
          ...(schema.headers ? { headers: schema.headers as z.ZodType } : {}),
        },
        responses: (schema.response ?? {}) as Record<string, unknown>,
        public: config.public === true,
        actions:
          config.action === undefined ? [] : typeof config.action === "string" ? [config.action] : [...config.action],
        sessionOnly: config.sessionOnly === true,
        mutation: !SAFE.has(method),
      });
    }
  }
  return routes;
}

/** A body schema that is a custom check (the raw file's Buffer) rather than a JSON shape. */
function isRawFile(body: unknown): boolean {
  return (body as { _zod?: { def?: { type?: string } } } | undefined)?._zod?.def?.type === "custom";
}

/**
 * A query string's JSON Schema. Numbers arrive as text, so the input side of `limit` is only "digits"; its range
 * (1–200, or 1–20 for the people picker) is on the output side. Each such parameter gets the range of its output as
 * `x-integer`, so that valid requests ask for a page size the route takes.
 */
function queryJsonSchema(schema: z.ZodType): JsonSchema {
  const input = jsonSchemaOf(schema);
  const output = z.toJSONSchema(schema, { io: "output", unrepresentable: "any" }) as JsonSchema;
  for (const [name, property] of Object.entries(input.properties ?? {})) {
    const out = output.properties?.[name];
    if (property.type === "string" && (out?.type === "integer" || out?.type === "number")) {
      property["x-integer"] = { minimum: out.minimum ?? 0, maximum: out.maximum ?? 9999 };
    }
  }
  return input;
}
