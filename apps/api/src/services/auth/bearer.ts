import type { Db } from "@allot/db";
import { ACTIONS, type Action, applicationPermissionsOf } from "@allot/domain";
import type { AccessTokens } from "../../lib/access-tokens.js";
import { sha256 } from "../../lib/tokens.js";
import type { Actor, ApplicationActor, Principal } from "../../types.js";
import { canAct, type PersonRow, personActor, personColumns } from "./person-actor.js";

/** Personal access tokens start so, which tells them from access tokens (JWTs) and lets secret scanners find them. */
export const PERSONAL_TOKEN_PREFIX = "allot_pat_";

/** How stale lastUsedAt may get before a request writes it again (one write per token per interval, not per call). */
const TOUCH_INTERVAL_MS = 5 * 60_000;

/**
 * Whoever a bearer token stands for, checked on every request: an app's access token needs a valid signature, an
 * unexpired token, the app still enabled and the secret it was issued for still there; a personal access token
 * needs to be unexpired and its person able to sign in. Null for anything else, at once, however recently valid.
 */
export async function resolveBearer(db: Db, tokens: AccessTokens, token: string): Promise<Principal | null> {
  // Server time: expiry is a security timer, like a session's (see lib/clock.ts).
  const now = new Date();
  return token.startsWith(PERSONAL_TOKEN_PREFIX)
    ? personalToken(db, token, now)
    : applicationToken(db, tokens, token, now);
}

async function applicationToken(
  db: Db,
  tokens: AccessTokens,
  token: string,
  now: Date,
): Promise<ApplicationActor | null> {
  const claims = await tokens.verify(token, now);
  if (!claims) return null;
  const [row] = await db.$queryRaw<
    Array<{ appId: string; displayName: string; permissions: string[]; lastUsedAt: Date | null }>
  >`
    SELECT a."appId"::text AS "appId", a."displayName", a.permissions, s."lastUsedAt"
      FROM "Application" a JOIN "ApplicationSecret" s ON s."applicationId" = a.id
     WHERE a.id = ${claims.applicationId}::uuid AND a."tenantId" = ${claims.tenantId}::uuid AND a.enabled
       AND s.id = ${claims.secretId}::uuid AND s."expiresAt" > ${now}`;
  if (!row) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.$executeRaw`
      WITH secret AS (UPDATE "ApplicationSecret" SET "lastUsedAt" = ${now} WHERE id = ${claims.secretId}::uuid)
      UPDATE "Application" SET "lastUsedAt" = ${now} WHERE id = ${claims.applicationId}::uuid`;
  }
  return {
    kind: "application",
    userId: null,
    applicationId: claims.applicationId,
    appId: row.appId,
    displayName: row.displayName,
    tenantId: claims.tenantId,
    secretId: claims.secretId,
    permissions: applicationPermissionsOf(row.permissions),
  };
}

interface TokenRow extends PersonRow {
  id: string;
  name: string;
  scopes: string[];
  lastUsedAt: Date | null;
}

const KNOWN_ACTIONS = new Set<string>(ACTIONS);

async function personalToken(db: Db, token: string, now: Date): Promise<Actor | null> {
  const [row] = await db.$queryRaw<TokenRow[]>`
    SELECT t.id::text AS id, t.name, t.scopes, t."lastUsedAt", ${personColumns}
      FROM "PersonalAccessToken" t JOIN "User" u ON u.id = t."userId"
     WHERE t."tokenHash" = ${sha256(token)} AND t."expiresAt" > ${now}`;
  if (!row || !canAct(row)) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.personalAccessToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return personActor(row, {
    sessionId: `token:${row.id}`,
    csrfToken: "",
    token: { id: row.id, name: row.name, scopes: row.scopes.filter((s): s is Action => KNOWN_ACTIONS.has(s)) },
  });
}
