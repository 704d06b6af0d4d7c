import { isIP } from "node:net";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_CONNECT_TIMEOUT_MS } from "@allot/db";
import { z } from "zod";

/** The routes with a rate budget, each named after the work it limits. */
export const BUDGET_KINDS = ["exports", "bulkRuns", "bulkJobs", "passwordResets"] as const;
export type BudgetKind = (typeof BUDGET_KINDS)[number];

/** Requests per minute that pass sign-in, the permission check and validation: per session and per tenant. */
export type RateBudgets = Record<BudgetKind, { perSession: number; perTenant: number }>;

/**
 * Per session: well above what a person clicks (an export every 6 seconds, a preview every 2), low enough that a
 * runaway script is stopped within a minute. Per tenant: three times that, so that three admins at work together
 * never meet it while one tenant's scripts cannot take the whole server.
 */
const DEFAULT_BUDGETS: RateBudgets = {
  exports: { perSession: 10, perTenant: 30 },
  bulkRuns: { perSession: 30, perTenant: 90 },
  bulkJobs: { perSession: 10, perTenant: 30 },
  passwordResets: { perSession: 10, perTenant: 30 },
};
/** Tests call these routes hundreds of times a minute on purpose (fuzzing, paging): they get budgets they never meet. */
const TEST_BUDGET = 100_000;

const ENV_NAMES: Record<BudgetKind, string> = {
  exports: "EXPORTS",
  bulkRuns: "BULK_RUNS",
  bulkJobs: "BULK_JOBS",
  passwordResets: "PASSWORD_RESETS",
};
const budgetVariable = (kind: BudgetKind, per: "SESSION" | "TENANT") => `${ENV_NAMES[kind]}_PER_MINUTE_PER_${per}`;

/** EXPORTS_PER_MINUTE_PER_SESSION, EXPORTS_PER_MINUTE_PER_TENANT, BULK_RUNS_PER_MINUTE_PER_SESSION, … */
function rateBudgetEnv() {
  const shape: Record<string, z.ZodOptional<z.ZodCoercedNumber>> = {};
  for (const kind of BUDGET_KINDS) {
    for (const per of ["SESSION", "TENANT"] as const) {
      shape[budgetVariable(kind, per)] = z.coerce.number().int().positive().max(1_000_000).optional();
    }
  }
  return shape;
}

function rateBudgets(env: Record<string, unknown>, test: boolean): RateBudgets {
  const read = (kind: BudgetKind, per: "SESSION" | "TENANT", fallback: number) =>
    (env[budgetVariable(kind, per)] as number | undefined) ?? (test ? TEST_BUDGET : fallback);
  return Object.fromEntries(
    BUDGET_KINDS.map((kind) => [
      kind,
      {
        perSession: read(kind, "SESSION", DEFAULT_BUDGETS[kind].perSession),
        perTenant: read(kind, "TENANT", DEFAULT_BUDGETS[kind].perTenant),
      },
    ]),
  ) as RateBudgets;
}

/** A PostgreSQL connection string (`replica:5432` parses as a URL too, with scheme `replica:`). */
const postgresUrl = z
  .string()
  .url()
  .refine((url) => /^postgres(ql)?:\/\//.test(url), "give a postgresql:// connection string");

/** Every setting the API reads from the environment, validated once here and nowhere else. */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().default("localhost"),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  /** Unset: an embedded PostgreSQL (PGlite) under DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  /**
   * A streaming replica (hot standby) of DATABASE_URL's server: read-only reports go there when it has replayed the
   * session's own writes (see plugins/read-replica.ts). Unset: everything reads the primary.
   */
  DATABASE_REPLICA_URL: postgresUrl.optional(),
  /**
   * The primary itself when DATABASE_URL goes through PgBouncer in transaction mode: migrations run there, because
   * `prisma migrate deploy` holds a session-level advisory lock. Unset: DATABASE_URL.
   */
  DATABASE_DIRECT_URL: postgresUrl.optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** How long a request waits for a database connection before it is answered 503; 0 waits for ever. */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(DEFAULT_CONNECT_TIMEOUT_MS),
  /** Where the embedded PostgreSQL keeps its files. Unset: `.data` at the repository's root, from any folder. */
  DATA_DIR: z.string().optional(),
  WEB_DIST: z.string().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(30),
  /** Failed sign-ins of one email from one client address before it is locked there. */
  LOCKOUT_THRESHOLD: z.coerce.number().int().positive().default(5),
  /** Failed sign-ins of one email from all addresses together before it is locked everywhere (higher, so a
   * stranger elsewhere cannot lock the real user out). */
  LOCKOUT_ACCOUNT_THRESHOLD: z.coerce.number().int().positive().default(50),
  LOCKOUT_MINUTES: z.coerce.number().positive().default(15),
  /**
   * Behind a reverse proxy: which proxies to believe about the client's address (`X-Forwarded-For`) and scheme
   * (`X-Forwarded-Proto`), so rate limits, lockouts and the audit log see the client, not the proxy. See
   * `parseTrustProxy` for the forms.
   */
  TRUST_PROXY: z.string().default("false").transform(parseTrustProxy),
  /** Always mark the session cookie Secure (set it when the portal is only reached over https). */
  COOKIE_SECURE: z.enum(["true", "false"]).default("false"),
  /**
   * Seed the demo tenants (with the README's published password) even in production. Without it they are seeded
   * only on the embedded database or when NODE_ENV is not production.
   */
  SEED_DEMO: z.enum(["true", "false"]).default("false"),
  ...rateBudgetEnv(),
  /** How often the billing lifecycle job runs (renewals, expiry, deletion); 0 turns it off (tests run it by hand). */
  BILLING_JOB_INTERVAL_MINUTES: z.coerce.number().min(0).max(1440).optional(),
  /**
   * The keys access tokens are signed with: a JSON array of private EC P-256 JWKs, each with a `kid`. The first
   * signs; all verify and are published at /.well-known/jwks.json. To rotate, put a new key first and drop the old
   * one an hour later (a token lives at most an hour). Unset: one key made at start, fine for one process only.
   */
  TOKEN_SIGNING_KEYS: z.string().optional().transform(parseSigningKeys),
  /** How long an access token from the token endpoint is valid (Entra's default, and our ceiling, is an hour). */
  ACCESS_TOKEN_MINUTES: z.coerce.number().int().min(1).max(60).default(60),
  /** Graph-compatible API throttling, per app (or person's token) per tenant: requests per window, window length. */
  GRAPH_REQUESTS_PER_WINDOW: z.coerce.number().int().positive().max(1_000_000).default(2_000),
  GRAPH_THROTTLE_WINDOW_SECONDS: z.coerce.number().int().positive().max(3_600).default(10),
});

/** A private EC P-256 JSON Web Key as TOKEN_SIGNING_KEYS lists them. */
const signingKeySchema = z.looseObject({
  kty: z.literal("EC"),
  crv: z.literal("P-256"),
  kid: z.string().min(1),
  x: z.string(),
  y: z.string(),
  d: z.string(),
});
export type SigningKey = z.infer<typeof signingKeySchema>;

function parseSigningKeys(value: string | undefined, context: z.RefinementCtx): SigningKey[] {
  if (value === undefined || value.trim() === "") return [];
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    context.addIssue({ code: "custom", message: "TOKEN_SIGNING_KEYS is not JSON: give an array of private JWKs" });
    return z.NEVER;
  }
  const keys = z.array(signingKeySchema).min(1).safeParse(json);
  if (!keys.success) {
    context.addIssue({
      code: "custom",
      message: "TOKEN_SIGNING_KEYS: give an array of private EC P-256 JWKs, each with kid, x, y and d",
    });
    return z.NEVER;
  }
  const kids = keys.data.map((key) => key.kid);
  if (new Set(kids).size !== kids.length) {
    context.addIssue({ code: "custom", message: "TOKEN_SIGNING_KEYS: each key needs its own kid" });
  }
  return keys.data;
}

/** Which proxies' forwarded headers to believe: none, the nearest N hops, or these addresses and networks. */
export type TrustProxy = false | number | string[];

const PROXY_ADDRESS_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

/**
 * TRUST_PROXY in the forms Fastify's `trustProxy` (proxy-addr) understands, minus the one that is never safe:
 * `false` (the default: no proxy), a hop count (`1`: one proxy in front, its X-Forwarded-For entry is the client),
 * or a comma-separated list of proxy addresses and CIDR networks (`10.0.0.0/8, 192.168.1.7`, or the names
 * `loopback`, `linklocal`, `uniquelocal`). `true` would believe any client's X-Forwarded-For (a spoofed address
 * dodges rate limits and lands in the audit log), so it is refused with a message saying what to write instead.
 */
export function parseTrustProxy(value: string, context: z.RefinementCtx): TrustProxy {
  const text = value.trim();
  if (text === "" || text === "false" || text === "0") return false;
  if (text === "true") {
    context.addIssue({
      code: "custom",
      message:
        "TRUST_PROXY=true would believe any client's X-Forwarded-For; give the number of proxies in front of the portal (e.g. 1) or their addresses (e.g. 10.0.0.0/8)",
    });
    return z.NEVER;
  }
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 10) context.addIssue({ code: "custom", message: "TRUST_PROXY: at most 10 proxy hops" });
    return hops;
  }
  const entries = text.split(",").map((entry) => entry.trim());
  for (const entry of entries) {
    const [address, prefix, ...rest] = entry.split("/");
    const version = isIP(address ?? "");
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 6 ? 128 : 32));
    if (!PROXY_ADDRESS_NAMES.has(entry) && (version === 0 || !prefixOk || rest.length > 0)) {
      context.addIssue({
        code: "custom",
        message: `TRUST_PROXY: "${entry}" is not an IP address, a CIDR network or one of ${[...PROXY_ADDRESS_NAMES].join(", ")}`,
      });
    }
  }
  return entries;
}

/** The repository's own `.data` folder (this file is apps/api/src/config.ts). */
const REPOSITORY_DATA_DIR = fileURLToPath(new URL("../../../.data", import.meta.url));

/** The settings as the app uses them: the environment validated by envSchema, in the app's units and names. */
const configSchema = envSchema.transform((e) => ({
  env: e.NODE_ENV,
  host: e.HOST,
  port: e.PORT,
  databaseUrl: e.DATABASE_URL,
  databaseReplicaUrl: e.DATABASE_REPLICA_URL,
  databaseDirectUrl: e.DATABASE_DIRECT_URL,
  databasePoolSize: e.DATABASE_POOL_SIZE,
  databaseConnectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_MS,
  dataDir: e.DATA_DIR ? resolve(e.DATA_DIR) : REPOSITORY_DATA_DIR,
  /** Folder of the built web app to serve at /, or undefined to serve the API only. */
  webDist: e.WEB_DIST ? resolve(e.WEB_DIST) : undefined,
  logLevel: e.LOG_LEVEL,
  sessionTtlMs: e.SESSION_TTL_HOURS * 3_600_000,
  loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
  lockoutThreshold: e.LOCKOUT_THRESHOLD,
  lockoutAccountThreshold: e.LOCKOUT_ACCOUNT_THRESHOLD,
  lockoutMs: e.LOCKOUT_MINUTES * 60_000,
  trustProxy: e.TRUST_PROXY,
  /** Mark the session cookie Secure on every answer, not only on requests that arrived over https. */
  cookieSecure: e.COOKIE_SECURE === "true",
  seedDemo: e.SEED_DEMO === "true",
  billingJobIntervalMs: (e.BILLING_JOB_INTERVAL_MINUTES ?? (e.NODE_ENV === "test" ? 0 : 60)) * 60_000,
  /** Per-minute budgets of the expensive routes (generous under NODE_ENV=test). */
  rateBudgets: rateBudgets(e, e.NODE_ENV === "test"),
  /** Empty: the app makes one key when it starts. */
  tokenSigningKeys: e.TOKEN_SIGNING_KEYS,
  accessTokenTtlSeconds: e.ACCESS_TOKEN_MINUTES * 60,
  graphThrottle: { limit: e.GRAPH_REQUESTS_PER_WINDOW, windowMs: e.GRAPH_THROTTLE_WINDOW_SECONDS * 1000 },
}));

/** The API's settings, typed once: what configSchema makes of the environment. */
export type Config = z.infer<typeof configSchema>;

/** Reads and validates the settings; an invalid environment throws one error naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  if (parsed.data.databaseReplicaUrl && !parsed.data.databaseUrl) {
    throw new Error(
      "Invalid environment: DATABASE_REPLICA_URL: a replica needs its primary: set DATABASE_URL too (the embedded database has no replica)",
    );
  }
  return parsed.data;
}
