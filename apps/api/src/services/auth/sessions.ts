import type { Db } from "@allot/db";
import { randomToken, sha256 } from "../../lib/tokens.js";
import type { Actor } from "../../types.js";

/** How stale lastSeenAt may get before a request slides the session's expiry (saves a write per request). */
const TOUCH_INTERVAL_MS = 5 * 60_000;

export interface NewSession {
  /** Goes into the cookie; only its SHA-256 is stored. */
  token: string;
  csrfToken: string;
}

export async function createSession(
  db: Pick<Db, "session">,
  userId: string,
  ttlMs: number,
  meta: { ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const token = randomToken();
  const csrfToken = randomToken();
  await db.session.create({
    data: {
      id: sha256(token),
      userId,
      csrfToken,
      expiresAt: new Date(Date.now() + ttlMs),
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 512) ?? null,
    },
  });
  return { token, csrfToken };
}

/** The actor of a live session, or null for an unknown, expired, or disabled one. */
export async function resolveSession(db: Db, token: string, ttlMs: number): Promise<Actor | null> {
  const id = sha256(token);
  const session = await db.session.findUnique({
    where: { id },
    select: {
      id: true,
      csrfToken: true,
      expiresAt: true,
      lastSeenAt: true,
      user: {
        select: {
          id: true,
          tenantId: true,
          displayName: true,
          email: true,
          preferredLanguage: true,
          accountEnabled: true,
          deletedAt: true,
        },
      },
    },
  });
  const now = Date.now();
  if (!session || session.expiresAt.getTime() <= now) return null;
  const { user } = session;
  if (!user.accountEnabled || user.deletedAt) return null;
  if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.session.update({
      where: { id },
      data: { lastSeenAt: new Date(now), expiresAt: new Date(now + ttlMs) },
    });
  }
  return {
    userId: user.id,
    tenantId: user.tenantId,
    displayName: user.displayName,
    email: user.email,
    preferredLanguage: user.preferredLanguage,
    sessionId: session.id,
    csrfToken: session.csrfToken,
  };
}
