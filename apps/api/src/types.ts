/**
 * Who acts and where: the types every service takes. A leaf module (it imports no service), so that services,
 * lib/audit and the job runner can all depend on it without an import cycle; what the app adds to Fastify's
 * types lives in app-decorations.ts.
 */
import type { Db } from "@allot/db";
import type { Action, ApplicationPermission, Grantee, TenantRole } from "@allot/domain";
import type { Clock } from "./lib/clock.js";

/** The person behind a request: signed in with a session, or calling with one of their personal access tokens. */
export interface Actor {
  kind: "user";
  userId: string;
  tenantId: string;
  displayName: string;
  email: string;
  preferredLanguage: string | null;
  /** What rate budgets count per caller: the session's id, or `token:<id>` for a personal access token. */
  sessionId: string;
  /** Empty for a token: bearer requests carry no cookie a cross-site form could ride on, so they need no CSRF token. */
  csrfToken: string;
  /** Roles in its own tenant ("member" when it holds no admin role). */
  ownRoles: TenantRole[];
  /** Signed in with a one-time password: only /api/me, changing the password and signing out are allowed. */
  passwordChangeRequired: boolean;
  /** The personal access token the request came with, and the subset of the person's rights it carries. */
  token: { id: string; name: string; scopes: readonly Action[] } | null;
}

/** An app registration acting as itself, with a client-credentials token of one of its secrets. */
export interface ApplicationActor {
  kind: "application";
  /** No person: what the app changes is audited with the app as the actor. */
  userId: null;
  applicationId: string;
  appId: string;
  displayName: string;
  tenantId: string;
  /** The secret the token was issued for: deleting it ends the token at once. */
  secretId: string;
  permissions: ApplicationPermission[];
}

/** Whoever a request acts for: a person, or an app. */
export type Principal = Actor | ApplicationActor;

/** What a service needs to act in a tenant on someone's behalf. */
export interface TenantContext {
  db: Db;
  actor: Principal;
  tenantId: string;
  /** Roles of the actor in this tenant (its own, or delegated through a partner relationship), or an app's permissions. */
  roles: Grantee[];
  requestId: string;
  /** The time the rules see (movable in tests; see lib/clock.ts). */
  clock: Clock;
}
