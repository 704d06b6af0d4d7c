import { ALLOT_API_SCOPE, uuidSchema } from "@allot/contracts";
import type { Db } from "@allot/db";
import { applicationPermissionsOf } from "@allot/domain";
import type { AccessTokens } from "../../lib/access-tokens.js";
import { safeEqual, sha256 } from "../../lib/tokens.js";
import { admitSuccess, recordFailure, type ThrottlePolicy, throttleKey } from "./sign-in-throttle.js";

/** An OAuth 2.0 error response (RFC 6749 §5.2): its `error` code, description and HTTP status. */
export class OAuthError extends Error {
  constructor(
    readonly error:
      | "invalid_request"
      | "invalid_client"
      | "unsupported_grant_type"
      | "invalid_scope"
      | "temporarily_unavailable",
    message: string,
    readonly status: 400 | 401 | 429 = 400,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "OAuthError";
  }
}

/** The form of a token request, and the client credentials of an HTTP Basic header if there was one. */
export interface TokenRequest {
  form: Record<string, string>;
  basic: { clientId: string; clientSecret: string } | null;
}

export interface IssuedToken {
  token_type: "Bearer";
  expires_in: number;
  access_token: string;
}

const badClient = () =>
  new OAuthError(
    "invalid_client",
    "Client authentication failed: unknown client_id, wrong or expired secret, or a disabled app.",
    401,
  );

/**
 * The client credentials grant (RFC 6749 §4.4): an app authenticates with its client id and one of its secrets and
 * gets an access token for the whole API. Failures are counted and locked out like sign-ins (per client id × client
 * address, and per client id), and every failure answers the same, so the answer never tells which part was wrong.
 */
export async function grantClientCredentials(
  db: Db,
  tokens: AccessTokens,
  { form, basic }: TokenRequest,
  meta: { ip: string | null },
  policy: ThrottlePolicy,
): Promise<IssuedToken> {
  if (form.grant_type === undefined) throw new OAuthError("invalid_request", "grant_type is missing.");
  if (form.grant_type !== "client_credentials") {
    throw new OAuthError("unsupported_grant_type", "Only grant_type=client_credentials is supported.");
  }
  if (basic && (form.client_id !== undefined || form.client_secret !== undefined)) {
    throw new OAuthError("invalid_request", "Authenticate the client one way: HTTP Basic or client_id/client_secret.");
  }
  const clientId = basic?.clientId ?? form.client_id;
  const clientSecret = basic?.clientSecret ?? form.client_secret;
  if (!clientId || !clientSecret) throw new OAuthError("invalid_request", "client_id and client_secret are required.");
  if (form.scope !== ALLOT_API_SCOPE) {
    throw new OAuthError(
      "invalid_scope",
      `Ask for scope=${ALLOT_API_SCOPE}: the app gets the permissions it was granted.`,
    );
  }

  const key = throttleKey(`app:${clientId}`, meta.ip);
  const now = new Date();
  const secretHash = sha256(clientSecret);
  const app = uuidSchema.safeParse(clientId).success
    ? await db.application.findUnique({
        where: { appId: clientId.toLowerCase() },
        select: {
          id: true,
          tenantId: true,
          appId: true,
          enabled: true,
          permissions: true,
          secrets: { where: { secretHash }, select: { id: true, secretHash: true, expiresAt: true } },
        },
      })
    : null;
  const secret = app?.secrets[0];
  const valid =
    app !== null &&
    app.enabled &&
    secret !== undefined &&
    safeEqual(secret.secretHash, secretHash) &&
    secret.expiresAt > now;
  if (!valid || !app || !secret) {
    const outcome = await recordFailure(db, key, policy, now, null);
    if (outcome.locked) throw locked(outcome.locked.retryAfterSeconds);
    throw badClient();
  }
  const lock = await admitSuccess(db, key, now);
  if (lock) throw locked(lock.retryAfterSeconds);

  await db.$transaction([
    db.application.update({ where: { id: app.id }, data: { lastUsedAt: now } }),
    db.applicationSecret.update({ where: { id: secret.id }, data: { lastUsedAt: now } }),
  ]);
  const accessToken = await tokens.issue(
    {
      tenantId: app.tenantId,
      applicationId: app.id,
      appId: app.appId,
      secretId: secret.id,
      roles: applicationPermissionsOf(app.permissions),
    },
    now,
  );
  return { token_type: "Bearer", expires_in: tokens.ttlSeconds, access_token: accessToken };
}

function locked(retryAfterSeconds: number): OAuthError {
  return new OAuthError(
    "temporarily_unavailable",
    `Too many failed attempts for this client. Try again in ${retryAfterSeconds} seconds.`,
    429,
    retryAfterSeconds,
  );
}
