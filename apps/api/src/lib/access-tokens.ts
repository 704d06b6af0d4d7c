import { randomUUID } from "node:crypto";
import {
  type CryptoKey,
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
  jwtVerify,
  SignJWT,
} from "jose";
import type { SigningKey } from "../config.js";

/** The audience of every token: the API as a whole (scope `api://allot/.default`). */
export const TOKEN_AUDIENCE = "api://allot";
const ALGORITHM = "ES256";

/** What an access token says: which app, through which of its secrets, in which tenant. */
export interface AccessTokenClaims {
  tenantId: string;
  applicationId: string;
  appId: string;
  secretId: string;
  /** The app's Graph application permissions when the token was issued (Entra's `roles` claim); the API reads
   * the app's current ones on every request, so a permission taken away ends at once. */
  roles: readonly string[];
}

interface KeyPair {
  kid: string;
  privateKey: CryptoKey;
}

/**
 * Signs and verifies the API's access tokens (JWTs, ES256) with the keys of TOKEN_SIGNING_KEYS: the first signs, all
 * verify, and their public halves are the JWKS a client may check signatures with.
 */
export class AccessTokens {
  private constructor(
    private readonly signer: KeyPair,
    private readonly keySet: JWTVerifyGetKey,
    readonly jwks: JSONWebKeySet,
    private readonly issuerBase: string,
    readonly ttlSeconds: number,
  ) {}

  /** From configured keys, or (none configured) one key made now: tokens then end with the process. */
  static async create(
    keys: readonly SigningKey[],
    ttlSeconds: number,
    issuerBase = "https://allot",
  ): Promise<AccessTokens> {
    const pairs: Array<KeyPair & { publicJwk: Record<string, unknown> }> = [];
    if (keys.length === 0) {
      const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { extractable: true });
      const kid = randomUUID();
      pairs.push({ kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid } });
    }
    for (const key of keys) {
      const privateKey = (await importJWK({ ...key, alg: ALGORITHM }, ALGORITHM)) as CryptoKey;
      const { d: _private, ...publicJwk } = key;
      pairs.push({ kid: key.kid, privateKey, publicJwk });
    }
    const jwks: JSONWebKeySet = {
      keys: pairs.map((pair) => ({ ...pair.publicJwk, kid: pair.kid, alg: ALGORITHM, use: "sig" })),
    };
    const [first] = pairs;
    if (!first) throw new Error("no signing key");
    return new AccessTokens(first, createLocalJWKSet(jwks), jwks, issuerBase, ttlSeconds);
  }

  /** The issuer of a tenant's tokens, as Entra names it per tenant. */
  issuer(tenantId: string): string {
    return `${this.issuerBase}/${tenantId}/v2.0`;
  }

  async issue(claims: AccessTokenClaims, now: Date): Promise<string> {
    const issuedAt = Math.floor(now.getTime() / 1000);
    return new SignJWT({
      tid: claims.tenantId,
      appid: claims.appId,
      oid: claims.applicationId,
      roles: claims.roles,
      sid: claims.secretId,
    })
      .setProtectedHeader({ alg: ALGORITHM, kid: this.signer.kid, typ: "JWT" })
      .setIssuer(this.issuer(claims.tenantId))
      .setAudience(TOKEN_AUDIENCE)
      .setSubject(claims.applicationId)
      .setJti(randomUUID())
      .setIssuedAt(issuedAt)
      .setNotBefore(issuedAt)
      .setExpirationTime(issuedAt + this.ttlSeconds)
      .sign(this.signer.privateKey);
  }

  /** The claims of a token this API signed that has not expired, or null (bad signature, expired, not ours). */
  async verify(token: string, now: Date): Promise<AccessTokenClaims | null> {
    try {
      const { payload } = await jwtVerify(token, this.keySet, {
        audience: TOKEN_AUDIENCE,
        algorithms: [ALGORITHM],
        currentDate: now,
      });
      const { tid, appid, oid, sid, roles, iss } = payload;
      if (typeof tid !== "string" || typeof appid !== "string" || typeof oid !== "string" || typeof sid !== "string") {
        return null;
      }
      if (iss !== this.issuer(tid) || !Array.isArray(roles)) return null;
      return { tenantId: tid, appId: appid, applicationId: oid, secretId: sid, roles: roles.map(String) };
    } catch {
      return null;
    }
  }
}
