import type { Application, CreatedPersonalToken, CreatedSecret } from "@allot/contracts";
import { decodeJwt, decodeProtectedHeader } from "jose";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditOf, makeUser } from "./fixtures.js";
import { as, createTestApp, login, problem, type Session, type TestApp } from "./helpers.js";

/**
 * App registrations, their client secrets and the OAuth 2.0 token endpoint; personal access tokens. Who may manage
 * them, what the token endpoint answers for every bad request (RFC 6749's error bodies), and that tokens are
 * checked on every request: revoked, expired or disabled means 401 at once.
 */

let t: TestApp;
let admin: Session;
let appsUrl: string;
const LOCKOUT = 5;

beforeAll(async () => {
  t = await createTestApp({ loginRateLimitPerMinute: 100_000, lockoutThreshold: LOCKOUT });
  admin = await login(t.app, "admin@contoso.test");
  appsUrl = `/api/tenants/${t.tenants.contoso}/applications`;
});
afterAll(() => t.close());

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

async function registerApp(permissions: string[] = ["User.Read.All"]) {
  const created = await as(t.app, admin).post(appsUrl, { displayName: "Provisioning script", permissions });
  expect(created.statusCode).toBe(201);
  const app = created.json() as Pick<Application, "id" | "appId" | "displayName" | "permissions">;
  const secret = await as(t.app, admin).post(`${appsUrl}/${app.id}/secrets`, { expiresInDays: 30 });
  expect(secret.statusCode).toBe(201);
  return { app, secret: secret.json() as CreatedSecret };
}

function requestToken(fields: Record<string, string>, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: "POST",
    url: "/oauth2/v2.0/token",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    payload: form(fields),
  });
}

const grant = (appId: string, secret: string) => ({
  grant_type: "client_credentials",
  client_id: appId,
  client_secret: secret,
  scope: "api://allot/.default",
});

describe("app registrations", () => {
  it("a global admin registers an app: 201 with its public identity, listed with its secrets' hints only", async () => {
    const { app, secret } = await registerApp(["User.Read.All", "LicenseAssignment.ReadWrite.All"]);
    expect(app).toEqual({
      id: expect.any(String),
      appId: expect.any(String),
      displayName: "Provisioning script",
      permissions: ["User.Read.All", "LicenseAssignment.ReadWrite.All"],
    });
    expect(secret.secretText.length).toBeGreaterThanOrEqual(40);
    const list = await as(t.app, admin).get(appsUrl);
    expect(list.statusCode).toBe(200);
    const listed = (list.json() as { applications: Application[] }).applications.find((a) => a.id === app.id);
    expect(listed?.secrets).toEqual([
      expect.objectContaining({ id: secret.id, hint: secret.secretText.slice(0, 3), lastUsedAt: null }),
    ]);
    expect(list.body).not.toContain(secret.secretText);
    const stored = await t.db.applicationSecret.findUniqueOrThrow({ where: { id: secret.id } });
    expect(stored.secretHash).not.toContain(secret.secretText);
  });

  it("refuses unknown permissions, duplicates, an empty name and unknown fields", async () => {
    for (const body of [
      { displayName: "x", permissions: ["Mail.Send"] },
      { displayName: "x", permissions: ["User.Read.All", "User.Read.All"] },
      { displayName: " ", permissions: [] },
      { displayName: "x", permissions: [], owner: "me" },
    ]) {
      const response = await as(t.app, admin).post(appsUrl, body);
      expect(problem(response)).toMatchObject({ status: 400, code: "ValidationFailed" });
    }
  });

  it("only the organization's own global admin manages apps: other admins and partner agents are refused", async () => {
    for (const email of ["users@contoso.test", "licenses@contoso.test", "billing@contoso.test", "agent@partner.test"]) {
      const session = await login(t.app, email);
      expect(problem(await as(t.app, session).get(appsUrl)).code, email).toBe("Forbidden");
      expect(problem(await as(t.app, session).post(appsUrl, { displayName: "x", permissions: [] })).code).toBe(
        "Forbidden",
      );
    }
    const fabrikam = await login(t.app, "admin@fabrikam.test");
    expect(problem(await as(t.app, fabrikam).get(appsUrl)).code).toBe("NotFound");
  });

  it("renames, changes permissions, disables, deletes; audited with before and after", async () => {
    const { app } = await registerApp();
    const patched = await as(t.app, admin).patch(`${appsUrl}/${app.id}`, {
      displayName: "Renamed",
      permissions: ["Directory.Read.All"],
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ displayName: "Renamed", permissions: ["Directory.Read.All"] });
    const [event] = await auditOf(t.db, patched, "application.updated");
    expect(event?.before).toMatchObject({ displayName: "Provisioning script" });
    expect(event?.after).toMatchObject({ displayName: "Renamed" });
    expect(problem(await as(t.app, admin).patch(`${appsUrl}/${app.id}`, {})).code).toBe("ValidationFailed");
    const deleted = await as(t.app, admin).delete(`${appsUrl}/${app.id}`);
    expect(deleted.statusCode).toBe(204);
    expect(problem(await as(t.app, admin).delete(`${appsUrl}/${app.id}`)).code).toBe("NotFound");
  });
});

describe("the token endpoint (client credentials)", () => {
  it("issues a signed JWT for the app's tenant, valid at most an hour, with the kid the JWKS publishes", async () => {
    const { app, secret } = await registerApp(["User.Read.All"]);
    const response = await requestToken(grant(app.appId, secret.secretText));
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("no-store");
    const body = response.json() as { token_type: string; expires_in: number; access_token: string };
    expect(body.token_type).toBe("Bearer");
    expect(body.expires_in).toBeLessThanOrEqual(3600);
    const claims = decodeJwt(body.access_token);
    expect(claims).toMatchObject({ tid: t.tenants.contoso, appid: app.appId, oid: app.id, aud: "api://allot" });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBeLessThanOrEqual(3600);
    const jwks = (await t.app.inject({ method: "GET", url: "/.well-known/jwks.json" })).json() as {
      keys: Array<{ kid: string; d?: string }>;
    };
    expect(jwks.keys.map((key) => key.kid)).toContain(decodeProtectedHeader(body.access_token).kid);
    expect(jwks.keys.every((key) => key.d === undefined)).toBe(true);
  });

  it("accepts HTTP Basic client authentication too", async () => {
    const { app, secret } = await registerApp();
    const basic = Buffer.from(`${app.appId}:${encodeURIComponent(secret.secretText)}`).toString("base64");
    const response = await requestToken(
      { grant_type: "client_credentials", scope: "api://allot/.default" },
      { authorization: `Basic ${basic}` },
    );
    expect(response.statusCode).toBe(200);
  });

  it("answers RFC 6749 errors for each bad request", async () => {
    const { app, secret } = await registerApp();
    const cases: Array<[Record<string, string>, number, string]> = [
      [{ ...grant(app.appId, secret.secretText), grant_type: "password" }, 400, "unsupported_grant_type"],
      [
        { client_id: app.appId, client_secret: secret.secretText, scope: "api://allot/.default" },
        400,
        "invalid_request",
      ],
      [{ ...grant(app.appId, secret.secretText), scope: "https://graph.microsoft.com/.default" }, 400, "invalid_scope"],
      [
        { grant_type: "client_credentials", client_id: app.appId, scope: "api://allot/.default" },
        400,
        "invalid_request",
      ],
      [grant(app.appId, "wrong-secret"), 401, "invalid_client"],
      [grant("not-a-uuid", secret.secretText), 401, "invalid_client"],
    ];
    for (const [fields, status, error] of cases) {
      const response = await requestToken(fields);
      expect(response.statusCode, JSON.stringify(fields)).toBe(status);
      expect(response.json()).toEqual({ error, error_description: expect.any(String) });
    }
    const json = await t.app.inject({
      method: "POST",
      url: "/oauth2/v2.0/token",
      payload: grant(app.appId, secret.secretText),
    });
    expect(json.statusCode).toBe(400);
    expect(json.json()).toMatchObject({ error: "invalid_request" });
  });

  it("refuses a disabled app and an expired secret", async () => {
    const { app, secret } = await registerApp();
    await as(t.app, admin).patch(`${appsUrl}/${app.id}`, { enabled: false });
    expect((await requestToken(grant(app.appId, secret.secretText))).json()).toMatchObject({ error: "invalid_client" });
    await as(t.app, admin).patch(`${appsUrl}/${app.id}`, { enabled: true });
    await t.db.applicationSecret.update({ where: { id: secret.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await requestToken(grant(app.appId, secret.secretText))).json()).toMatchObject({ error: "invalid_client" });
  });

  it("a failure that is no fault of the request is the API's 500 or 503, not invalid_request with its message", async () => {
    const { app, secret } = await registerApp();
    const broken = Object.assign(new Error("Invalid `prisma.application.findUnique()` invocation at x.ts:1"), {
      code: "P2022",
    });
    const gone = Object.assign(new Error("Can't reach database server"), { code: "P1001" });
    const lookUp = vi.spyOn(t.db.application, "findUnique");
    try {
      lookUp.mockRejectedValueOnce(broken);
      const failed = await requestToken(grant(app.appId, secret.secretText));
      expect(failed.statusCode).toBe(500);
      expect(problem(failed).code).toBe("InternalError");
      expect(failed.body).not.toMatch(/prisma|x\.ts/);
      lookUp.mockRejectedValueOnce(gone);
      const unavailable = await requestToken(grant(app.appId, secret.secretText));
      expect(unavailable.statusCode).toBe(503);
      expect(unavailable.headers["retry-after"]).toBeDefined();
    } finally {
      lookUp.mockRestore();
    }
    expect((await requestToken(grant(app.appId, secret.secretText))).statusCode).toBe(200);
  });

  it("locks a client id out after repeated failures, like sign-in, even for the right secret", async () => {
    const { app, secret } = await registerApp();
    for (let attempt = 0; attempt < LOCKOUT - 1; attempt++) {
      expect((await requestToken(grant(app.appId, "guess"))).statusCode).toBe(401);
    }
    const locked = await requestToken(grant(app.appId, "guess"));
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers["retry-after"])).toBeGreaterThan(0);
    const right = await requestToken(grant(app.appId, secret.secretText));
    expect(right.statusCode).toBe(429);
    expect(right.json()).toMatchObject({ error: "temporarily_unavailable" });
  });

  it("an app's token does not reach /api routes: apps use the Graph-compatible API", async () => {
    const { app, secret } = await registerApp(["User.Read.All"]);
    const token = (await requestToken(grant(app.appId, secret.secretText))).json().access_token as string;
    const response = await t.app.inject({
      method: "GET",
      url: `/api/tenants/${t.tenants.contoso}/users`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(problem(response)).toMatchObject({ status: 401, code: "Unauthenticated" });
  });
});

describe("personal access tokens", () => {
  const tokensUrl = "/api/me/tokens";
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  async function makeToken(session: Session, scopes: string[], name = "script") {
    const response = await as(t.app, session).post(tokensUrl, { name, scopes, expiresInDays: 7 });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as CreatedPersonalToken;
  }

  it("carries a subset of the person's rights: never more than they hold, at most 90 days", async () => {
    const licenses = await login(t.app, "licenses@contoso.test");
    const refused = await as(t.app, licenses).post(tokensUrl, { name: "x", scopes: ["users.manage"] });
    expect(problem(refused)).toMatchObject({ status: 400, code: "ValidationFailed" });
    const tooLong = await as(t.app, licenses).post(tokensUrl, {
      name: "x",
      scopes: ["directory.read"],
      expiresInDays: 91,
    });
    expect(problem(tooLong).code).toBe("ValidationFailed");
    const appsScope = await as(t.app, admin).post(tokensUrl, { name: "x", scopes: ["applications.manage"] });
    expect(problem(appsScope).code).toBe("ValidationFailed");
    const token = await makeToken(licenses, ["directory.read"]);
    expect(token.token).toMatch(/^allot_pat_/);
    const list = await as(t.app, licenses).get(tokensUrl);
    expect(list.body).not.toContain(token.token);
  });

  it("reaches tenant routes within its scopes, without a CSRF token; beyond them it is 403", async () => {
    const token = await makeToken(admin, ["directory.read"]);
    const users = `/api/tenants/${t.tenants.contoso}/users`;
    expect((await t.app.inject({ method: "GET", url: users, headers: bearer(token.token) })).statusCode).toBe(200);
    const create = await t.app.inject({
      method: "POST",
      url: users,
      headers: bearer(token.token),
      payload: { displayName: "Nope", email: "nope@contoso.test", usageLocation: "NL" },
    });
    expect(problem(create)).toMatchObject({ status: 403, code: "Forbidden" });
  });

  it("reads GET /api/me (who holds it, which tenants it reaches) but changes nothing of the account", async () => {
    const token = await makeToken(admin, ["directory.read"]);
    const me = await t.app.inject({ method: "GET", url: "/api/me", headers: bearer(token.token) });
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ user: { id: admin.me.user.id }, csrfToken: "" });
    expect((me.json() as { tenants: Array<{ id: string }> }).tenants.map((tenant) => tenant.id)).toContain(
      t.tenants.contoso,
    );
    const patch = await t.app.inject({
      method: "PATCH",
      url: "/api/me",
      headers: bearer(token.token),
      payload: { preferredLanguage: "nl" },
    });
    expect(problem(patch)).toMatchObject({ status: 401, code: "Unauthenticated" });
    const { app, secret } = await registerApp(["User.Read.All"]);
    const appToken = (await requestToken(grant(app.appId, secret.secretText))).json().access_token as string;
    const asApp = await t.app.inject({ method: "GET", url: "/api/me", headers: bearer(appToken) });
    expect(problem(asApp)).toMatchObject({ status: 401, code: "Unauthenticated" });
  });

  it("a change made with a token is audited with the person and the token", async () => {
    const token = await makeToken(admin, ["users.manage", "directory.read"], "onboarding");
    const target = await makeUser(t.db, t.tenants.contoso);
    const response = await t.app.inject({
      method: "PATCH",
      url: `/api/tenants/${t.tenants.contoso}/users/${target.id}`,
      headers: bearer(token.token),
      payload: { displayName: "Renamed by script" },
    });
    expect(response.statusCode, response.body).toBe(200);
    const [event] = await auditOf(t.db, response, "user.updated");
    expect(event).toMatchObject({ actorUserId: admin.me.user.id, actorTokenId: token.id, actorApplicationId: null });
    const log = await as(t.app, admin).get(`/api/tenants/${t.tenants.contoso}/auditLog?action=user.updated`);
    const shown = (log.json() as { items: Array<{ id: string; actorToken: unknown }> }).items.find(
      (item) => item.id === event?.id,
    );
    expect(shown?.actorToken).toEqual({ id: token.id, name: "onboarding" });
  });

  it("is refused at once once revoked or expired, and never reaches session-only routes", async () => {
    const token = await makeToken(admin, ["directory.read"]);
    const users = `/api/tenants/${t.tenants.contoso}/users`;
    const me = await t.app.inject({ method: "GET", url: tokensUrl, headers: bearer(token.token) });
    expect(problem(me)).toMatchObject({ status: 401, code: "Unauthenticated" });
    const apps = await t.app.inject({ method: "GET", url: appsUrl, headers: bearer(token.token) });
    expect(problem(apps).status).toBe(401);
    expect((await as(t.app, admin).delete(`${tokensUrl}/${token.id}`)).statusCode).toBe(204);
    const revoked = await t.app.inject({ method: "GET", url: users, headers: bearer(token.token) });
    expect(problem(revoked)).toMatchObject({ status: 401, code: "InvalidAuthenticationToken" });
    expect(revoked.headers["www-authenticate"]).toContain("invalid_token");
    const other = await makeToken(admin, ["directory.read"]);
    await t.db.personalAccessToken.update({ where: { id: other.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    const expired = await t.app.inject({ method: "GET", url: users, headers: bearer(other.token) });
    expect(problem(expired).code).toBe("InvalidAuthenticationToken");
  });

  it("a malformed Authorization header is 401, never a fall-back to the session cookie", async () => {
    const response = await t.app.inject({
      method: "GET",
      url: `/api/tenants/${t.tenants.contoso}/users`,
      headers: { cookie: admin.cookie, authorization: "Bearer" },
    });
    expect(problem(response).code).toBe("InvalidAuthenticationToken");
  });
});
