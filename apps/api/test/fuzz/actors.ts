import type { Me } from "@allot/contracts";
import { type Db, DEMO_ACCOUNTS } from "@allot/db";
import { type Action, allowedActions, type Role } from "@allot/domain";
import type { FastifyInstance } from "fastify";
import { randomToken, sha256 } from "../../src/lib/tokens.js";
import { PERSONAL_TOKEN_PREFIX } from "../../src/services/auth/bearer.js";
import { getMe } from "../../src/services/auth/me.js";
import { createSession, resolveSession } from "../../src/services/auth/sessions.js";
import { login, type Session } from "../helpers.js";

/** A personal access token of an actor: its text (sent as `Authorization: Bearer`), row id and scopes. */
export interface PersonalToken {
  id: string;
  token: string;
  scopes: Action[];
}

/** A signed-in demo account the fuzz acts as. */
export interface Actor {
  email: string;
  role: string;
  userId: string;
  /** The account's own tenant: a token's tenant on the Graph-compatible API (a partner agent's is the partner). */
  homeTenantId: string;
  session: Session;
  /** Every right the account holds, as a token may carry them (not applications.manage: no token carries that). */
  pat: PersonalToken;
  /** Tenants this account reaches (its own, and customers for partner agents), with its roles there. */
  access: Array<{ tenantId: string; roles: Role[] }>;
}

interface Account {
  id: string;
  tenantId: string;
  passwordHash: string | null;
}

/** Rights no personal access token carries (services/me/personal-tokens.ts). */
const SESSION_ONLY: ReadonlySet<Action> = new Set<Action>(["applications.manage"]);
const TOKEN_DAYS = 90;

/** The Session row id of a cookie: the SHA-256 of its token, as the API stores it. */
const sessionId = (session: Session) => sha256(session.cookie.slice(session.cookie.indexOf("=") + 1));

/** What `restore` did: the credentials that had stopped working (a stale one is one more way to be refused). */
export interface Restored {
  cookies: string[];
  tokens: string[];
  /** Whether it wrote anything (an account put back, a session or token made). */
  changed: boolean;
}

/**
 * Every demo account of the seed (README's table), signed in before the fuzz starts, so the sign-in fuzz can lock
 * accounts without locking the fuzz out, each with a personal access token of all its rights. The fuzz also resets
 * passwords, disables and deletes users, signs out and revokes tokens: `restore` then puts the account back as the
 * seed had it (directly in the database, outside any measured request), signs in again and makes a new token.
 */
export class Actors {
  readonly list: Actor[] = [];
  private readonly seeded = new Map<string, Account>();

  private constructor(
    private readonly app: FastifyInstance,
    private readonly db: Db,
  ) {}

  static async signIn(app: FastifyInstance, db: Db): Promise<Actors> {
    const actors = new Actors(app, db);
    for (const { email, role } of DEMO_ACCOUNTS) {
      const account = await db.user.findUniqueOrThrow({
        where: { email },
        select: { id: true, tenantId: true, passwordHash: true },
      });
      actors.seeded.set(email, account);
      const session = await login(app, email);
      const access = session.me.tenants.map((tenant) => ({ tenantId: tenant.id, roles: tenant.roles }));
      const actor = { email, role, userId: account.id, homeTenantId: account.tenantId, session, access };
      actors.list.push({ ...actor, pat: await actors.newToken(actor) });
    }
    return actors;
  }

  get userIds(): Set<string> {
    return new Set(this.list.map((actor) => actor.userId));
  }

  /**
   * Puts back what the last request ended: an account disabled, deleted or made to change its password is
   * restored as seeded; an ended session is replaced by a new one; a revoked token by a new one.
   */
  async restore(): Promise<Restored> {
    const ended: Restored = { cookies: [], tokens: [], changed: false };
    const ids = this.list.map((actor) => actor.userId);
    const [sessions, tokens, accounts] = await Promise.all([
      this.db.session.findMany({
        where: { id: { in: this.list.map((actor) => sessionId(actor.session)) } },
        select: { id: true },
      }),
      this.db.personalAccessToken.findMany({
        where: { id: { in: this.list.map((actor) => actor.pat.id) } },
        select: { id: true },
      }),
      this.db.user.findMany({
        where: { id: { in: ids }, accountEnabled: true, deletedAt: null, passwordChangeRequired: false },
        select: { id: true },
      }),
    ]);
    const live = new Set([...sessions, ...tokens, ...accounts].map((row) => row.id));
    for (const actor of this.list) {
      const session = live.has(sessionId(actor.session));
      const token = live.has(actor.pat.id);
      if (session && token && live.has(actor.userId)) continue;
      ended.changed = true;
      await this.restoreAccount(actor);
      if (!session) {
        ended.cookies.push(actor.session.cookie);
        actor.session = await this.newSession(actor);
      }
      if (!token) {
        ended.tokens.push(actor.pat.token);
        actor.pat = await this.newToken(actor);
      }
    }
    return ended;
  }

  /** Enabled, not deleted, the demo password, no change of it required. */
  private async restoreAccount(actor: Actor): Promise<void> {
    const seeded = this.seeded.get(actor.email) as Account;
    await this.db.user.update({
      where: { id: seeded.id },
      data: { deletedAt: null, accountEnabled: true, passwordHash: seeded.passwordHash, passwordChangeRequired: false },
    });
  }

  /**
   * A session as the sign-in opens one (without paying for its password hash, and whatever lock the sign-in fuzz
   * left: that route is fuzzed on its own).
   */
  private async newSession(actor: Actor): Promise<Session> {
    const ttlMs = this.app.config.sessionTtlMs;
    const { token, csrfToken } = await createSession(
      this.db,
      { id: actor.userId, tenantId: actor.homeTenantId },
      ttlMs,
      { ip: null, userAgent: "fuzz" },
    );
    const resolved = await resolveSession(this.db, token, ttlMs);
    if (!resolved) throw new Error(`${actor.email}: a new session could not be read back`);
    const me: Me = await getMe(this.db, resolved, this.app.clock.now());
    return { cookie: `allot_session=${token}`, csrfToken, me };
  }

  /** A token as POST /api/me/tokens makes one (stored as its SHA-256, services/auth/bearer.ts), with every right held. */
  private async newToken(actor: Pick<Actor, "userId" | "homeTenantId" | "access">): Promise<PersonalToken> {
    const roles = [...new Set(actor.access.flatMap((access) => access.roles))];
    const scopes = allowedActions(roles).filter((action) => !SESSION_ONLY.has(action));
    const secret = randomToken(32);
    const token = `${PERSONAL_TOKEN_PREFIX}${secret}`;
    const row = await this.db.personalAccessToken.create({
      data: {
        tenantId: actor.homeTenantId,
        userId: actor.userId,
        name: "fuzz",
        scopes,
        hint: secret.slice(0, 4),
        tokenHash: sha256(token),
        expiresAt: new Date(Date.now() + TOKEN_DAYS * 86_400_000),
      },
      select: { id: true },
    });
    return { id: row.id, token, scopes };
  }
}
