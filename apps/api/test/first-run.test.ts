import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@allot/db";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountsWithDemoPassword } from "../src/services/setup/demo-passwords.js";
import { auditOf, makeUser } from "./fixtures.js";
import { as, createEmptyTestApp, createTestApp, login, problem, type Session, type TestApp } from "./helpers.js";

/**
 * A production start on an empty database: the first-run setup (POST /api/setup, the same use case as
 * `pnpm allot-setup`) only while no organization exists, only from the server itself and with the start's one-time
 * token; the global admin it creates signs in with a one-time password and can do nothing but change it
 * (PasswordChangeRequired) — the same restriction an admin's reset can ask for. In production no account may get
 * the demo password, and the start-up check finds every account that still has it.
 */

const TOKEN = "one-time-setup-token-0123456789";
const SETUP = {
  organizationName: "Woodgrove Bank",
  domain: "woodgrove.example",
  adminDisplayName: "Kayo Miwa",
  adminEmail: "kayo@woodgrove.example",
  usageLocation: "nl",
};

function setup(app: FastifyInstance, body: unknown, headers: Record<string, string> = { "x-setup-token": TOKEN }) {
  return app.inject({
    method: "POST",
    url: "/api/setup",
    payload: body as Record<string, unknown>,
    headers,
    remoteAddress: "127.0.0.1",
  });
}

const status = async (app: FastifyInstance) => (await app.inject({ method: "GET", url: "/api/setup" })).json();

describe("first-run setup on an empty database", () => {
  let t: Omit<TestApp, "tenants">;
  beforeAll(async () => {
    t = await createEmptyTestApp(TOKEN);
  });
  afterAll(() => t.close());

  it("says setup is required, and refuses without the token, with a wrong one, or from elsewhere", async () => {
    expect(await status(t.app)).toEqual({ required: true });
    for (const response of [
      await setup(t.app, SETUP, {}),
      await setup(t.app, SETUP, { "x-setup-token": `${TOKEN}x` }),
      await t.app.inject({
        method: "POST",
        url: "/api/setup",
        payload: SETUP,
        headers: { "x-setup-token": TOKEN, "x-forwarded-for": "127.0.0.1" },
        remoteAddress: "203.0.113.5",
      }),
    ]) {
      expect(response.statusCode).toBe(403);
      expect(problem(response).code).toBe("SetupNotAllowed");
    }
    expect(await t.db.tenant.count()).toBe(0);
  });

  it("refuses bad input field by field", async () => {
    const response = await setup(t.app, { ...SETUP, domain: "not a domain", adminEmail: "nope", extra: 1 });
    expect(response.statusCode).toBe(400);
    expect(problem(response).code).toBe("ValidationFailed");
    expect(await t.db.tenant.count()).toBe(0);
  });

  let admin: { email: string; oneTimePassword: string; tenantId: string };

  it("creates the organization and its global admin with a one-time password, once", async () => {
    const response = await setup(t.app, SETUP);
    expect(response.statusCode, response.body).toBe(201);
    const result = response.json();
    expect(result).toMatchObject({ adminEmail: SETUP.adminEmail, oneTimePassword: expect.stringMatching(/^\w{20}$/) });
    admin = { email: result.adminEmail, oneTimePassword: result.oneTimePassword, tenantId: result.tenantId };
    const tenant = await t.db.tenant.findUniqueOrThrow({ where: { id: result.tenantId } });
    // The admin's country becomes the organization's, which group licensing falls back on.
    expect(tenant).toMatchObject({
      name: SETUP.organizationName,
      domain: SETUP.domain,
      kind: "customer",
      defaultUsageLocation: "NL",
    });
    const user = await t.db.user.findUniqueOrThrow({
      where: { email: SETUP.adminEmail },
      include: { roleAssignments: true },
    });
    expect(user).toMatchObject({ usageLocation: "NL", passwordChangeRequired: true, tenantId: result.tenantId });
    expect(user.roleAssignments.map((r) => r.role)).toEqual(["globalAdmin"]);
    expect(await auditOf(t.db, response)).toEqual([
      expect.objectContaining({ action: "setup.organizationCreated", tenantId: result.tenantId, actorUserId: null }),
    ]);
    expect(await status(t.app)).toEqual({ required: false });
    const again = await setup(t.app, { ...SETUP, domain: "other.example", adminEmail: "x@other.example" });
    expect(again.statusCode).toBe(409);
    expect(problem(again).code).toBe("AlreadySetUp");
    expect(await t.db.tenant.count()).toBe(1);
  });

  it("the admin signs in with it and can do nothing but change it (PasswordChangeRequired)", async () => {
    const session = await login(t.app, admin.email, admin.oneTimePassword);
    expect(session.me.user.passwordChangeRequired).toBe(true);
    const api = as(t.app, session);
    for (const response of [
      await api.get(`/api/tenants/${admin.tenantId}/users`),
      await api.get(`/api/tenants/${admin.tenantId}/subscribedSkus`),
      await api.post(`/api/tenants/${admin.tenantId}/users`, {
        displayName: "Sneaky",
        email: "sneaky@woodgrove.example",
        usageLocation: "NL",
      }),
    ]) {
      expect(response.statusCode).toBe(403);
      expect(problem(response).code).toBe("PasswordChangeRequired");
    }
    expect((await api.get("/api/me")).json().user.passwordChangeRequired).toBe(true);
    expect((await api.patch("/api/me", { preferredLanguage: "nl" })).statusCode).toBe(200);

    const wrong = await api.post("/api/me/password", {
      currentPassword: "not-it",
      newPassword: "Brand-new-password-1",
    });
    expect(wrong.statusCode).toBe(400);
    expect(problem(wrong).errors?.[0]?.path).toBe("body.currentPassword");
    const same = await api.post("/api/me/password", {
      currentPassword: admin.oneTimePassword,
      newPassword: admin.oneTimePassword,
    });
    expect(problem(same).errors?.[0]?.path).toBe("body.newPassword");
    const short = await api.post("/api/me/password", { currentPassword: admin.oneTimePassword, newPassword: "short" });
    expect(short.statusCode).toBe(400);

    const changed = await api.post("/api/me/password", {
      currentPassword: admin.oneTimePassword,
      newPassword: "Brand-new-password-1",
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().user.passwordChangeRequired).toBe(false);
    expect(await auditOf(t.db, changed)).toEqual([expect.objectContaining({ action: "user.passwordChanged" })]);
    expect((await api.get(`/api/tenants/${admin.tenantId}/users`)).statusCode).toBe(200);
    expect(
      (
        await t.app.inject({
          method: "POST",
          url: "/api/auth/login",
          payload: { email: admin.email, password: admin.oneTimePassword },
        })
      ).statusCode,
    ).toBe(401);
    expect((await login(t.app, admin.email, "Brand-new-password-1")).me.user.passwordChangeRequired).toBe(false);
  });
});

describe("setup races and a portal that was set up", () => {
  it("five setups at once on an empty database: exactly one organization", async () => {
    const t = await createEmptyTestApp(TOKEN);
    try {
      const responses = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          setup(t.app, { ...SETUP, domain: `race${i}.example`, adminEmail: `admin@race${i}.example` }),
        ),
      );
      expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
      expect(await t.db.tenant.count()).toBe(1);
      expect(await t.db.user.count()).toBe(1);
    } finally {
      await t.close();
    }
  });

  it("a portal started with organizations has no setup: 409, even from 127.0.0.1", async () => {
    const t = await createTestApp();
    try {
      expect(await status(t.app)).toEqual({ required: false });
      const response = await setup(t.app, SETUP);
      expect(response.statusCode).toBe(409);
      expect(problem(response).code).toBe("AlreadySetUp");
    } finally {
      await t.close();
    }
  });
});

describe("an admin's reset can ask for a new password at the next sign-in", () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await login(t.app, "admin@contoso.test");
  });
  afterAll(() => t.close());

  const signIn = (email: string, password: string) =>
    t.app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password } });

  it("the user signs in with the temporary password, must change it, and its other sessions end", async () => {
    const user = await makeUser(t.db, t.tenants.contoso, { password: "Old-password-123" });
    const elsewhere = await login(t.app, user.email, "Old-password-123");
    const reset = await as(t.app, admin).post(`/api/tenants/${t.tenants.contoso}/users/${user.id}/resetPassword`, {
      forceChangePasswordNextSignIn: true,
    });
    expect(reset.statusCode, reset.body).toBe(200);
    const { temporaryPassword } = reset.json() as { temporaryPassword: string };
    expect((await as(t.app, elsewhere).get("/api/me")).statusCode).toBe(401);

    const first = await login(t.app, user.email, temporaryPassword);
    const second = await login(t.app, user.email, temporaryPassword);
    expect(first.me.user.passwordChangeRequired).toBe(true);
    const blocked = await as(t.app, first).get(`/api/tenants/${t.tenants.contoso}/me/licenses`);
    expect(problem(blocked).code).toBe("PasswordChangeRequired");
    const changed = await as(t.app, first).post("/api/me/password", {
      currentPassword: temporaryPassword,
      newPassword: "Chosen-password-456",
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await as(t.app, first).get(`/api/tenants/${t.tenants.contoso}/me/licenses`)).statusCode).toBe(200);
    // Whoever else knew the temporary password is signed out.
    expect((await as(t.app, second).get("/api/me")).statusCode).toBe(401);
    expect((await signIn(user.email, "Chosen-password-456")).statusCode).toBe(200);
  });

  it("without it (the default), a reset password works as it is", async () => {
    const user = await makeUser(t.db, t.tenants.contoso, { password: "Old-password-123" });
    const reset = await as(t.app, admin).post(`/api/tenants/${t.tenants.contoso}/users/${user.id}/resetPassword`);
    const session = await login(t.app, user.email, reset.json().temporaryPassword);
    expect(session.me.user.passwordChangeRequired).toBe(false);
  });

  it("anyone may change their own password; signing out works while a change is required", async () => {
    const maker = await login(t.app, "maker@contoso.test");
    const changed = await as(t.app, maker).post("/api/me/password", {
      currentPassword: DEMO_PASSWORD,
      newPassword: "Makers-own-password-1",
    });
    expect(changed.statusCode).toBe(200);
    const user = await makeUser(t.db, t.tenants.contoso, { password: "Old-password-123" });
    await t.db.user.update({ where: { id: user.id }, data: { passwordChangeRequired: true } });
    const restricted = await login(t.app, user.email, "Old-password-123");
    expect((await as(t.app, restricted).post("/api/auth/logout")).statusCode).toBe(204);
  });
});

describe("the published demo password", () => {
  it("is refused for any account in production: new user, reset, own change", async () => {
    const t = await createTestApp({ env: "production" });
    try {
      const admin = as(t.app, await login(t.app, "admin@contoso.test"));
      const base = `/api/tenants/${t.tenants.contoso}`;
      const user = await makeUser(t.db, t.tenants.contoso, { password: "Old-password-123" });
      const refusals: LightMyRequestResponse[] = [
        await admin.post(`${base}/users`, {
          displayName: "Demo pw",
          email: "demo-pw@contoso.test",
          usageLocation: "NL",
          password: DEMO_PASSWORD,
        }),
        await admin.post(`${base}/users/${user.id}/resetPassword`, { password: DEMO_PASSWORD }),
        await as(t.app, await login(t.app, user.email, "Old-password-123")).post("/api/me/password", {
          currentPassword: "Old-password-123",
          newPassword: DEMO_PASSWORD,
        }),
      ];
      for (const response of refusals) {
        expect(response.statusCode).toBe(400);
        expect(problem(response).errors?.[0]?.message).toBe("is the published demo password");
      }
      expect(await t.db.user.count({ where: { email: "demo-pw@contoso.test" } })).toBe(0);
    } finally {
      await t.close();
    }
  });

  it("the start-up check finds every demo account that still has it, and none once they are changed", async () => {
    const t = await createTestApp();
    try {
      expect(await accountsWithDemoPassword(t.db)).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
      // A renamed demo account is still found: the seed gave every demo account one shared hash.
      await t.db.user.update({ where: { email: "maker@fabrikam.test" }, data: { email: "renamed@fabrikam.test" } });
      expect(await accountsWithDemoPassword(t.db)).toContain("renamed@fabrikam.test");
      for (const email of [
        ...DEMO_ACCOUNTS.map((a) => a.email).filter((e) => e !== "maker@fabrikam.test"),
        "renamed@fabrikam.test",
      ]) {
        await t.db.user.update({ where: { email }, data: { passwordHash: `changed:${email}` } });
      }
      expect(await accountsWithDemoPassword(t.db)).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
