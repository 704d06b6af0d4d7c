import { Prisma } from "@allot/db";
import { describe, expect, it } from "vitest";
import { AppError } from "./app-error.js";
import { isContention } from "./contention.js";
import { isDatabaseUnavailable } from "./unavailable.js";

/** What @prisma/adapter-pg throws: its error kind (and PostgreSQL's SQLSTATE) in `cause`. */
function driverAdapterError(cause: Record<string, unknown>): Error {
  return Object.assign(new Error(String(cause.kind)), { name: "DriverAdapterError", cause });
}

/** How Prisma hands it on: a known request error keeping the adapter's error in `meta`. */
function prismaError(code: string, cause: Record<string, unknown>): Error {
  return new Prisma.PrismaClientKnownRequestError("failed", {
    code,
    clientVersion: "6.19.3",
    meta: { driverAdapterError: driverAdapterError(cause) },
  });
}

// The shapes below are the ones a `pg_ctl stop` / `start` under load produced (see apps/api/test/faults.test.ts).
describe("isDatabaseUnavailable", () => {
  it.each([
    ["a transaction that cannot start (ECONNREFUSED)", prismaError("P1001", { kind: "DatabaseNotReachable" })],
    ["a raw query on a server that is down", prismaError("P2010", { kind: "DatabaseNotReachable" })],
    [
      "a session ended by a fast shutdown (57P01)",
      prismaError("P2010", { kind: "postgres", code: "57P01", originalCode: "57P01" }),
    ],
    [
      "a server starting or shutting down (57P03)",
      prismaError("P2010", { kind: "postgres", code: "57P03", originalCode: "57P03" }),
    ],
    ["a connection failure (08006)", prismaError("P2010", { kind: "postgres", code: "08006", originalCode: "08006" })],
    ["a reset connection (ECONNRESET)", prismaError("P1017", { kind: "ConnectionClosed" })],
    ["node-postgres, connection cut", new Error("Connection terminated unexpectedly")],
    ["node-postgres, handshake too slow", new Error("Connection terminated due to connection timeout")],
    ["node-postgres, a dead client", new Error("Client has encountered a connection error and is not queryable")],
    ["a socket error", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
  ])("%s", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(isContention(error)).toBe(false);
  });

  it.each([
    ["a unique violation", prismaError("P2002", { kind: "UniqueConstraintViolation" })],
    ["a syntax error", prismaError("P2010", { kind: "postgres", code: "42601", originalCode: "42601" })],
    ["a rule of ours", new AppError("CountViolation", "No free seat.")],
    ["a plain bug", new TypeError("Cannot read properties of undefined")],
    ["not an error at all", "ECONNREFUSED"],
  ])("not %s", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("leaves a full pool to contention: busy, not gone", () => {
    const poolWait = new Error("timeout exceeded when trying to connect");
    expect(isDatabaseUnavailable(poolWait)).toBe(false);
    expect(isContention(poolWait)).toBe(true);
  });
});
