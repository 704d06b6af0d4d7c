import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import type { SigningKey } from "../config.js";
import { AccessTokens, TOKEN_AUDIENCE } from "./access-tokens.js";

const claims = {
  tenantId: "7f0c2a4e-1b1e-4c38-9d0e-1a2b3c4d5e6f",
  applicationId: "0d9b8a71-5c4e-4f3a-8b2c-1d0e9f8a7b6c",
  appId: "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d",
  secretId: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
  roles: ["User.Read.All"],
};

async function signingKey(kid: string): Promise<SigningKey> {
  const { privateKey } = await generateKeyPair("ES256", { extractable: true });
  return { ...(await exportJWK(privateKey)), kid } as SigningKey;
}

describe("access tokens", () => {
  it("verify what they signed, with the claims, until they expire", async () => {
    const tokens = await AccessTokens.create([await signingKey("k1")], 3600);
    const now = new Date("2026-12-07T12:00:00Z");
    const token = await tokens.issue(claims, now);
    expect(await tokens.verify(token, now)).toEqual(claims);
    expect(await tokens.verify(token, new Date(now.getTime() + 3_599_000))).toEqual(claims);
    expect(await tokens.verify(token, new Date(now.getTime() + 3_601_000))).toBeNull();
  });

  it("rotate by config: a token of the old key verifies while the old key is still listed, not after", async () => {
    const old = await signingKey("old");
    const fresh = await signingKey("new");
    const now = new Date();
    const before = await (await AccessTokens.create([old], 3600)).issue(claims, now);
    const rotated = await AccessTokens.create([fresh, old], 3600);
    expect(await rotated.verify(before, now)).toEqual(claims);
    const after = await rotated.issue(claims, now);
    expect(JSON.parse(Buffer.from(after.split(".")[0] as string, "base64url").toString()).kid).toBe("new");
    expect(rotated.jwks.keys.map((key) => key.kid)).toEqual(["new", "old"]);
    expect(rotated.jwks.keys.every((key) => !("d" in key))).toBe(true);
    const dropped = await AccessTokens.create([fresh], 3600);
    expect(await dropped.verify(before, now)).toBeNull();
    expect(await dropped.verify(after, now)).toEqual(claims);
  });

  it("refuse tokens of another signer, another audience, an issuer of another tenant, or none at all", async () => {
    const key = await signingKey("k");
    const tokens = await AccessTokens.create([key], 3600);
    const stranger = await AccessTokens.create([await signingKey("k")], 3600);
    const now = new Date();
    expect(await tokens.verify(await stranger.issue(claims, now), now)).toBeNull();
    const { d: _d, ...publicKey } = key;
    const privateKey = await import("jose").then((jose) => jose.importJWK({ ...key, alg: "ES256" }, "ES256"));
    const forge = (audience: string, issuer: string) =>
      new SignJWT({
        tid: claims.tenantId,
        appid: claims.appId,
        oid: claims.applicationId,
        sid: claims.secretId,
        roles: [],
      })
        .setProtectedHeader({ alg: "ES256", kid: publicKey.kid })
        .setAudience(audience)
        .setIssuer(issuer)
        .setIssuedAt()
        .setExpirationTime("1h")
        .sign(privateKey);
    expect(await tokens.verify(await forge("api://other", tokens.issuer(claims.tenantId)), now)).toBeNull();
    expect(
      await tokens.verify(await forge(TOKEN_AUDIENCE, tokens.issuer("00000000-0000-4000-8000-000000000000")), now),
    ).toBeNull();
    expect(await tokens.verify(await forge(TOKEN_AUDIENCE, tokens.issuer(claims.tenantId)), now)).not.toBeNull();
    expect(await tokens.verify("not-a-token", now)).toBeNull();
    const unsigned = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from("{}").toString("base64url")}.`;
    expect(await tokens.verify(unsigned, now)).toBeNull();
  });

  it("made without configured keys, one key signs (single process)", async () => {
    const tokens = await AccessTokens.create([], 60);
    const now = new Date();
    expect(await tokens.verify(await tokens.issue(claims, now), now)).toEqual(claims);
    expect(tokens.jwks.keys).toHaveLength(1);
  });
});
