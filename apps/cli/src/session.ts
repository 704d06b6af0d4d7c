import { type AllotClient, clientCredentialsToken, createClient } from "@allot/client";
import { readLogin, type StoredLogin, writeLogin } from "./config.js";
import { AuthError, UsageError } from "./exit-codes.js";

export const PERSONAL_TOKEN_PREFIX = "allot_pat_";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (text: string) => UUID.test(text);

/**
 * Who the CLI acts as: a person (personal access token: the /api routes their token's scopes allow) or an app
 * registration (client credentials: the Graph-compatible routes its permissions allow).
 */
export interface Session {
  kind: "personal" | "app";
  url: string;
  client: AllotClient;
  /** The tenant commands act in: --tenant, else the one login chose (an app: its own). */
  tenantId: string;
}

export interface SessionOptions {
  tenant?: string;
}

const USER_AGENT = "allot-cli";

/** The tenant id in an app's access token (the `tid` claim; the API checks the signature, the CLI only reads it). */
export function tenantOfAccessToken(token: string): string | null {
  const payload = token.split(".")[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { tid?: unknown };
    return typeof claims.tid === "string" ? claims.tid : null;
  } catch {
    return null;
  }
}

/**
 * The session for a command: ALLOT_URL and ALLOT_TOKEN override what `allot login` stored (a CI job sets them and
 * never logs in); an app's stored access token is renewed with its client secret when it is about to expire.
 */
export async function openSession(options: SessionOptions, env: NodeJS.ProcessEnv = process.env): Promise<Session> {
  const stored = readLogin();
  const url = env.ALLOT_URL || stored?.url;
  const envToken = env.ALLOT_TOKEN;
  let kind: Session["kind"];
  let token: string;
  let storedTenant: string | undefined;
  if (envToken) {
    kind = envToken.startsWith(PERSONAL_TOKEN_PREFIX) ? "personal" : "app";
    token = envToken;
    storedTenant = kind === "app" ? (tenantOfAccessToken(envToken) ?? undefined) : undefined;
  } else if (stored) {
    kind = stored.kind;
    token = stored.kind === "personal" ? stored.token : await freshAppToken(stored);
    storedTenant = stored.tenantId;
  } else {
    throw new AuthError("Not signed in: run `allot login` first, or set ALLOT_URL and ALLOT_TOKEN.");
  }
  if (!url) throw new AuthError("No API address: run `allot login --url …`, or set ALLOT_URL.");
  const client = createClient({ baseUrl: url, token, userAgent: USER_AGENT });
  const wanted = options.tenant ?? env.ALLOT_TENANT;
  const tenantId = await resolveTenant(client, kind, wanted, storedTenant);
  return { kind, url, client, tenantId };
}

async function freshAppToken(stored: Extract<StoredLogin, { kind: "app" }>): Promise<string> {
  if (Date.parse(stored.expiresAt) - Date.now() > 60_000) return stored.accessToken;
  const renewed = await clientCredentialsToken({
    baseUrl: stored.url,
    clientId: stored.clientId,
    clientSecret: stored.clientSecret,
  });
  writeLogin({ ...stored, accessToken: renewed.accessToken, expiresAt: renewed.expiresAt.toISOString() });
  return renewed.accessToken;
}

/** A tenant named by id, domain or name among those the person reaches; an app reaches its own tenant only. */
async function resolveTenant(
  client: AllotClient,
  kind: Session["kind"],
  wanted: string | undefined,
  fallback: string | undefined,
): Promise<string> {
  if (kind === "app") {
    if (wanted && fallback && wanted.toLowerCase() !== fallback.toLowerCase() && isUuid(wanted)) {
      throw new AuthError(`An app's token reaches its own tenant (${fallback}) only, not ${wanted}.`);
    }
    if (!fallback) throw new AuthError("The access token names no tenant.");
    return fallback;
  }
  if (!wanted) {
    if (fallback) return fallback;
    const me = await client.me();
    return me.user.tenantId;
  }
  if (isUuid(wanted)) return wanted.toLowerCase();
  const me = await client.me();
  const needle = wanted.toLowerCase();
  const match = me.tenants.find((t) => t.domain.toLowerCase() === needle || t.name.toLowerCase() === needle);
  if (!match) throw new UsageError(`No tenant you reach is named "${wanted}" (see \`allot tenants\`).`);
  return match.id;
}

/** Commands that only the /api routes offer: an app's token reaches /graph/v1.0 only. */
export function requirePerson(session: Session, what: string): void {
  if (session.kind === "app") {
    throw new AuthError(
      `${what} needs a personal access token (allot login --token allot_pat_…): an app's token reaches the ` +
        "Graph-compatible API (/graph/v1.0) only, which has no such route.",
    );
  }
}
