import { GRAPH_USER_PROPERTIES } from "@allot/contracts";
import fc from "fast-check";
import { GROUP_PROPERTIES } from "../../src/services/graph/graph-groups.js";
import { HOSTILE_STRINGS } from "./hostile.js";
import { fromJsonSchema, type Generators } from "./json-schema.js";
import type { FuzzRoute } from "./routes.js";
import { coherent, generatorsFor, idsFor, index, type Profile, type ValueContext } from "./values.js";

/**
 * Values of the Graph-compatible API (/graph/v1.0): OData query options that mean something (a `$filter` the users
 * collection runs, `$select` of real properties, `$skiptoken`s it handed out), users by id or user principal name,
 * subscribed SKU ids, `$ref` targets, and JSON batches of the other Graph routes' requests. Every id comes from the
 * tenant of the token the request carries (ValueContext.tenantId), as the API takes the tenant from the token.
 */

const pick = <T>(list: readonly T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);

const PROPERTIES = [...new Set<string>([...GRAPH_USER_PROPERTIES, ...GROUP_PROPERTIES])];

/** Filters the users collection runs (services/graph: every one in SQL), a few it refuses. */
function filters(ctx: ValueContext): fc.Arbitrary<string> {
  const sku = idsFor("skuId", "likely", ctx);
  return fc.oneof(
    fc.constantFrom(
      "accountEnabled eq true",
      "accountEnabled ne false",
      "userType eq 'Guest'",
      "userType eq 'Member'",
      "usageLocation eq 'NL'",
      "usageLocation ne 'US'",
      "startswith(displayName,'a')",
      "startswith(displayName,'Fuzz')",
      "startswith(userPrincipalName,'admin')",
      "userType eq 'Member' and accountEnabled eq true",
      "not(accountEnabled eq true)",
      "startswith(displayName,'O''Brien') or usageLocation eq 'US'",
    ),
    sku.map((id) => `assignedLicenses/any(x:x/skuId eq ${id})`),
    sku.map((id) => `not(assignedLicenses/any(x:x/skuId eq ${id})) and accountEnabled eq true`),
  );
}

/** Filters that are not: syntax, types, unknown properties, operators Allot does not run. */
const BAD_FILTERS = [
  "",
  "accountEnabled eq",
  "displayName eq 'unterminated",
  "((((((accountEnabled eq true",
  "accountEnabled eq 'yes'",
  "jobTitle eq 'x'",
  "displayName gt 'a'",
  "endswith(mail,'@contoso.test')",
  "assignedLicenses/any(x:x/skuId eq not-a-guid)",
  "assignedLicenses/$count eq 0",
  `${"not(".repeat(200)}accountEnabled eq true${")".repeat(200)}`,
  "userType eq 'Member' and ".repeat(100).concat("accountEnabled eq true"),
];

/** The `$skiptoken`s the API handed out for this route's pages. */
function skipTokens(ctx: ValueContext): fc.Arbitrary<string> {
  return index.map((n) => {
    const link = pick(ctx.pools.nextLinks.get(ctx.routeUrl) ?? [], n);
    return (link && new URL(link, "http://x").searchParams.get("$skiptoken")) ?? "";
  });
}

/** A value for an OData system option (`$top`, `$filter`, …), by the profile: sensible, or anything. */
export function odataValue(option: string, profile: Profile, ctx: ValueContext): fc.Arbitrary<string> | undefined {
  const junk = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS.slice(0, 24)), fc.string({ maxLength: 20 }));
  const or = (good: fc.Arbitrary<string>, bad: fc.Arbitrary<string>) =>
    profile === "likely" ? good : fc.oneof({ weight: 2, arbitrary: good }, { weight: 1, arbitrary: bad });
  switch (option) {
    case "$top":
      return or(
        fc.oneof(fc.integer({ min: 1, max: 20 }), fc.constantFrom(1, 999)).map(String),
        fc.constantFrom("0", "1000", "-1", "1.5", "1e2", " 5", "05"),
      );
    case "$select":
      return or(
        fc.uniqueArray(fc.constantFrom(...PROPERTIES), { minLength: 1, maxLength: 3 }).map((list) => list.join(",")),
        fc.constantFrom("passwordHash", "id,,displayName", "*", "DisplayName", "manager", "id,tenantId"),
      );
    case "$filter":
      return or(filters(ctx), fc.oneof(fc.constantFrom(...BAD_FILTERS), junk));
    case "$orderby":
      return or(
        fc.constantFrom("displayName", "displayName asc", "displayName desc"),
        fc.constantFrom("id", "userPrincipalName", "displayName sideways", "displayName,id"),
      );
    case "$count":
      return or(fc.constantFrom("true", "false"), fc.constantFrom("TRUE", "yes", "1"));
    case "$skiptoken":
      return or(skipTokens(ctx), fc.oneof(junk, fc.base64String({ maxLength: 60 })));
    case "$expand":
    case "$search":
    case "$skip":
    case "$format":
    case "$apply":
    case "$compute":
      return fc.constantFrom("manager", '"displayName:a"', "10", "json", "groupby((userType))", "x");
    default:
      return undefined;
  }
}

const encode = (text: string) => {
  try {
    return encodeURIComponent(text);
  } catch {
    return "x";
  }
};

/**
 * A query a Graph client would send: for a read mostly none, else one or two of the options the collections take
 * with sensible values, or the next page of a list already read (its whole `@odata.nextLink`); for a write almost
 * always none (Graph's writes take no options).
 */
export function graphQuery(ctx: ValueContext, method: string): fc.Arbitrary<string> {
  const options = fc
    .uniqueArray(fc.constantFrom("$top", "$select", "$filter", "$orderby", "$count", "$skiptoken"), {
      minLength: 1,
      maxLength: 2,
    })
    .chain((names) =>
      fc.tuple(...names.map((name) => (odataValue(name, "likely", ctx) as fc.Arbitrary<string>).map((v) => [name, v]))),
    )
    .map((pairs) => `?${pairs.map(([name, value]) => `${name}=${encode(value as string)}`).join("&")}`);
  const nextPage = index.map((n) => {
    const link = pick(ctx.pools.nextLinks.get(ctx.routeUrl) ?? [], n);
    return link ? new URL(link, "http://x").search : "";
  });
  const read = method === "GET" || method === "HEAD";
  return fc.oneof(
    { weight: read ? 11 : 19, arbitrary: fc.constant("") },
    { weight: read ? 7 : 1, arbitrary: options },
    ...(read ? [{ weight: 2, arbitrary: nextPage }] : []),
  );
}

/** Graph's path parameters that are no table's id: a user by id or user principal name, a subscribed SKU's id. */
export function graphParam(name: string, profile: Profile, ctx: ValueContext): fc.Arbitrary<string> | undefined {
  if (name === "user") {
    const upn = index.map((n) => pick(ctx.pools.inTenant("email", ctx.tenantId), n) ?? "nobody@contoso.test");
    const ids = idsFor("user", profile, ctx);
    return profile === "likely"
      ? fc.oneof({ weight: 3, arbitrary: ids }, { weight: 1, arbitrary: upn })
      : fc.oneof(
          ids,
          upn,
          upn.map((text) => text.toUpperCase()),
          fc.constantFrom("me", "@", "a@b", "%40"),
        );
  }
  if (name === "id") {
    const mine = index.map((n) => {
      const sku = pick(ctx.pools.subscribedSkus.get(ctx.tenantId ?? "") ?? [], n);
      return `${ctx.tenantId}_${sku ?? "00000000-0000-4000-8000-000000000000"}`;
    });
    if (profile === "likely") return mine;
    const foreign = fc
      .tuple(index, idsFor("skuId", "any", ctx))
      .map(([n, sku]) => `${pick([...ctx.pools.domains.keys()], n)}_${sku}`);
    return fc.oneof(
      mine,
      foreign,
      mine.map((id) => id.toUpperCase()),
      idsFor("skuId", "any", ctx),
    );
  }
  return undefined;
}

/** `{"@odata.id": …}`'s target: a user of the tenant, as Graph's directoryObjects or users URL. */
export function odataIdFor(profile: Profile, ctx: ValueContext): fc.Arbitrary<string> {
  return fc
    .tuple(idsFor("userId", profile, ctx), fc.constantFrom("directoryObjects", "users"))
    .map(([id, kind]) => `https://graph.microsoft.com/v1.0/${kind}/${id}`);
}

/**
 * The value generators for a Graph route's request: the common ones (values.ts), and Graph's own names: OData's
 * system options, the ConsistencyLevel header, a `$ref`'s `@odata.id`.
 */
export function graphGenerators(profile: Profile, ctx: ValueContext): Generators {
  const base = generatorsFor(profile, ctx);
  const own = (key: string): fc.Arbitrary<string> | undefined => {
    if (key.startsWith("$")) return odataValue(key, profile, ctx);
    if (key === "@odata.id") return odataIdFor(profile, ctx);
    if (key === "consistencylevel") {
      return profile === "likely" ? fc.constant("eventual") : fc.constantFrom("eventual", "Eventual", "session", "");
    }
    return undefined;
  };
  return { ...base, stringFor: (site, schema) => own(site.key) ?? base.stringFor(site, schema) };
}

/** The value generators for a route's request, by its family. */
export function generatorsForRoute(route: FuzzRoute, profile: Profile, ctx: ValueContext): Generators {
  return route.family === "graph" ? graphGenerators(profile, ctx) : generatorsFor(profile, ctx);
}

/** A path of a Graph route with ids of the tenant, relative to /graph/v1.0 (as a batch names it). */
function relativePath(route: FuzzRoute, ctx: ValueContext): fc.Arbitrary<string> {
  const segments = route.params.map((name) => graphParam(name, "likely", ctx) ?? idsFor(name, "likely", ctx));
  const related = route.params.length >= 2 ? ctx.pools.relatedRows(route.params) : [];
  const query = graphQuery({ ...ctx, routeUrl: route.url }, route.method);
  return fc.tuple(fc.tuple(...segments), index, query).map(([ids, n, query]) => {
    const row = pick(related, n);
    let i = 0;
    const path = route.url.replace(/:(\w+)/g, (_, name: string) => {
      const id = ids[i++] as string;
      return row?.[name] ?? id;
    });
    return `${path.slice("/graph/v1.0".length)}${query}`;
  });
}

/**
 * Inner URLs that lead elsewhere once their dot segments are resolved, as a server resolves them: another batch (a
 * batch in a batch in a batch…), or the API's own routes outside /graph/v1.0. A batch holding one must be refused.
 */
const ESCAPING_URLS = [
  "/users/../$batch",
  "/./$batch",
  "/groups/%2e%2e/$batch",
  "\\$batch",
  "/../../api/me",
  "/users/../../../healthz",
  "/%2e%2e/%2e%2e/api/me/tokens",
  "/../../oauth2/v2.0/token",
];

/**
 * A JSON batch (POST /$batch) of one to four requests to the other Graph routes, each with ids of the tenant and a
 * likely body, sometimes depending on an earlier one (dependsOn), sometimes naming the same id twice, depending on
 * one that is not there, or with a URL that leads out of /graph/v1.0 or into another batch.
 */
export function batchBody(routes: readonly FuzzRoute[], ctx: ValueContext): fc.Arbitrary<unknown> {
  const inner = routes.filter((route) => route.family === "graph" && route.url !== "/graph/v1.0/$batch");
  const routesOfBatch = inner.filter((route) => route.method !== "HEAD");
  const item = index.chain((n) => {
    const route = routesOfBatch[n % routesOfBatch.length] as FuzzRoute;
    const body =
      route.body && route.method !== "GET" && route.method !== "DELETE"
        ? fromJsonSchema(route.body, graphGenerators("likely", { ...ctx, routeUrl: route.url })).map((value) =>
            coherent(value, ctx.pools),
          )
        : fc.constant(undefined);
    return fc.record({ method: fc.constant(route.method), url: relativePath(route, ctx), body });
  });
  const escaping = fc.oneof(
    { weight: 19, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constantFrom(...ESCAPING_URLS) },
  );
  return fc
    .tuple(
      fc.array(item, { minLength: 1, maxLength: 4 }),
      fc.array(fc.nat({ max: 5 }), { minLength: 4, maxLength: 4 }),
      fc.array(escaping, { minLength: 4, maxLength: 4 }),
    )
    .map(([items, links, elsewhere]) => ({
      requests: items.map((entry, i) => {
        const dependsOn = links[i] as number;
        return {
          // Mostly distinct ids; now and then one repeated, or a dependency on a request the batch does not hold.
          id: dependsOn === 5 && i > 0 ? "1" : String(i + 1),
          method: entry.method,
          url: elsewhere[i] ?? (dependsOn === 4 ? entry.url.slice(1) : entry.url),
          ...(entry.body === undefined ? {} : { body: entry.body, headers: { "Content-Type": "application/json" } }),
          ...(dependsOn < i ? { dependsOn: [String(dependsOn + 1)] } : dependsOn === 3 ? { dependsOn: ["9"] } : {}),
        };
      }),
    }));
}
