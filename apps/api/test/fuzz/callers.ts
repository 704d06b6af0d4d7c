import { APPLICATION_PERMISSIONS, can, type Grantee, type Role, tokenGrantees } from "@allot/domain";
import fc from "fast-check";
import type { Actor, Actors } from "./actors.js";
import type { FuzzApp, FuzzApps } from "./apps.js";
import { badPathSegment } from "./hostile.js";
import type { Pools } from "./pools.js";
import type { FuzzRoute } from "./routes.js";

/**
 * Who sends a request, and how it says so. By the route's family (routes.ts):
 * - the API: a demo account's session cookie (with, without or with a wrong CSRF token), its personal access token
 *   (no CSRF token: no browser attaches it on its own), an app's token (which reaches only Graph), a dead or bogus
 *   credential, or none;
 * - Graph: a demo account's personal access token or an app's token, the tenant being the token's; or no working
 *   bearer token at all (none, a session cookie only, garbage, a revoked or expired token), which must be 401;
 * - the token endpoint: nobody (it is public; the client's credentials are in the request, see oauth.ts).
 */

export const weighted = <T>(...pairs: Array<[T, number]>): fc.Arbitrary<T> =>
  fc.oneof(...pairs.map(([value, weight]) => ({ weight, arbitrary: fc.constant(value) })));

export type ApiAuth =
  | "session"
  | "token"
  | "no-csrf"
  | "wrong-csrf"
  | "none"
  | "bogus-cookie"
  | "dead-cookie"
  | "dead-token"
  | "app-token"
  | "garbage-token";
export type GraphAuth = "token" | "app" | "none" | "cookie" | "garbage-token" | "dead-token";
export type TenantMode = "home" | "known" | "random" | "upper" | "bad";

export const apiAuths = weighted<ApiAuth>(
  ["session", 72],
  ["token", 14],
  ["no-csrf", 3],
  ["wrong-csrf", 2],
  ["none", 4],
  ["bogus-cookie", 1],
  ["dead-cookie", 1],
  ["dead-token", 1],
  ["app-token", 1],
  ["garbage-token", 1],
);
export const graphAuths = weighted<GraphAuth>(
  ["token", 42],
  ["app", 42],
  ["none", 4],
  ["cookie", 4],
  ["garbage-token", 4],
  ["dead-token", 4],
);
export const tenantModes = weighted<TenantMode>(["home", 70], ["known", 18], ["random", 5], ["upper", 4], ["bad", 3]);

/** Bearer headers that hold no token the API issued, or are no bearer header at all. */
const GARBAGE_AUTHORIZATION = [
  "Bearer allot_pat_not-a-token",
  "Bearer eyJhbGciOiJFUzI1NiJ9.eyJ0aWQiOiJ4In0.c2lnbmF0dXJl",
  "Bearer eyJhbGciOiJub25lIn0.eyJ0aWQiOiJ4In0.",
  "Bearer ",
  "Bearer a b",
  "Bearer \u00e9t\u00e9",
  "Token allot_pat_x",
  "Basic YTpi",
  "bearer",
];

export interface CallerContext {
  pools: Pools;
  actors: Actors;
  apps: FuzzApps;
  /** Cookies of sessions that ended (signed out, reset): a stale session is one more way to be refused. */
  deadCookies: string[];
  /** Bearer tokens that no longer work: revoked personal tokens, tokens of deleted apps or secrets, expired ones. */
  deadTokens: string[];
}

export interface CallerChoices {
  coherent: boolean;
  /** Picks the actor, or the principal of a coherent request. */
  actor: number;
  /** A coherent request to a tenant route goes with the actor's personal access token instead of its session. */
  viaToken: boolean;
  auth: ApiAuth;
  graphAuth: GraphAuth;
  tenantMode: TenantMode;
  tenantPick: number;
}

/** Who sends one request, and what the fuzz expects of the answer because of it. */
export interface Caller {
  /** The demo account the request is sent as (its session or token), if a person's; for ids it owns. */
  actor: Actor | null;
  /** The tenant the request acts in, when the fuzz knows it: a tenant route's, a Graph token's. */
  tenantId: string | undefined;
  /** The tenant route's `:tenantId` segment. */
  tenantSegment: fc.Arbitrary<string>;
  /** The headers that carry the credentials, for the method finally sent (a session's mutations need CSRF). */
  headers(method: string): Record<string, string>;
  /** The credential the request carries that the fuzz keeps working: a session, a bearer token, or none. */
  live: "session" | "token" | null;
  /** A Graph request without a working bearer token: the answer must be 401. */
  mustBe401: boolean;
  /** As whom, for the failure message ("admin@contoso.test by token", "the app of <tenant>"). */
  who: string;
  labels: string[];
}

const TENANT_ROUTE = /^\/api\/tenants\/:tenantId(\/|$)/;

/** The roles of an actor in a tenant, narrowed to its token's scopes when it calls with its token. */
function granteesOf(actor: Actor, roles: Role[], viaToken: boolean): Grantee[] {
  return viaToken ? tokenGrantees(roles, actor.pat.scopes) : roles;
}

const allows = (route: FuzzRoute, grantees: readonly Grantee[]) =>
  route.actions.length === 0 || route.actions.some((action) => can(grantees, action));

/**
 * Who sends a coherent API request, and in which tenant: an actor whose role there (and token, when it calls with
 * one) allows one of the route's actions (a coherent request is one meant to pass, and most actors lack most
 * rights), or anyone for routes without an action.
 */
function allowedPairs(route: FuzzRoute, actors: Actors, viaToken: boolean): Array<{ actor: Actor; tenantId: string }> {
  return actors.list.flatMap((actor) =>
    actor.access
      .filter(({ roles }) => allows(route, granteesOf(actor, roles, viaToken)))
      .map(({ tenantId }) => ({ actor, tenantId })),
  );
}

/** Who may call a Graph route coherently: demo accounts by token in their own tenant, and the fuzz's apps. */
function graphPrincipals(route: FuzzRoute, ctx: CallerContext): Array<{ actor: Actor } | { app: FuzzApp }> {
  const people = ctx.actors.list.filter((actor) => {
    const roles = actor.access.find((access) => access.tenantId === actor.homeTenantId)?.roles ?? [];
    return allows(route, granteesOf(actor, roles, true));
  });
  const apps = allows(route, APPLICATION_PERMISSIONS) ? ctx.apps.list : [];
  return [...people.map((actor) => ({ actor })), ...apps.map((app) => ({ app }))];
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const pick = <T>(list: readonly T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);

export function callerFor(route: FuzzRoute, ctx: CallerContext, c: CallerChoices): Caller {
  if (route.family === "graph") return graphCaller(route, ctx, c);
  if (route.family === "oauth") {
    return {
      actor: null,
      tenantId: undefined,
      tenantSegment: fc.constant(""),
      headers: () => ({}),
      live: null,
      mustBe401: false,
      who: "(a client)",
      labels: [],
    };
  }
  return apiCaller(route, ctx, c);
}

function apiCaller(route: FuzzRoute, ctx: CallerContext, c: CallerChoices): Caller {
  const { actors, pools } = ctx;
  const tokenWorks = TENANT_ROUTE.test(route.url) && !route.sessionOnly;
  let auth: ApiAuth = c.coherent ? (c.viaToken && tokenWorks ? "token" : "session") : c.auth;
  const tenantMode: TenantMode = c.coherent ? "home" : c.tenantMode;
  const labels: string[] = [];

  // The actor and the tenant: for a coherent request one the actor's role there allows; otherwise any actor, in its
  // own tenant (or a customer it manages), another known one, or not a tenant at all.
  let actor = actors.list[c.actor % actors.list.length] as Actor;
  let tenantId: string | undefined;
  let tenantSegment: fc.Arbitrary<string>;
  if (c.coherent) {
    let pairs = allowedPairs(route, actors, auth === "token");
    if (pairs.length === 0 && auth === "token") {
      auth = "session";
      pairs = allowedPairs(route, actors, false);
    }
    if (pairs.length === 0) pairs = actors.list.map((a) => ({ actor: a, tenantId: a.access[0]?.tenantId ?? "" }));
    const pair = pairs[c.actor % pairs.length] as { actor: Actor; tenantId: string };
    actor = pair.actor;
    tenantId = pair.tenantId;
    tenantSegment = fc.constant(tenantId);
  } else if (tenantMode === "home" || tenantMode === "known" || tenantMode === "upper") {
    const list = tenantMode === "known" ? [...pools.domains.keys()] : actor.access.map((a) => a.tenantId);
    tenantId = list[c.tenantPick % list.length] as string;
    tenantSegment = fc.constant(tenantMode === "upper" ? tenantId.toUpperCase() : tenantId);
  } else {
    tenantSegment = tenantMode === "random" ? fc.uuid() : badPathSegment;
  }
  if (route.params.includes("tenantId")) labels.push(`tenant:${tenantMode}`);
  if (auth !== "session") labels.push(`auth:${auth}`);

  const session = auth === "session" || auth === "no-csrf" || auth === "wrong-csrf";
  const headers = (method: string): Record<string, string> => {
    switch (auth) {
      case "session":
      case "no-csrf":
      case "wrong-csrf": {
        const sent: Record<string, string> = { cookie: actor.session.cookie };
        if (auth === "wrong-csrf") sent["x-csrf-token"] = `${actor.session.csrfToken.slice(0, -1)}x`;
        else if (auth === "session" && method !== "GET" && method !== "HEAD") {
          sent["x-csrf-token"] = actor.session.csrfToken;
        }
        return sent;
      }
      case "token":
        return bearer(actor.pat.token);
      case "bogus-cookie":
        return { cookie: "allot_session=not-a-session-token" };
      case "dead-cookie":
        return { cookie: pick(ctx.deadCookies, c.tenantPick) ?? "allot_session=" };
      case "dead-token":
        return bearer(pick(ctx.deadTokens, c.tenantPick) ?? "allot_pat_");
      case "app-token":
        return bearer((pick(ctx.apps.list, c.tenantPick) as FuzzApp).token);
      case "garbage-token":
        return { authorization: pick(GARBAGE_AUTHORIZATION, c.tenantPick) as string };
      case "none":
        return {};
    }
  };
  const person = session || auth === "token";
  return {
    actor: person ? actor : null,
    tenantId,
    tenantSegment,
    headers,
    live: session ? "session" : auth === "token" || auth === "app-token" ? "token" : null,
    mustBe401: false,
    who: person ? `${actor.email}${auth === "token" ? " by token" : ""}` : "(no session)",
    labels,
  };
}

function graphCaller(route: FuzzRoute, ctx: CallerContext, c: CallerChoices): Caller {
  const { actors, apps } = ctx;
  let auth: GraphAuth = c.graphAuth;
  let actor = actors.list[c.actor % actors.list.length] as Actor;
  let app = apps.list[c.tenantPick % apps.list.length] as FuzzApp;
  if (c.coherent) {
    const principals = graphPrincipals(route, ctx);
    const principal = pick(principals, c.actor) ?? { app };
    if ("actor" in principal) {
      auth = "token";
      actor = principal.actor;
    } else {
      auth = "app";
      app = principal.app;
    }
  }
  const labels = auth === "token" || auth === "app" ? [`auth:${auth}`] : [`auth:${auth}`, "must be 401"];
  // The tenant is the token's; without one, ids of the actor's own tenant (they make no difference to a 401).
  const tenantId = auth === "app" ? app.tenantId : actor.homeTenantId;
  const headers = (): Record<string, string> => {
    switch (auth) {
      case "token":
        return bearer(actor.pat.token);
      case "app":
        return bearer(app.token);
      case "cookie":
        return { cookie: actor.session.cookie, "x-csrf-token": actor.session.csrfToken };
      case "garbage-token":
        return { authorization: pick(GARBAGE_AUTHORIZATION, c.tenantPick) as string };
      case "dead-token":
        return bearer(pick(ctx.deadTokens, c.tenantPick) ?? "allot_pat_");
      case "none":
        return {};
    }
  };
  const live = auth === "token" || auth === "app";
  return {
    actor: auth === "token" ? actor : null,
    tenantId,
    tenantSegment: fc.constant(tenantId),
    headers,
    live: live ? "token" : null,
    mustBe401: !live,
    who:
      auth === "token"
        ? `${actor.email} by token`
        : auth === "app"
          ? `the app of tenant ${app.tenantId}`
          : "(no token)",
    labels,
  };
}
