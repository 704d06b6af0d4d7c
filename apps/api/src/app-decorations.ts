/**
 * What the app adds to Fastify's types: the decorations buildApp puts on the instance, what the auth plugin puts on
 * each request, and the per-route config our plugins read. Kept apart from types.ts because the instance holds the
 * license job runner, which itself depends on the services' types.
 */
import type { Db } from "@allot/db";
import type { Action } from "@allot/domain";
import type { BudgetKind, Config } from "./config.js";
import type { AccessTokens } from "./lib/access-tokens.js";
import type { Clock } from "./lib/clock.js";
import type { JobQueue } from "./lib/job-queue.js";
import type { BillingScheduler } from "./services/billing/scheduler.js";
import type { LicenseJobRunner } from "./services/licenses/job-runner.js";
import type { UserImportApplier } from "./services/user-imports/import-runner.js";
import type { Principal, TenantContext } from "./types.js";

declare module "fastify" {
  interface FastifyInstance {
    db: Db;
    /** The read replica (DATABASE_REPLICA_URL) reports may read, or `db` itself when there is none. */
    replica: Db;
    config: Config;
    licenseJobs: LicenseJobRunner;
    /** Applies user imports on the license jobs' runner. */
    userImports: UserImportApplier;
    /** pg-boss over the app's pool: the queues of the background work (lib/job-queue.ts). */
    jobQueue: JobQueue;
    /** The billing lifecycle job: scheduled on the queue, or run by hand (`runOnce`, tests). */
    billingJob: BillingScheduler;
    clock: Clock;
    /** Signs and verifies app registrations' access tokens (see lib/access-tokens.ts). */
    accessTokens: AccessTokens;
  }
  interface FastifyRequest {
    actor: Principal | null;
    tenant: TenantContext | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (sign-in, health, docs). */
    public?: boolean;
    /** May be kept by caches; every other answer under /api/ is `Cache-Control: no-store`. */
    cacheable?: boolean;
    /**
     * The permission-matrix action a tenant route needs, or several of which any one will do (a list); checked
     * before the handler runs.
     */
    action?: Action | readonly Action[];
    /** Refuses bearer tokens: a person in a session only (making tokens, registering apps). */
    sessionOnly?: boolean;
    /**
     * Open to a personal access token too, though not a tenant route: GET /api/me, which tells a script (the `allot`
     * command line) whose token it holds and which tenants it reaches. An app's token still needs /graph/v1.0.
     */
    personalTokens?: boolean;
    /** Open to a session whose password must be changed first (reading /api/me, changing it, signing out). */
    beforePasswordChange?: boolean;
    /**
     * A read-only report that may read the replica when it has caught up with the caller's own writes (see
     * plugins/read-replica.ts). Its service must only read, through the tenant context's db.
     */
    readReplica?: boolean;
    /**
     * A read that shows work done in the background for the caller (a bulk job's progress): once the caller has seen
     * it, its reports must too, so the answer carries the primary's WAL position as a change's does.
     */
    recordsWalPosition?: boolean;
    /** The per-minute rate budget (per session and per tenant) the route spends from; see plugins/rate-budgets.ts. */
    budget?: BudgetKind;
  }
}
