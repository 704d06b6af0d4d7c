import { randomUUID } from "node:crypto";
import { type Db, hashPassword } from "@allot/db";
import type { TenantRole } from "@allot/domain";
import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import { throttleKey } from "../src/services/auth/sign-in-throttle.js";

/** Matches what `z.uuid()` accepts (RFC 9562 variants), so an id check here is as strict as the API's. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export const DAY_MS = 86_400_000;

/** A unique, lower-case email in a tenant's domain. */
export function uniqueEmail(domain: string, prefix = "t"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@${domain}`;
}

const domains = new Map<string, string>();
async function domainOf(db: Db, tenantId: string): Promise<string> {
  let domain = domains.get(tenantId);
  if (!domain) {
    domain = (await db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { domain: true } })).domain;
    domains.set(tenantId, domain);
  }
  return domain;
}

export interface MadeUser {
  id: string;
  email: string;
  displayName: string;
}

/**
 * Inserts a user straight into the database (fast, no API involved), so a test acts on a target nobody else
 * touches. `role` makes it an admin; `password` lets it sign in.
 */
export async function makeUser(
  db: Db,
  tenantId: string,
  options: {
    domain?: string;
    displayName?: string;
    role?: Exclude<TenantRole, "member">;
    password?: string;
    deletedAt?: Date | null;
    usageLocation?: string | null;
    userType?: "member" | "guest";
    accountEnabled?: boolean;
  } = {},
): Promise<MadeUser> {
  const email = uniqueEmail(options.domain ?? (await domainOf(db, tenantId)), "fixture");
  const displayName = options.displayName ?? `Fixture ${email.slice(8, 16)}`;
  const user = await db.user.create({
    data: {
      tenantId,
      email,
      displayName,
      usageLocation: options.usageLocation === undefined ? "NL" : options.usageLocation,
      userType: options.userType ?? "member",
      accountEnabled: options.accountEnabled ?? true,
      deletedAt: options.deletedAt ?? null,
      passwordHash: options.password ? await hashPassword(options.password) : null,
      ...(options.role ? { roleAssignments: { create: { role: options.role } } } : {}),
    },
    select: { id: true },
  });
  return { id: user.id, email, displayName };
}

export async function makeGroup(
  db: Db,
  tenantId: string,
  memberIds: string[] = [],
): Promise<{ id: string; displayName: string }> {
  const displayName = `Fixture group ${randomUUID().slice(0, 8)}`;
  const group = await db.group.create({
    data: { tenantId, displayName, members: { create: memberIds.map((userId) => ({ userId })) } },
    select: { id: true },
  });
  return { id: group.id, displayName };
}

/** The audit events a request wrote, found by the request id the API echoes in `x-request-id`. */
/** The audit events a request wrote (only those with this action, when one is given). */
export function auditOf(db: Db, response: LightMyRequestResponse, action?: string) {
  const requestId = response.headers["x-request-id"];
  if (typeof requestId !== "string" || requestId.length === 0) throw new Error("response has no x-request-id");
  return db.auditEvent.findMany({
    where: { requestId, ...(action ? { action } : {}) },
    orderBy: { createdAt: "asc" },
  });
}

/** A valid, API-issued-looking cursor over arbitrary key parts. */
export function cursorOf(parts: unknown): string {
  return Buffer.from(JSON.stringify(parts)).toString("base64url");
}

/**
 * The seat invariant: every product's consumedUnits equals the number of live users holding it through an
 * assignment in effect (one seat per user, however many assignments give it). All tenants unless one is named.
 */
export async function assertSeatCountersMatchHolders(db: Db, tenantId?: string): Promise<void> {
  const rows = await db.$queryRaw<Array<{ tenantId: string; productId: string; consumed: number; holders: number }>>`
    SELECT tp."tenantId"::text AS "tenantId", tp."productId"::text AS "productId", tp."consumedUnits" AS consumed,
           (SELECT COUNT(DISTINCT la."userId") FROM "LicenseAssignment" la JOIN "User" u ON u.id = la."userId"
             WHERE la."tenantId" = tp."tenantId" AND la."productId" = tp."productId" AND la.state <> 'error'
               AND u."deletedAt" IS NULL)::int AS holders
      FROM "TenantProduct" tp
     WHERE ${tenantId ?? null}::uuid IS NULL OR tp."tenantId" = ${tenantId ?? null}::uuid`;
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) expect(row, `product ${row.productId}`).toEqual({ ...row, consumed: row.holders });
}

/**
 * Failed sign-ins counted for an email: from one client address (app.inject's default is 127.0.0.1) and from all
 * addresses together, with the locks standing on each (null when none).
 */
export async function signInFailures(
  db: Db,
  email: string,
  clientAddress = "127.0.0.1",
): Promise<{ fromAddress: number; everywhere: number; lockedHere: Date | null; lockedEverywhere: Date | null }> {
  const key = throttleKey(email, clientAddress);
  const rows = await db.signInThrottle.findMany({
    where: { subject: key.subject, address: { in: [key.address, ""] } },
  });
  const here = rows.find((row) => row.address === key.address);
  const everywhere = rows.find((row) => row.address === "");
  return {
    fromAddress: here?.failures ?? 0,
    everywhere: everywhere?.failures ?? 0,
    lockedHere: here?.lockedUntil ?? null,
    lockedEverywhere: everywhere?.lockedUntil ?? null,
  };
}
