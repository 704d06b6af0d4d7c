import type { Action } from "@allot/domain";
import type { RouteOptions } from "fastify";
import { z } from "zod";
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

export interface FuzzRoute {
  /** "POST /api/tenants/:tenantId/users" */
  key: string;
  method: string;
  url: string;
  /** Path parameter names, in order. */
  params: string[];
  /** Request parts as JSON Schema, from the route's zod schemas (undefined: the route declares none). */
  querystring?: JsonSchema;
  body?: JsonSchema;
  headers?: JsonSchema;
  /** The same parts as the route's zod schemas (what the API validates with). */
  zod: { querystring?: z.ZodType; body?: z.ZodType; headers?: z.ZodType };
  /** The declared responses by status: zod schemas, or OpenAPI-style `{ content: { type: { schema } } }`. */
  responses: Record<string, unknown>;
  /** Reachable without a session (sign-in, health). */
  public: boolean;
  /** The permission-matrix action the route needs, if it names one. */
  action?: Action;
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
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      routes.push({
        key: `${method} ${route.url}`,
        method,
        url: route.url,
        params: [...route.url.matchAll(/:(\w+)/g)].map((match) => match[1] as string),
        ...(schema.querystring ? { querystring: queryJsonSchema(schema.querystring as z.ZodType) } : {}),
        ...(schema.body ? { body: jsonSchemaOf(schema.body as z.ZodType) } : {}),
        ...(schema.headers ? { headers: jsonSchemaOf(schema.headers as z.ZodType) } : {}),
        zod: {
          ...(schema.querystring ? { querystring: schema.querystring as z.ZodType } : {}),
          ...(schema.body ? { body: schema.body as z.ZodType } : {}),
          ...(schema.headers ? { headers: schema.headers as z.ZodType } : {}),
        },
        responses: (schema.response ?? {}) as Record<string, unknown>,
        public: (route.config as { public?: boolean } | undefined)?.public === true,
        ...((route.config as { action?: Action } | undefined)?.action
          ? { action: (route.config as { action: Action }).action }
          : {}),
        mutation: !SAFE.has(method),
      });
    }
  }
  return routes;
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
