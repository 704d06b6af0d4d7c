import type { Db } from "@allot/db";
import type { Action, Role, TenantRole } from "@allot/domain";
import type { BudgetKind, Config } from "./config.js";
import type { Clock } from "./lib/clock.js";
import type { LicenseJobRunner } from "./services/licenses/job-runner.js";

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

declare module "fastify" {
  interface FastifyInstance {
    db: Db;
    config: Config;
    licenseJobs: LicenseJobRunner;
    clock: Clock;
  }
  interface FastifyRequest {
    actor: Actor | null;
    tenant: TenantContext | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (sign-in, health, docs). */
    public?: boolean;
    /** May be kept by caches; every other answer under /api/ is `Cache-Control: no-store`. */
    cacheable?: boolean;
    /** The permission-matrix action a tenant route needs; checked before the handler runs. */
    action?: Action;
    /** Open to a session whose password must be changed first (reading /api/me, changing it, signing out). */
    beforePasswordChange?: boolean;
    /** The per-minute rate budget (per session and per tenant) the route spends from; see plugins/rate-budgets.ts. */
    budget?: BudgetKind;
  }
}
