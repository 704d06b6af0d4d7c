import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Db } from "@allot/db";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyServerOptions, type RouteOptions } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { Config } from "./config.js";
import { AccessTokens } from "./lib/access-tokens.js";
import { type Clock, systemClock } from "./lib/clock.js";
import { isGraphRequest } from "./lib/graph-error.js";
import { JobQueue, type JobQueueOptions } from "./lib/job-queue.js";
import { sendProblem } from "./lib/problem.js";
import { purgeRateWindows } from "./lib/rate-budget.js";
import { sharedRateLimitStore } from "./lib/rate-limit-store.js";
import { authPlugin } from "./plugins/auth.js";
import { errorHandlerPlugin } from "./plugins/errors.js";
import { jsonBodyPlugin } from "./plugins/json-body.js";
import { rateBudgetPlugin } from "./plugins/rate-budgets.js";
import { readReplicaPlugin } from "./plugins/read-replica.js";
import { refuseUndeclaredQuery } from "./plugins/strict-query.js";
import { applicationRoutes } from "./routes/applications.js";
import { auditRoutes } from "./routes/audit.js";
import { authRoutes } from "./routes/auth.js";
import { billingRoutes } from "./routes/billing/index.js";
import { billingRecordRoutes } from "./routes/billing-records.js";
import { dlpPolicyRoutes } from "./routes/dlp-policies.js";
import { flowRoutes } from "./routes/flows.js";
import { graphRoutes } from "./routes/graph/index.js";
import { groupRoutes } from "./routes/groups.js";
import { healthRoutes } from "./routes/health.js";
import { licenseAssignmentRoutes } from "./routes/license-assignments.js";
import { licenseRoutes } from "./routes/licenses.js";
import { meRoutes } from "./routes/me.js";
import { oauthRoutes } from "./routes/oauth.js";
import { partnerActivityRoutes } from "./routes/partner-activity.js";
import { partnerStaffRoutes } from "./routes/partner-staff.js";
import { partnerRelationshipRoutes } from "./routes/partners.js";
import { personalTokenRoutes } from "./routes/personal-tokens.js";
import { powerPlatformRoutes } from "./routes/power-platform.js";
import { requestRoutes } from "./routes/requests.js";
import { setupRoutes } from "./routes/setup.js";
import { trialRoutes } from "./routes/trials.js";
import { userImportRoutes } from "./routes/user-imports.js";
import { userRoutes } from "./routes/users.js";
import { purgeThrottle } from "./services/auth/sign-in-throttle.js";
import { BillingScheduler } from "./services/billing/scheduler.js";
import { LicenseJobRunner } from "./services/licenses/job-runner.js";
import { UserImportApplier } from "./services/user-imports/import-runner.js";
import { expireImportPasswords } from "./services/user-imports/passwords.js";
import "./app-decorations.js";

export interface BuildOptions {
  config: Config;
  db: Db;
  logger?: FastifyServerOptions["logger"];
  /** The clock the rules read (see lib/clock.ts); tests pass a MovableClock. */
  clock?: Clock;
  /** A start on an empty database: the one-time token that allows the first-run setup over HTTP (printed in the log). */
  setupToken?: string;
  /**
   * Sees every route as it registers, with its schemas (tests walk the whole route table with it, so a route added
   * later is covered without being listed by hand). Fastify only tells routes registered after the hook is added.
   */
  onRoute?: (route: RouteOptions) => void;
  /** The job queue's timings (tests shorten the expiry of a dead process's work). */
  jobQueue?: Partial<JobQueueOptions>;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Assembles the API: external plugins (security headers, cookies, rate limit, OpenAPI), our plugins (errors,
 * sessions and tenant access), the routes, and the built web app when there is one.
 */
export async function buildApp({
  config,
  db,
  logger,
  clock = systemClock,
  setupToken,
  onRoute,
  jobQueue: jobQueueOptions,
}: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ?? { level: config.logLevel },
    bodyLimit: 256 * 1024,
    // Honour a caller's request id when it looks like one, so logs join up across services.
    genReqId: (request) => {
      const header = request.headers["x-request-id"];
      return typeof header === "string" && REQUEST_ID.test(header) ? header : randomUUID();
    },
    // A hop count as Fastify's function form (its types omit the number form): the nearest N hops are proxies.
    trustProxy:
      typeof config.trustProxy === "number"
        ? (_address: string, hop: number) => hop < (config.trustProxy as number)
        : config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
    // Errors Fastify raises before routing (a path that is not valid UTF-8) get problem+json like all others.
    frameworkErrors: (error, request, reply) => {
      const badUrl = error.code === "FST_ERR_BAD_URL";
      return sendProblem(
        request,
        reply,
        badUrl ? "InvalidId" : "ValidationFailed",
        badUrl ? "The URL is not valid: it has a broken percent-encoding." : "The request could not be understood.",
      );
    },
  }).withTypeProvider<ZodTypeProvider>();
  if (onRoute) app.addHook("onRoute", onRoute);

  // JSON only: Fastify's default text/plain parser would turn a mislabelled body into a string (then a confusing
  // ValidationFailed) instead of 415, and text/plain is the one type a cross-site form can send without a preflight.
  app.removeContentTypeParser("text/plain");
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate("db", db);
  app.decorate("config", config);
  app.decorate("clock", clock);
  app.decorate("accessTokens", await AccessTokens.create(config.tokenSigningKeys, config.accessTokenTtlSeconds));
  if (config.tokenSigningKeys.length === 0 && config.env === "production") {
    app.log.warn("TOKEN_SIGNING_KEYS is not set: access tokens are signed with a key made at start (one process only)");
  }
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
    // Everything under /api/ answers for someone's session (sign-in creates one; errors after sign-in too), and
    // everything under /graph/v1.0 for someone's token: no browser or proxy may keep a copy. Only routes that say
    // so (the public OpenAPI document) may be cached.
    if ((request.url.startsWith("/api/") || isGraphRequest(request)) && !request.routeOptions.config.cacheable) {
      reply.header("cache-control", "no-store");
    }
  });
  // Background work runs on pg-boss over the app's own pool (lib/job-queue.ts): bulk license jobs and user imports
  // in slices any process may take, the billing lifecycle on a schedule, once across processes.
  const jobQueue = new JobQueue(db, app.log, { ...jobQueueOptions, schedule: config.billingJobIntervalMs > 0 });
  app.decorate("jobQueue", jobQueue);
  const licenseJobs = new LicenseJobRunner(db, clock, app.log, jobQueue);
  app.decorate("licenseJobs", licenseJobs);
  const userImports = new UserImportApplier(db, clock, app.log, licenseJobs);
  app.decorate("userImports", userImports);
  const billingJob = new BillingScheduler(
    db,
    clock,
    app.log,
    config.billingJobIntervalMs,
    [
      // Lockouts run on server time (see lib/clock.ts), so their housekeeping does too, whatever the app clock says.
      () => purgeThrottle(db, systemClock.now(), config.lockoutMs),
      () => purgeRateWindows(db, systemClock.now()),
      // One-time passwords of an import are wiped 24 hours after it ended, retrieved or not (server time too).
      () => expireImportPasswords(db, systemClock.now()),
    ],
    jobQueue,
  );
  app.decorate("billingJob", billingJob);
  // Jobs a stopped server left behind go on; on close, running chunks finish (the rest goes back to the queue for
  // another process) before the database goes away.
  app.addHook("onReady", async () => {
    await jobQueue.start();
    await licenseJobs.serve();
    await userImports.serve();
    await billingJob.start();
    await licenseJobs.resumeAll();
    await userImports.resumeAll(jobQueue);
  });
  app.addHook("onClose", async () => {
    await billingJob.stop();
    await licenseJobs.stop();
    await jobQueue.stop();
    await db.$disconnect();
  });

  await app.register(errorHandlerPlugin);
  await app.register(jsonBodyPlugin);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Fluent UI's Griffel injects style elements at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  // Counted in PostgreSQL, so the limits hold across every API process behind a load balancer.
  await app.register(rateLimit, { global: false, store: sharedRateLimitStore(db) });
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Allot API",
        version: "0.1.0",
        description:
          "License administration for Microsoft-style tenants. Errors are application/problem+json with a stable `code`. " +
          "Mutations need the `X-CSRF-Token` header from `GET /api/me`. Scripts use a bearer token instead (no CSRF " +
          "header): a personal access token on /api/tenants/…, or an app's token (POST /oauth2/v2.0/token) on the " +
          "Microsoft Graph v1.0-compatible API at /graph/v1.0, whose errors are Graph's envelope.",
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "allot_session" },
          // Scripts: an app's client-credentials token, or a person's personal access token.
          bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT or allot_pat_…" },
          clientCredentials: {
            type: "oauth2",
            flows: {
              clientCredentials: {
                tokenUrl: "/oauth2/v2.0/token",
                scopes: { "api://allot/.default": "The app's granted permissions" },
              },
            },
          },
        },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/docs", staticCSP: true });

  await app.register(authPlugin);
  await app.register(rateBudgetPlugin);
  await app.register(readReplicaPlugin);
  // The API's own routes, in a context of their own: each refuses query parameters it does not declare. (Not the
  // web app's files, which links may reach with tracking parameters, nor the documentation UI's.)
  await app.register(async (api) => {
    api.addHook("onRoute", refuseUndeclaredQuery);
    api.get("/api/openapi.json", { config: { public: true, cacheable: true }, schema: { hide: true } }, async () =>
      app.swagger(),
    );
    await api.register(healthRoutes);
    await api.register(setupRoutes, { setupToken });
    await api.register(authRoutes);
    await api.register(userRoutes);
    await api.register(userImportRoutes);
    await api.register(groupRoutes);
    await api.register(auditRoutes);
    await api.register(licenseRoutes);
    await api.register(licenseAssignmentRoutes);
    await api.register(requestRoutes);
    await api.register(billingRoutes);
    await api.register(billingRecordRoutes);
    await api.register(meRoutes);
    await api.register(trialRoutes);
    await api.register(partnerRelationshipRoutes);
    await api.register(partnerStaffRoutes);
    await api.register(partnerActivityRoutes);
    await api.register(powerPlatformRoutes);
    await api.register(flowRoutes);
    await api.register(dlpPolicyRoutes);
    await api.register(applicationRoutes);
    await api.register(personalTokenRoutes);
    await api.register(oauthRoutes);
    await api.register(graphRoutes);
  });

  const webDist = config.webDist;
  const serveWeb = webDist !== undefined && existsSync(join(webDist, "index.html"));
  if (serveWeb) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ["index.html"] });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "/";
    // Client-side routes of the web app (e.g. /t/…/users) get its index.html; API paths a problem.
    if (serveWeb && request.method === "GET" && !path.startsWith("/api/") && !path.includes(".")) {
      return reply.type("text/html").sendFile("index.html");
    }
    return sendProblem(request, reply, "NotFound", `No route ${request.method} ${path}.`);
  });

  return app;
}
