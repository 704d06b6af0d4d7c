import type { Me } from "@allot/contracts";
import { type Db, DEMO_ACCOUNTS } from "@allot/db";
import type { Role } from "@allot/domain";
import type { FastifyInstance } from "fastify";
import { sha256 } from "../../src/lib/tokens.js";
import { getMe } from "../../src/services/auth/me.js";
import { createSession, resolveSession } from "../../src/services/auth/sessions.js";
import { login, type Session } from "../helpers.js";

/** A signed-in demo account the fuzz acts as. */
export interface Actor {
  email: string;
  role: string;
  userId: string;
  session: Session;
  /** Tenants this account reaches (its own, and customers for partner agents), with its roles there. */
  access: Array<{ tenantId: string; roles: Role[] }>;
}

interface Account {
  id: string;
  passwordHash: string | null;
}

/** The Session row id of a cookie: the SHA-256 of its token, as the API stores it. */
const sessionId = (session: Session) => sha256(session.cookie.slice(session.cookie.indexOf("=") + 1));

/**
 * Every demo account of the seed (README's table), signed in before the fuzz starts, so the sign-in fuzz can lock
 * accounts without locking the fuzz out. The fuzz also resets passwords, disables and deletes users and signs out:
 * when one of these sessions has ended, `revive` puts the account back as the seed had it (directly in the database,
 * outside any measured request) and signs in again.
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
      const account = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, passwordHash: true } });
      actors.seeded.set(email, account);
      const session = await login(app, email);
      const access = session.me.tenants.map((tenant) => ({ tenantId: tenant.id, roles: tenant.roles }));
      actors.list.push({ email, role, userId: account.id, session, access });
    }
    return actors;
  }

  get userIds(): Set<string> {
    return new Set(this.list.map((actor) => actor.userId));
  }

  /** The actors whose session no longer exists (signed out, password reset, disabled, deleted). */
  async ended(): Promise<Actor[]> {
    const ids = this.list.map((actor) => sessionId(actor.session));
    const live = await this.db.session.findMany({ where: { id: { in: ids } }, select: { id: true } });
    const liveIds = new Set(live.map((row) => row.id));
    return this.list.filter((actor) => !liveIds.has(sessionId(actor.session)));
  }

  /**
   * Puts the account back as seeded (enabled, not deleted, the demo password, no change of it required) and opens a
   * session as the sign-in
   * does (without paying for its password hash, and whatever lock the sign-in fuzz left: that route is fuzzed on
   * its own).
   */
  async revive(actor: Actor): Promise<void> {
    const seeded = this.seeded.get(actor.email) as Account;
    await this.db.user.update({
      where: { id: seeded.id },
      data: { deletedAt: null, accountEnabled: true, passwordHash: seeded.passwordHash, passwordChangeRequired: false },
    });
    const ttlMs = this.app.config.sessionTtlMs;
    const { token, csrfToken } = await createSession(this.db, seeded.id, ttlMs, { ip: null, userAgent: "fuzz" });
    const resolved = await resolveSession(this.db, token, ttlMs);
    if (!resolved) throw new Error(`${actor.email}: a revived session could not be read back`);
    const me: Me = await getMe(this.db, resolved, this.app.clock.now());
    actor.session = { cookie: `allot_session=${token}`, csrfToken, me };
  }
}
