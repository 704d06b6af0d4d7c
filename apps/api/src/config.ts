import { resolve } from "node:path";
import { z } from "zod";

/** Every setting the API reads from the environment, validated once here and nowhere else. */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().default("localhost"),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  /** Unset: an embedded PostgreSQL (PGlite) under DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  DATA_DIR: z.string().default(".data"),
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
  /** Set behind a reverse proxy so rate limits and audit see the client's address, not the proxy's. */
  TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  /** How often the billing lifecycle job runs (renewals, expiry, deletion); 0 turns it off (tests run it by hand). */
  BILLING_JOB_INTERVAL_MINUTES: z.coerce.number().min(0).max(1440).optional(),
});

export interface Config {
  env: "development" | "production" | "test";
  host: string;
  port: number;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  dataDir: string;
  /** Folder of the built web app to serve at /, or undefined to serve the API only. */
  webDist: string | undefined;
  logLevel: string;
  sessionTtlMs: number;
  loginRateLimitPerMinute: number;
  lockoutThreshold: number;
  lockoutAccountThreshold: number;
  lockoutMs: number;
  trustProxy: boolean;
  billingJobIntervalMs: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    dataDir: resolve(e.DATA_DIR),
    webDist: e.WEB_DIST ? resolve(e.WEB_DIST) : undefined,
    logLevel: e.LOG_LEVEL,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3_600_000,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    lockoutThreshold: e.LOCKOUT_THRESHOLD,
    lockoutAccountThreshold: e.LOCKOUT_ACCOUNT_THRESHOLD,
    lockoutMs: e.LOCKOUT_MINUTES * 60_000,
    trustProxy: e.TRUST_PROXY === "true",
    billingJobIntervalMs: (e.BILLING_JOB_INTERVAL_MINUTES ?? (e.NODE_ENV === "test" ? 0 : 60)) * 60_000,
  };
}
