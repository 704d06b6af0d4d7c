/**
 * Who acts and where: the types every service takes. A leaf module (it imports no service), so that services,
 * lib/audit and the job runner can all depend on it without an import cycle; what the app adds to Fastify's
 * types lives in app-decorations.ts.
 */
import type { Db } from "@allot/db";
import type { Role, TenantRole } from "@allot/domain";
import type { Clock } from "./lib/clock.js";

/** The signed-in user behind a request. */
export interface Actor {
  userId: string;
  tenantId: string;
  displayName: string;
  email: string;
  preferredLanguage: string | null;
  sessionId: string;
  csrfToken: string;
  /** Roles in its own tenant ("member" when it holds no admin role). */
  ownRoles: TenantRole[];
  /** Signed in with a one-time password: only /api/me, changing the password and signing out are allowed. */
  passwordChangeRequired: boolean;
}

/** What a service needs to act in a tenant on someone's behalf. */
export interface TenantContext {
  db: Db;
  actor: Actor;
  tenantId: string;
  /** Roles of the actor in this tenant: its own, or delegated through a partner relationship. */
  roles: Role[];
  requestId: string;
  /** The time the rules see (movable in tests; see lib/clock.ts). */
  clock: Clock;
}
