import { type Db, sqlOf } from "@allot/db";
import { randomToken, sha256 } from "../../lib/tokens.js";
import type { Actor } from "../../types.js";
import { canAct, type PersonRow, personActor, personColumns } from "./person-actor.js";

/** How stale lastSeenAt may get before a request slides the session's expiry (saves a write per request). */
const TOUCH_INTERVAL_MS = 5 * 60_000;

export interface NewSession {
  /** Goes into the cookie; only its SHA-256 is stored. */
  token: string;
  csrfToken: string;
}

export async function createSession(
  db: Pick<Db, "session">,
  user: { id: string; tenantId: string },
  ttlMs: number,
  meta: { ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const token = randomToken();
  const csrfToken = randomToken();
  await db.session.create({
    data: {
      id: sha256(token),
      userId: user.id,
      tenantId: user.tenantId,
      csrfToken,
      expiresAt: new Date(Date.now() + ttlMs),
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 512) ?? null,
    },
  });
  return { token, csrfToken };
}

interface SessionRow extends PersonRow {
  csrfToken: string;
  expiresAt: Date;
  lastSeenAt: Date;
}

/**
 * The actor of a live session, or null for an unknown, expired, or disabled one. One statement (session, user
 * and the user's own roles, by the Session primary key) because every authenticated request pays for it; sent
 * straight to node-postgres over Prisma's pool, as Prisma's per-statement work cost more than the statement.
 */
export async function resolveSession(db: Db, token: string, ttlMs: number): Promise<Actor | null> {
  const id = sha256(token);
  const sql = sqlOf(db);
  const [row] = await sql.$queryRaw<SessionRow[]>`
    SELECT s."csrfToken", s."expiresAt", s."lastSeenAt", ${personColumns}
      FROM "Session" s JOIN "User" u ON u.id = s."userId"
     WHERE s.id = ${id}`;
  // Server time, not the app clock: moving a test or demo clock must not sign everyone out (see lib/clock.ts).
  const now = Date.now();
  if (!row || new Date(row.expiresAt).getTime() <= now) return null;
  if (!canAct(row)) return null;
  if (now - new Date(row.lastSeenAt).getTime() > TOUCH_INTERVAL_MS) {
    await sql.$executeRaw`
      UPDATE "Session" SET "lastSeenAt" = ${new Date(now)}, "expiresAt" = ${new Date(now + ttlMs)} WHERE id = ${id}`;
  }
  return personActor(row, { sessionId: id, csrfToken: row.csrfToken, token: null });
}
