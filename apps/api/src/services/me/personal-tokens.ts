import type { CreatedPersonalToken, CreatePersonalToken, PersonalToken } from "@allot/contracts";
import type { Db, Prisma } from "@allot/db";
import { type Action, allowedActions, type Role } from "@allot/domain";
import { AppError, notFound } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import { randomToken, sha256 } from "../../lib/tokens.js";
import type { Actor } from "../../types.js";
import { PERSONAL_TOKEN_PREFIX } from "../auth/bearer.js";

const DAY_MS = 86_400_000;
/** Characters after the prefix kept in clear, so a person can tell their tokens apart. */
const HINT_LENGTH = 4;
/** Rights no token carries: registering apps needs a person in a session (an app's secret would outlive the token). */
const SESSION_ONLY: ReadonlySet<Action> = new Set<Action>(["applications.manage"]);

const tokenSelect = {
  id: true,
  name: true,
  scopes: true,
  hint: true,
  expiresAt: true,
  createdAt: true,
  lastUsedAt: true,
} satisfies Prisma.PersonalAccessTokenSelect;

type TokenRow = Prisma.PersonalAccessTokenGetPayload<{ select: typeof tokenSelect }>;

function toPersonalToken(row: TokenRow): PersonalToken {
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes as Action[],
    hint: row.hint,
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

/** The person's tokens, newest first, expired ones included until they delete them (so they see why a script stopped). */
export async function listPersonalTokens(db: Db, actor: Actor): Promise<PersonalToken[]> {
  const rows = await db.personalAccessToken.findMany({
    where: { userId: actor.userId },
    select: tokenSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return rows.map(toPersonalToken);
}

/**
 * Every right the person holds anywhere: in their own organization and, for a partner's staff, delegated in
 * customers. A token carries a subset; each request then gets the rights of the person in that tenant AND the token.
 */
async function rightsHeld(db: Db, actor: Actor): Promise<Set<Action>> {
  const delegated = await db.delegatedAccess.findMany({
    where: { partnerUserId: actor.userId },
    select: { role: true },
    distinct: ["role"],
  });
  const roles: Role[] = [...actor.ownRoles, ...delegated.map((access) => access.role)];
  return new Set(allowedActions(roles).filter((action) => !SESSION_ONLY.has(action)));
}

/** Makes a token for the person's own scripts: shown once, stored as its SHA-256, at most 90 days. */
export async function createPersonalToken(
  db: Db,
  actor: Actor,
  body: CreatePersonalToken & { expiresInDays: number },
  requestId: string,
): Promise<CreatedPersonalToken> {
  const held = await rightsHeld(db, actor);
  const beyond = body.scopes.filter((scope) => !held.has(scope));
  if (beyond.length > 0) {
    throw new AppError("ValidationFailed", `A token can carry only rights you hold: not ${beyond.join(", ")}.`, {
      errors: beyond.map((scope) => ({ path: "body.scopes", message: `you do not hold ${scope}` })),
    });
  }
  const secret = randomToken(32);
  const token = `${PERSONAL_TOKEN_PREFIX}${secret}`;
  const expiresAt = new Date(Date.now() + body.expiresInDays * DAY_MS);
  return db.$transaction(async (tx) => {
    const row = await tx.personalAccessToken.create({
      data: {
        tenantId: actor.tenantId,
        userId: actor.userId,
        name: body.name,
        scopes: [...body.scopes],
        hint: secret.slice(0, HINT_LENGTH),
        tokenHash: sha256(token),
        expiresAt,
      },
      select: tokenSelect,
    });
    await audit(
      tx,
      { tenantId: actor.tenantId, actor, requestId },
      {
        action: "personalToken.created",
        targetType: "personalToken",
        targetId: row.id,
        after: { name: row.name, scopes: row.scopes, expiresAt: expiresAt.toISOString() },
      },
    );
    return { ...toPersonalToken(row), token };
  });
}

/** Revokes one of the person's tokens: refused from the next request on. */
export async function revokePersonalToken(db: Db, actor: Actor, tokenId: string, requestId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await tx.personalAccessToken.findFirst({
      where: { id: tokenId, userId: actor.userId },
      select: { id: true, name: true },
    });
    if (!row) throw notFound("Token");
    await tx.personalAccessToken.delete({ where: { id: tokenId } });
    await audit(
      tx,
      { tenantId: actor.tenantId, actor, requestId },
      {
        action: "personalToken.revoked",
        targetType: "personalToken",
        targetId: tokenId,
        before: { name: row.name },
      },
    );
  });
}
