import { graphBatchRequestSchema, graphBatchResponseSchema } from "@allot/contracts";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { AppError } from "../../lib/app-error.js";
import { GRAPH_PREFIX } from "../../lib/graph-error.js";
import { type BatchAnswer, runBatch } from "../../services/graph/run-batch.js";
import { odataQuerySchema, refuseUnsupported } from "./odata-query.js";

/** Headers of an inner request that reach the API: the rest (cookies, another token) could change who is asking. */
const PASSED_HEADERS = new Set(["content-type", "consistencylevel", "client-request-id", "prefer", "if-match"]);

/** Percent-decoded, as the router matches a path (`%24batch` is `$batch`); as it is when it is not decodable. */
function decoded(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * The inner request's URL under /graph/v1.0: relative (`/users?$top=5` or `users`), never another batch. It is
 * resolved here as the request will be (dot segments, also percent-encoded ones, removed), so that what is checked is
 * what runs: `/users/../$batch` would be a batch in a batch (and so on, 20 requests each), and `/../../api/…` a route
 * outside the Graph-compatible API.
 */
function innerUrl(url: string, index: number): string {
  const path = url.startsWith("/") ? url : `/${url}`;
  const refuse = (message: string) =>
    new AppError("ValidationFailed", `The batch is invalid: ${message}.`, {
      errors: [{ path: `body.requests[${index}].url`, message }],
    });
  if (/^\/*https?:/i.test(url) || path.startsWith("//")) throw refuse("give a URL relative to /graph/v1.0");
  let resolved: URL;
  try {
    resolved = new URL(`${GRAPH_PREFIX}${path}`, "http://graph.invalid");
  } catch {
    throw refuse("give a URL relative to /graph/v1.0");
  }
  if (!resolved.pathname.startsWith(`${GRAPH_PREFIX}/`)) throw refuse("give a URL under /graph/v1.0");
  const inside = decoded(resolved.pathname.slice(GRAPH_PREFIX.length));
  if (/^\/+\$batch\b/i.test(inside)) throw refuse("a batch cannot hold another batch");
  return `${resolved.pathname}${resolved.search}`;
}

async function sendInner(
  app: FastifyInstance,
  request: FastifyRequest,
  item: Parameters<typeof runBatch>[0]["requests"][number],
  index: number,
): Promise<BatchAnswer> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(item.headers ?? {})) {
    if (PASSED_HEADERS.has(name.toLowerCase())) headers[name.toLowerCase()] = value;
  }
  if (item.body !== undefined && headers["content-type"] === undefined) headers["content-type"] = "application/json";
  const response = await app.inject({
    method: item.method,
    url: innerUrl(item.url, index),
    headers: { ...headers, authorization: request.headers.authorization ?? "" },
    ...(item.body === undefined ? {} : { payload: JSON.stringify(item.body) }),
  });
  const type = String(response.headers["content-type"] ?? "");
  const answer: BatchAnswer = { id: item.id, status: response.statusCode };
  // Spelled as Graph spells them: the SDK's BatchResponseContent looks for "Content-Type" exactly, and without it
  // makes a Response of the body object ("[object Object]") instead of its JSON.
  if (type) answer.headers = { "Content-Type": type };
  const retryAfter = response.headers["retry-after"];
  if (retryAfter !== undefined) answer.headers = { ...answer.headers, "Retry-After": String(retryAfter) };
  if (response.body !== "") answer.body = type.includes("json") ? response.json() : response.body;
  return answer;
}

export const graphBatchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post("/graph/v1.0/$batch", {
    schema: {
      tags: ["Graph: batching"],
      summary: "JSON batching: up to 20 requests in one, run in dependsOn order; each is answered on its own",
      querystring: odataQuerySchema,
      body: graphBatchRequestSchema,
      response: { 200: graphBatchResponseSchema },
    },
    handler: async (request) => {
      refuseUnsupported(request.query, []);
      const indexOf = new Map(request.body.requests.map((item, index) => [item.id, index]));
      // Every URL is checked before anything runs: a bad one refuses the whole batch.
      for (const [index, item] of request.body.requests.entries()) innerUrl(item.url, index);
      const responses = await runBatch(request.body, (item) =>
        sendInner(app, request, item, indexOf.get(item.id) ?? 0),
      );
      return { responses };
    },
  });
};
