import fc from "fast-check";
import type { Actor } from "./actors.js";
import {
  type ApiAuth,
  apiAuths,
  type Caller,
  type CallerContext,
  callerFor,
  type GraphAuth,
  graphAuths,
  type TenantMode,
  tenantModes,
  weighted,
} from "./callers.js";
import { fileBody } from "./files.js";
import { batchBody, generatorsForRoute, graphParam, graphQuery } from "./graph.js";
import { badPathSegment, badQueryValue, encodeBytes, serialize } from "./hostile.js";
import { fromJsonSchema, type JsonSchema } from "./json-schema.js";
import { type TokenMode, tokenModes, tokenRequest } from "./oauth.js";
import type { FuzzRoute } from "./routes.js";
import { coherent, idsFor, index, type Profile, type ValueContext } from "./values.js";

/** One request the fuzz sends, and what it chose on the way (printed when the request fails a check). */
export interface Plan {
  route: FuzzRoute;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
  /** The actor whose live session cookie the request carries, if any. */
  actor: Actor | null;
  /** The credential the request carries that the fuzz keeps working: a session, a bearer token, or none. */
  live: "session" | "token" | null;
  /** A Graph request without a working bearer token: it must be answered 401. */
  mustBe401: boolean;
  /** The fuzz's own app's right credentials at the token endpoint: it must issue a token (or 429 while locked). */
  mustIssue: boolean;
  /** As whom it was sent. */
  who: string;
  /** What was chosen: "valid", "body:spoiled", "csrf:missing", … */
  choices: string[];
}

export function describe(plan: Plan): string {
  const headers = Object.entries(plan.headers)
    .filter(([name]) => name !== "cookie")
    .map(([name, value]) => `${name}: ${JSON.stringify(value.slice(0, 200))}`);
  const body = plan.payload === undefined ? "" : ` body=${JSON.stringify(plan.payload.slice(0, 600))}`;
  return (
    `${plan.method} ${plan.url.slice(0, 600)} as ${plan.who} [${plan.choices.join(", ")}]` +
    ` headers={${headers.join(", ")}}${body}`
  );
}

export interface PlannerContext extends CallerContext {
  /** Every route fuzzed (a Graph batch holds requests to the others). */
  routes: FuzzRoute[];
}

type ParamMode = "pool" | "any" | "random" | "upper" | "bad";
type QueryMode = "valid" | "spoiled" | "unknown" | "duplicate" | "broken";
type BodyMode = Profile | "transport";
type Transport =
  | "wrong-type"
  | "no-type"
  | "cut"
  | "empty"
  | "none"
  | "duplicate-key"
  | "too-large"
  | "huge-field"
  | "any-json"
  | "garbage";

const WRONG_TYPES = [
  "text/plain",
  "text/plain;charset=UTF-8",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/xml",
  "application/json-patch+json",
  "application/merge-patch+json",
  "application/json; charset=latin1",
  "application/jsonx",
  "image/png",
  ";",
];

/** A query-string or header value as text: strings as they are, anything else as its JSON. */
const asText = (value: unknown) => (typeof value === "string" ? value : serialize(value));
/** encodeURIComponent, or byte-wise for the lone surrogates it refuses. */
const encode = (text: string) => {
  try {
    return encodeURIComponent(text);
  } catch {
    return encodeBytes(text);
  }
};

interface Choices {
  coherent: boolean;
  actor: number;
  viaToken: boolean;
  auth: ApiAuth;
  graphAuth: GraphAuth;
  tenantMode: TenantMode;
  tenantPick: number;
  paramModes: ParamMode[];
  queryMode: QueryMode;
  bodyMode: BodyMode;
  transport: Transport;
  wrongType: string;
  headerProfile: Profile | "absent";
  method: string | null;
  extraHeader: [string, string] | null;
  tokenMode: TokenMode;
}

/**
 * Requests for one route: its path parameters from pools by name, its query string, headers and body from its
 * contract's JSON Schema, sent by one of the callers its family has (callers.ts), valid or spoiled in one or more
 * places. About half the requests are "coherent": every part valid (a caller allowed the route, its own tenant, real
 * ids of that tenant, a likely body), so they reach the services and many succeed.
 */
export function plansFor(route: FuzzRoute, ctx: PlannerContext): fc.Arbitrary<Plan> {
  const choices: fc.Arbitrary<Choices> = fc.record({
    coherent: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 11, arbitrary: fc.constant(false) }),
    actor: index,
    viaToken: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    auth: apiAuths,
    graphAuth: graphAuths,
    tenantMode: tenantModes,
    tenantPick: index,
    paramModes: fc.array(weighted<ParamMode>(["pool", 80], ["any", 8], ["random", 5], ["upper", 3], ["bad", 4]), {
      minLength: route.params.length,
      maxLength: route.params.length,
    }),
    queryMode: weighted<QueryMode>(["valid", 70], ["spoiled", 14], ["unknown", 8], ["duplicate", 4], ["broken", 4]),
    bodyMode: weighted<BodyMode>(["likely", 45], ["any", 15], ["spoiled", 25], ["transport", 15]),
    transport: weighted<Transport>(
      ["wrong-type", 3],
      ["no-type", 1],
      ["cut", 2],
      ["empty", 1],
      ["none", 1],
      ["duplicate-key", 3],
      ["too-large", 1],
      ["huge-field", 1],
      ["any-json", 2],
      ["garbage", 1],
    ),
    wrongType: fc.constantFrom(...WRONG_TYPES),
    headerProfile: weighted<Profile | "absent">(["absent", 5], ["likely", 3], ["any", 1], ["spoiled", 1]),
    method: fc.oneof(
      { weight: 98, arbitrary: fc.constant(null) },
      { weight: 2, arbitrary: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD") },
    ),
    extraHeader: fc.oneof(
      { weight: 19, arbitrary: fc.constant(null) },
      {
        weight: 1,
        arbitrary: fc.constantFrom<[string, string]>(
          ["x-request-id", "x".repeat(200)],
          ["x-request-id", "../../../etc"],
          ["accept", "text/csv"],
          ["accept", "application/xml"],
          ["content-encoding", "gzip"],
          ["transfer-encoding", "chunked"],
          ["x-forwarded-for", "10.0.0.1, 127.0.0.1"],
          ["x-http-method-override", "DELETE"],
          ["origin", "https://evil.test"],
          ["client-request-id", "<script>alert(1)</script>"],
        ),
      },
    ),
    tokenMode: tokenModes,
  });
  return choices.chain((c) => build(route, ctx, c));
}

function build(route: FuzzRoute, ctx: PlannerContext, c: Choices): fc.Arbitrary<Plan> {
  const { actors, apps, pools } = ctx;
  const caller: Caller = callerFor(route, ctx, c);
  const labels: string[] = [c.coherent ? "coherent" : "mixed", ...caller.labels];
  const { tenantId } = caller;

  const valueCtx: ValueContext = {
    pools,
    tenantId,
    actorId: caller.actor?.userId,
    avoid: () => new Set([...actors.userIds, ...apps.ids]),
    routeUrl: route.url,
  };
  // Ids a route takes together (a group and one of its members) come from one row of the table relating them.
  const related = route.params.filter((name) => name !== "tenantId");
  const together: fc.Arbitrary<Record<string, string> | undefined> =
    related.length < 2
      ? fc.constant(undefined)
      : index.map((n) => {
          const rows = pools.relatedRows(related);
          const first = related[0] as string;
          const inTenant =
            tenantId === undefined
              ? rows
              : rows.filter((row) => pools.inTenant(first, tenantId).includes(row[first] as string));
          return inTenant.length ? inTenant[n % inTenant.length] : undefined;
        });
  const useTogether =
    c.coherent || related.every((name) => (c.paramModes[route.params.indexOf(name)] ?? "pool") === "pool");

  const byMode: Record<ParamMode, (name: string) => fc.Arbitrary<string>> = {
    pool: (name) => idOf(route, name, "likely", valueCtx),
    any: (name) => idOf(route, name, "any", valueCtx),
    random: () => fc.uuid(),
    upper: (name) => idOf(route, name, "likely", valueCtx).map((id) => id.toUpperCase()),
    bad: () => badPathSegment,
  };
  const segments = route.params.map((name, i): fc.Arbitrary<string> => {
    if (name === "tenantId") return caller.tenantSegment;
    const mode: ParamMode = c.coherent ? "pool" : (c.paramModes[i] ?? "pool");
    if (mode !== "pool") labels.push(`${name}:${mode}`);
    return byMode[mode](name);
  });

  const queryMode: QueryMode = c.coherent ? "valid" : c.queryMode;
  const query =
    route.family === "graph" && queryMode === "valid"
      ? graphQuery(valueCtx, route.method)
      : queryFor(route, queryMode, valueCtx, labels);
  const headers = headersFor(route, c.coherent ? "likely" : c.headerProfile, valueCtx, labels);
  const body =
    route.family === "oauth" ? tokenBodyFor(c, ctx, valueCtx, labels) : bodyFor(route, c, valueCtx, labels, ctx.routes);

  return fc
    .tuple(fc.tuple(...segments), together, query, headers, body)
    .map(([ids, row, queryString, extra, payload]) => {
      const chosen = [...labels];
      let i = 0;
      const path = route.url.replace(/:(\w+)/g, (_, name: string) => {
        const id = ids[i++] as string;
        return useTogether && row?.[name] !== undefined ? row[name] : id;
      });
      const method = c.coherent || c.method === null ? route.method : c.method;
      if (method !== route.method) chosen.push(`method:${method}`);
      const headers: Record<string, string> = { ...extra, ...caller.headers(method), ...payload?.headers };
      if (!c.coherent && c.extraHeader) {
        headers[c.extraHeader[0]] = c.extraHeader[1];
        chosen.push(`header:${c.extraHeader[0]}`);
      }
      if (payload?.contentType !== undefined) headers["content-type"] = payload.contentType;
      const sendsBody = payload?.text !== undefined && method !== "GET" && method !== "HEAD";
      const plan: Plan = {
        route,
        method,
        url: `${path}${queryString}`,
        headers,
        ...(sendsBody ? { payload: payload?.text as string } : {}),
        actor: caller.live === "session" ? caller.actor : null,
        live: caller.live,
        mustBe401: caller.mustBe401,
        mustIssue: c.coherent && payload?.mustIssue === true,
        who: caller.who,
        choices: chosen,
      };
      // fast-check prints a failing plan as the request it is, not as the route's schemas.
      return Object.defineProperty(plan, fc.toStringMethod, { value: () => describe(plan) });
    });
}

/** A path parameter's value: Graph's own kinds (a user by id or name, a subscribed SKU), else an id by its name. */
function idOf(route: FuzzRoute, name: string, profile: Profile, ctx: ValueContext): fc.Arbitrary<string> {
  return (route.family === "graph" ? graphParam(name, profile, ctx) : undefined) ?? idsFor(name, profile, ctx);
}

/** The token endpoint's body and the headers that go with it (oauth.ts): coherent ones carry right credentials. */
function tokenBodyFor(
  c: Choices,
  ctx: PlannerContext,
  valueCtx: ValueContext,
  labels: string[],
): fc.Arbitrary<Payload | undefined> {
  const mode: TokenMode = c.coherent ? (c.actor % 3 === 0 ? "basic" : "valid") : c.tokenMode;
  labels.push(`token:${mode}`);
  return tokenRequest(mode, ctx.apps.list, valueCtx).map((request) => {
    const { "content-type": contentType, ...headers } = request.headers;
    return { text: request.payload, contentType, headers, mustIssue: request.mustIssue };
  });
}

function queryFor(route: FuzzRoute, mode: QueryMode, valueCtx: ValueContext, labels: string[]): fc.Arbitrary<string> {
  const schema: JsonSchema = route.querystring ?? { type: "object", properties: {}, additionalProperties: false };
  const profile: Profile = mode === "spoiled" ? "spoiled" : "likely";
  if (mode !== "valid") labels.push(`query:${mode}`);
  const params = fromJsonSchema(schema, generatorsForRoute(route, profile, valueCtx)).map((value) =>
    value !== null && typeof value === "object" && !Array.isArray(value)
      ? Object.entries(value as Record<string, unknown>).map(([k, v]) => `${encode(k)}=${encode(asText(v))}`)
      : [`${encode(asText(value))}`],
  );
  const names = Object.keys(schema.properties ?? {});
  return fc
    .tuple(params, index, badQueryValue, fc.constantFrom("fuzz", "tenantId", "__proto__", "limit[]", "a.b", ""))
    .map(([pairs, n, bad, unknown]) => {
      const list = [...pairs];
      const name = names.length ? (names[n % names.length] as string) : unknown;
      if (mode === "unknown") list.push(`${encode(unknown)}=1`);
      if (mode === "duplicate") list.push(`${encode(name)}=${n % 3}`, `${encode(name)}=${(n % 3) + 1}`);
      if (mode === "broken") list.push(`${encode(name)}=${bad}`, n % 2 ? "&&=&" : "%ZZ");
      return list.length ? `?${list.join("&")}` : n % 10 === 0 ? "?" : "";
    });
}

function headersFor(
  route: FuzzRoute,
  profile: Profile | "absent",
  valueCtx: ValueContext,
  labels: string[],
): fc.Arbitrary<Record<string, string>> {
  if (!route.headers || profile === "absent") return fc.constant({});
  if (profile !== "likely") labels.push(`headers:${profile}`);
  return fromJsonSchema(route.headers, generatorsForRoute(route, profile, valueCtx)).map((value) =>
    value !== null && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value as Record<string, unknown>)
            .filter(([name]) => /^[a-z0-9-]+$/i.test(name))
            .map(([name, v]) => [name, asText(v).replace(/[\r\n]/g, " ")]),
        )
      : {},
  );
}

interface Payload {
  text: string | undefined;
  contentType: string | undefined;
  /** Headers that go with the body (the token endpoint's HTTP Basic credentials). */
  headers?: Record<string, string>;
  mustIssue?: boolean;
}

function bodyFor(
  route: FuzzRoute,
  c: Choices,
  valueCtx: ValueContext,
  labels: string[],
  routes: readonly FuzzRoute[],
): fc.Arbitrary<Payload | undefined> {
  if (route.method === "GET" || route.method === "HEAD") return fc.constant(undefined);
  const json = (text: string): Payload => ({ text, contentType: "application/json" });
  if (route.rawFile) return fileBody(valueCtx, c.coherent || c.bodyMode !== "transport", labels);
  if (!route.body) {
    // No body declared: most clients send none; some send one anyway.
    if (c.coherent || c.bodyMode !== "transport") return fc.constant(undefined);
    labels.push("body:unexpected");
    return fc.oneof(
      fc.jsonValue({ maxDepth: 2 }).map((v) => json(serialize(v))),
      fc.constant<Payload>({ text: "{}", contentType: c.wrongType }),
      fc.string({ unit: "binary", maxLength: 40 }).map((text) => json(text)),
    );
  }
  const schema = route.body;
  const mode: BodyMode = c.coherent ? (c.bodyMode === "any" ? "any" : "likely") : c.bodyMode;
  const generated = (profile: Profile) =>
    fromJsonSchema(schema, generatorsForRoute(route, profile, valueCtx)).map((value) =>
      profile === "likely" ? coherent(value, valueCtx.pools) : value,
    );
  if (mode !== "transport") {
    if (mode !== "likely") labels.push(`body:${mode}`);
    // A likely batch holds requests a Graph client would send to the other routes (graph.ts).
    if (mode === "likely" && route.key === "POST /graph/v1.0/$batch") {
      return batchBody(routes, valueCtx).map((value) => json(serialize(value)));
    }
    return generated(mode).map((value) => json(serialize(value)));
  }
  labels.push(`body:${c.transport}`);
  const valid = generated("likely").map(serialize);
  switch (c.transport) {
    case "wrong-type":
      labels.push(`content-type:${c.wrongType}`);
      return valid.map((text) => ({ text, contentType: c.wrongType }));
    case "no-type":
      return valid.map((text) => ({ text, contentType: undefined }));
    case "cut":
      return fc.tuple(valid, index).map(([text, cut]) => json(text.slice(0, cut % Math.max(1, text.length))));
    case "empty":
      return fc.constant(json(""));
    case "none":
      return fc.constant({ text: undefined, contentType: undefined });
    case "duplicate-key":
      // The same key twice, as raw text: first the hostile value, then the real one (or the other way round).
      return fc
        .tuple(valid, fc.boolean(), fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.constantFrom(500, "x", null)))
        .map(([text, first, other]) => {
          const key = /^\{"((?:[^"\\]|\\.)*)":/.exec(text)?.[1];
          if (!key) return json(text);
          const pair = `"${key}":${serialize(other)}`;
          return json(first ? `{${pair},${text.slice(1)}` : `${text.slice(0, -1)},${pair}}`);
        });
    case "too-large":
      return valid.map((text) => json(`{"pad":"${"x".repeat(1_100 * 1024)}",${text.slice(1)}`));
    case "huge-field":
      return generated("likely").map((value) =>
        json(
          serialize(
            value !== null && typeof value === "object" && !Array.isArray(value)
              ? Object.fromEntries(
                  Object.entries(value).map(([k, v]) => [k, typeof v === "string" ? "x".repeat(100_000) : v]),
                )
              : "x".repeat(100_000),
          ),
        ),
      );
    case "any-json":
      return fc.jsonValue({ maxDepth: 4 }).map((v) => json(serialize(v)));
    case "garbage":
      return fc.string({ unit: "binary", maxLength: 60 }).map((text) => json(text));
  }
}
