import type { Db } from "@allot/db";
import { APPLICATION_PERMISSIONS } from "@allot/domain";
import type { FastifyInstance } from "fastify";
import { randomToken, sha256 } from "../../src/lib/tokens.js";

/** An app registration of the fuzz's own in one tenant, with one client secret and an access token of it. */
export interface FuzzApp {
  tenantId: string;
  applicationId: string;
  /** The client id (`client_id`). */
  appId: string;
  secretId: string;
  secretText: string;
  /** A client-credentials access token (`Authorization: Bearer`) for the Graph-compatible API. */
  token: string;
}

const PERMISSIONS = [...APPLICATION_PERMISSIONS];
const SECRET_DAYS = 180;

/**
 * One app per tenant with all six Graph permissions, made directly in the database (as POST …/applications and
 * …/secrets make them) and its token issued as the token endpoint issues one. The fuzz itself calls the app
 * registration routes as global admins and may disable or delete these apps, take permissions away or delete their
 * secrets: `restore` puts them back (a new app, secret and token where one is gone), like ended sessions.
 */
export class FuzzApps {
  readonly list: FuzzApp[] = [];

  private constructor(
    private readonly app: FastifyInstance,
    private readonly db: Db,
  ) {}

  static async register(app: FastifyInstance, db: Db, tenantIds: readonly string[]): Promise<FuzzApps> {
    const apps = new FuzzApps(app, db);
    for (const tenantId of tenantIds) apps.list.push(await apps.create(tenantId));
    return apps;
  }

  get ids(): Set<string> {
    return new Set(this.list.flatMap((app) => [app.applicationId, app.secretId]));
  }

  /** Tokens that no longer work, to be sent now and then: one expired, and one of a secret that never was. */
  async deadTokens(): Promise<string[]> {
    const [first] = this.list;
    if (!first) return [];
    const expired = await this.issue(first, new Date(Date.now() - 2 * 3_600_000));
    const forged = await this.issue({ ...first, secretId: "00000000-0000-4000-8000-000000000000" }, new Date());
    return [expired, forged];
  }

  /** Puts every app back as made; returns the tokens that ended (their app or secret gone). */
  async restore(): Promise<{ tokens: string[]; changed: boolean }> {
    const ended: string[] = [];
    let changed = false;
    const rows = await this.db.application.findMany({
      where: { id: { in: this.list.map((app) => app.applicationId) } },
      select: {
        id: true,
        enabled: true,
        permissions: true,
        secrets: { where: { expiresAt: { gt: new Date() } }, select: { id: true } },
      },
    });
    for (const [index, app] of this.list.entries()) {
      const row = rows.find((candidate) => candidate.id === app.applicationId);
      if (!row) {
        changed = true;
        ended.push(app.token);
        this.list[index] = await this.create(app.tenantId);
        continue;
      }
      const all = PERMISSIONS.every((permission) => row.permissions.includes(permission));
      if (!row.enabled || !all || row.permissions.length !== PERMISSIONS.length) {
        changed = true;
        await this.db.application.update({
          where: { id: app.applicationId },
          data: { enabled: true, permissions: PERMISSIONS },
        });
      }
      if (!row.secrets.some((secret) => secret.id === app.secretId)) {
        changed = true;
        ended.push(app.token);
        this.list[index] = await this.withSecret({ ...app });
      }
    }
    return { tokens: ended, changed };
  }

  private async create(tenantId: string): Promise<FuzzApp> {
    const row = await this.db.application.create({
      data: { tenantId, displayName: "Fuzz app", permissions: PERMISSIONS },
      select: { id: true, appId: true },
    });
    return this.withSecret({
      tenantId,
      applicationId: row.id,
      appId: row.appId,
      secretId: "",
      secretText: "",
      token: "",
    });
  }

  private async withSecret(app: FuzzApp): Promise<FuzzApp> {
    const secretText = randomToken(32);
    const secret = await this.db.applicationSecret.create({
      data: {
        tenantId: app.tenantId,
        applicationId: app.applicationId,
        displayName: "fuzz",
        hint: secretText.slice(0, 3),
        secretHash: sha256(secretText),
        expiresAt: new Date(Date.now() + SECRET_DAYS * 86_400_000),
      },
      select: { id: true },
    });
    const made = { ...app, secretId: secret.id, secretText };
    return { ...made, token: await this.issue(made, new Date()) };
  }

  private issue(app: Omit<FuzzApp, "token" | "secretText">, now: Date): Promise<string> {
    return this.app.accessTokens.issue(
      {
        tenantId: app.tenantId,
        applicationId: app.applicationId,
        appId: app.appId,
        secretId: app.secretId,
        roles: PERMISSIONS,
      },
      now,
    );
  }
}
