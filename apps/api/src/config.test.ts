import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.js";

describe("rate budgets from the environment", () => {
  it("default to per-minute budgets for a real admin, per session and three times that per tenant", () => {
    expect(loadConfig({}).rateBudgets).toEqual({
      exports: { perSession: 10, perTenant: 30 },
      bulkRuns: { perSession: 30, perTenant: 90 },
      bulkJobs: { perSession: 10, perTenant: 30 },
      passwordResets: { perSession: 10, perTenant: 30 },
    });
  });

  it("are generous under NODE_ENV=test, unless set", () => {
    const config = loadConfig({ NODE_ENV: "test", BULK_JOBS_PER_MINUTE_PER_TENANT: "4" });
    expect(config.rateBudgets.exports).toEqual({ perSession: 100_000, perTenant: 100_000 });
    expect(config.rateBudgets.bulkJobs).toEqual({ perSession: 100_000, perTenant: 4 });
  });

  it("each variable sets its own budget and is validated", () => {
    const config = loadConfig({ EXPORTS_PER_MINUTE_PER_SESSION: "3", PASSWORD_RESETS_PER_MINUTE_PER_TENANT: "7" });
    expect(config.rateBudgets.exports.perSession).toBe(3);
    expect(config.rateBudgets.passwordResets.perTenant).toBe(7);
    for (const value of ["0", "-1", "1.5", "many"]) {
      expect(() => loadConfig({ BULK_RUNS_PER_MINUTE_PER_SESSION: value }), value).toThrow(
        /BULK_RUNS_PER_MINUTE_PER_SESSION/,
      );
    }
  });
});

describe("data folder", () => {
  it("is the repository's .data when DATA_DIR is unset or empty, whatever the working directory", () => {
    const repositoryData = fileURLToPath(new URL("../../../.data", import.meta.url));
    expect(loadConfig({}).dataDir).toBe(repositoryData);
    expect(loadConfig({ DATA_DIR: "" }).dataDir).toBe(repositoryData);
  });

  it("is DATA_DIR resolved from the working directory when set", () => {
    expect(loadConfig({ DATA_DIR: "some/where" }).dataDir).toBe(resolve("some/where"));
    expect(loadConfig({ DATA_DIR: "/var/lib/allot" }).dataDir).toBe("/var/lib/allot");
  });
});

describe("token settings", () => {
  const key = { kty: "EC", crv: "P-256", kid: "k1", x: "x", y: "y", d: "d" };

  it("read TOKEN_SIGNING_KEYS as a JSON array of private P-256 JWKs; unset is none (a key is made at start)", () => {
    expect(loadConfig({}).tokenSigningKeys).toEqual([]);
    expect(loadConfig({ TOKEN_SIGNING_KEYS: JSON.stringify([key]) }).tokenSigningKeys).toEqual([key]);
  });

  it("refuse keys that are not JSON, not private P-256 keys, or share a kid, naming the variable", () => {
    for (const value of ["not json", "[]", JSON.stringify([{ ...key, d: undefined }]), JSON.stringify([key, key])]) {
      expect(() => loadConfig({ TOKEN_SIGNING_KEYS: value }), value).toThrow(/TOKEN_SIGNING_KEYS/);
    }
  });

  it("an access token lives an hour at most", () => {
    expect(loadConfig({}).accessTokenTtlSeconds).toBe(3600);
    expect(loadConfig({ ACCESS_TOKEN_MINUTES: "5" }).accessTokenTtlSeconds).toBe(300);
    expect(() => loadConfig({ ACCESS_TOKEN_MINUTES: "61" })).toThrow(/ACCESS_TOKEN_MINUTES/);
  });
});

describe("database connections", () => {
  const primary = "postgresql://allot@db:5432/allot";
  it("read DATABASE_REPLICA_URL and DATABASE_DIRECT_URL as URLs; unset, reports and migrations use the primary", () => {
    expect(loadConfig({ DATABASE_URL: primary })).toMatchObject({
      databaseReplicaUrl: undefined,
      databaseDirectUrl: undefined,
    });
    const config = loadConfig({
      DATABASE_URL: "postgresql://allot@pgbouncer:6432/allot",
      DATABASE_REPLICA_URL: "postgresql://allot@replica:5432/allot",
      DATABASE_DIRECT_URL: primary,
    });
    expect(config).toMatchObject({
      databaseReplicaUrl: "postgresql://allot@replica:5432/allot",
      databaseDirectUrl: primary,
    });
  });

  it("refuse a replica without its primary (the embedded database has none) and values that are not URLs", () => {
    expect(() => loadConfig({ DATABASE_REPLICA_URL: primary })).toThrow(/DATABASE_REPLICA_URL: a replica needs/);
    expect(() => loadConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URL: "replica:5432" })).toThrow(
      /DATABASE_REPLICA_URL/,
    );
    expect(() => loadConfig({ DATABASE_URL: primary, DATABASE_DIRECT_URL: "not a url" })).toThrow(
      /DATABASE_DIRECT_URL/,
    );
  });
});
