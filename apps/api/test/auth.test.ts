import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditOf, makeUser, signInFailures } from "./fixtures.js";
import { as, createTestApp, login, problem, type Session, type TestApp } from "./helpers.js";

const PASSWORD = "Correct-horse-battery-1";

function attempt(t: TestApp, email: string, password: string, remoteAddress?: string) {
  return t.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email, password },
    ...(remoteAddress ? { remoteAddress } : {}),
  });
}

function sessionToken(session: Session): string {
  return session.cookie.slice("allot_session=".length);
}

describe("sign-in and sessions", () => {
  let t: TestApp;
  beforeAll(async () => {
    // The login rate limit has its own app below; here it must not get in the way of the ~30 sign-ins.
    t = await createTestApp({ loginRateLimitPerMinute: 1000 });
  });
  afterAll(() => t.close());

  it("signs in, reads /api/me, signs out", async () => {
    const before = await t.db.user.findUniqueOrThrow({ where: { email: "admin@contoso.test" } });
    const session = await login(t.app, "admin@contoso.test");
    expect(session.me.user.email).toBe("admin@contoso.test");
    expect(session.me.user.id).toBe(before.id);
    expect(session.me.csrfToken.length).toBeGreaterThanOrEqual(32);
    expect(session.me.tenants).toEqual([
      expect.objectContaining({ id: t.tenants.contoso, name: "Contoso", access: "member", roles: ["globalAdmin"] }),
    ]);
    const after = await t.db.user.findUniqueOrThrow({ where: { email: "admin@contoso.test" } });
    expect(after.lastSignInAt?.getTime()).toBeGreaterThan(before.lastSignInAt?.getTime() ?? 0);
    const signedIn = await t.db.auditEvent.findMany({ where: { action: "auth.signedIn", targetId: before.id } });
    expect(signedIn).toHaveLength(1);

    const me = await as(t.app, session).get("/api/me");
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual(session.me);
    const out = await as(t.app, session).post("/api/auth/logout");
    expect(out.statusCode).toBe(204);
    expect(problem(await as(t.app, session).get("/api/me")).code).toBe("Unauthenticated");
  });

  it("matches the email case-insensitively and ignores surrounding spaces", async () => {
    const response = await attempt(t, "  Admin@CONTOSO.test ", "Allot-demo-1");
    expect(response.statusCode).toBe(200);
    expect(response.json().user.email).toBe("admin@contoso.test");
  });

  it("answers a wrong password and an unknown email identically: 401 InvalidCredentials, no cookie", async () => {
    const wrong = await attempt(t, "billing@contoso.test", "not-the-password");
    const unknown = await attempt(t, "nobody@contoso.test", "not-the-password");
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.cookies).toEqual([]);
    }
    const a = problem(wrong) as Record<string, unknown>;
    const b = problem(unknown) as Record<string, unknown>;
    expect(a.code).toBe("InvalidCredentials");
    // Nothing but the request id may differ, or the answer would tell which emails exist.
    expect({ ...a, requestId: undefined }).toEqual({ ...b, requestId: undefined });
    const billing = await t.db.user.findUniqueOrThrow({
      where: { email: "billing@contoso.test" },
      include: { sessions: true },
    });
    expect(billing.sessions).toEqual([]);
    expect(await signInFailures(t.db, "billing@contoso.test")).toMatchObject({ fromAddress: 1, everywhere: 1 });
    // The unknown email is counted alike: that is what makes its lockout answer like a real account's.
    expect(await signInFailures(t.db, "nobody@contoso.test")).toMatchObject({ fromAddress: 1, everywhere: 1 });
  });

  it("sets an HttpOnly, SameSite=Lax, Path=/ session cookie whose value is not stored in the database", async () => {
    const response = await attempt(t, "licenses@contoso.test", "Allot-demo-1");
    expect(response.statusCode).toBe(200);
    const raw = ([] as string[]).concat(response.headers["set-cookie"] ?? []);
    expect(raw).toHaveLength(1);
    const header = raw[0] as string;
    const attributes = header.split(";").map((part) => part.trim());
    const [nameValue, ...flags] = attributes;
    expect(nameValue).toMatch(/^allot_session=[A-Za-z0-9_-]{40,}$/);
    expect(flags).toContain("HttpOnly");
    expect(flags).toContain("SameSite=Lax");
    expect(flags).toContain("Path=/");
    expect(flags).toContain(`Max-Age=${12 * 3600}`);
    expect(flags.some((f) => f.toLowerCase().startsWith("domain="))).toBe(false);

    const token = (nameValue as string).slice("allot_session=".length);
    const user = await t.db.user.findUniqueOrThrow({
      where: { email: "licenses@contoso.test" },
      include: { sessions: true },
    });
    expect(user.sessions).toHaveLength(1);
    expect(user.sessions[0]?.id).toBe(createHash("sha256").update(token).digest("hex"));
    expect(user.sessions[0]?.id).not.toBe(token);
    expect(user.sessions[0]?.csrfToken).toBe(response.json().csrfToken);
  });

  it("logout ends only that session, clears the cookie, and the old cookie stops working", async () => {
    const first = await login(t.app, "service@contoso.test");
    const second = await login(t.app, "service@contoso.test");
    const out = await as(t.app, first).post("/api/auth/logout");
    expect(out.statusCode).toBe(204);
    const cleared = out.cookies.find((c) => c.name === "allot_session");
    expect(cleared?.value).toBe("");
    expect(cleared?.expires?.getTime()).toBeLessThanOrEqual(Date.now());
    expect(
      await t.db.session.count({ where: { id: createHash("sha256").update(sessionToken(first)).digest("hex") } }),
    ).toBe(0);
    expect(await auditOf(t.db, out)).toEqual([
      expect.objectContaining({ action: "auth.signedOut", actorUserId: first.me.user.id, targetId: first.me.user.id }),
    ]);

    expect(problem(await as(t.app, first).get("/api/me")).code).toBe("Unauthenticated");
    expect(problem(await as(t.app, first).post("/api/auth/logout")).code).toBe("Unauthenticated");
    expect((await as(t.app, second).get("/api/me")).statusCode).toBe(200);
  });

  it("refuses a missing, forged or expired session with 401 Unauthenticated", async () => {
    const noCookie = await t.app.inject({ method: "GET", url: "/api/me" });
    expect(noCookie.statusCode).toBe(401);
    expect(problem(noCookie).code).toBe("Unauthenticated");
    const forged = await t.app.inject({
      method: "GET",
      url: "/api/me",
      headers: { cookie: "allot_session=forged-token-value" },
    });
    expect(problem(forged).code).toBe("Unauthenticated");

    const session = await login(t.app, "helpdesk@contoso.test");
    expect((await as(t.app, session).get("/api/me")).statusCode).toBe(200);
    await t.db.session.update({
      where: { id: createHash("sha256").update(sessionToken(session)).digest("hex") },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const expired = await as(t.app, session).get("/api/me");
    expect(expired.statusCode).toBe(401);
    expect(problem(expired).code).toBe("Unauthenticated");
  });

  describe("CSRF", () => {
    let admin: Session;
    let target: { id: string; displayName: string };
    beforeAll(async () => {
      admin = await login(t.app, "admin@contoso.test");
      target = await makeUser(t.db, t.tenants.contoso);
    });

    const variants: Array<[string, (s: Session) => Record<string, string>]> = [
      ["missing", () => ({})],
      ["wrong", () => ({ "x-csrf-token": "x".repeat(43) })],
      ["empty", () => ({ "x-csrf-token": "" })],
    ];

    it.each(variants)(
      "refuses a mutation with a %s X-CSRF-Token: 403 CsrfTokenInvalid, nothing changed",
      async (_, header) => {
        const auditBefore = await t.db.auditEvent.count();
        const patch = await t.app.inject({
          method: "PATCH",
          url: `/api/tenants/${t.tenants.contoso}/users/${target.id}`,
          headers: { cookie: admin.cookie, ...header(admin) },
          payload: { displayName: "Changed by CSRF" },
        });
        expect(patch.statusCode).toBe(403);
        expect(problem(patch).code).toBe("CsrfTokenInvalid");
        const create = await t.app.inject({
          method: "POST",
          url: `/api/tenants/${t.tenants.contoso}/users`,
          headers: { cookie: admin.cookie, ...header(admin) },
          payload: { displayName: "CSRF user", email: "csrf-victim@contoso.test", usageLocation: "NL" },
        });
        expect(problem(create).code).toBe("CsrfTokenInvalid");
        const remove = await t.app.inject({
          method: "DELETE",
          url: `/api/tenants/${t.tenants.contoso}/users/${target.id}`,
          headers: { cookie: admin.cookie, ...header(admin) },
        });
        expect(problem(remove).code).toBe("CsrfTokenInvalid");
        const logout = await t.app.inject({
          method: "POST",
          url: "/api/auth/logout",
          headers: { cookie: admin.cookie, ...header(admin) },
        });
        expect(problem(logout).code).toBe("CsrfTokenInvalid");

        const row = await t.db.user.findUniqueOrThrow({ where: { id: target.id } });
        expect(row.displayName).toBe(target.displayName);
        expect(row.deletedAt).toBeNull();
        expect(await t.db.user.count({ where: { email: "csrf-victim@contoso.test" } })).toBe(0);
        expect(await t.db.auditEvent.count()).toBe(auditBefore);
        // The refused logout did not end the session.
        expect((await as(t.app, admin).get("/api/me")).statusCode).toBe(200);
      },
    );

    it("refuses another session's CSRF token, accepts the session's own, and needs none for reads", async () => {
      const other = await login(t.app, "admin@contoso.test");
      expect(other.csrfToken).not.toBe(admin.csrfToken);
      const crossed = await t.app.inject({
        method: "PATCH",
        url: `/api/tenants/${t.tenants.contoso}/users/${target.id}`,
        headers: { cookie: admin.cookie, "x-csrf-token": other.csrfToken },
        payload: { displayName: "Crossed token" },
      });
      expect(problem(crossed).code).toBe("CsrfTokenInvalid");
      const read = await t.app.inject({
        method: "GET",
        url: `/api/tenants/${t.tenants.contoso}/users/${target.id}`,
        headers: { cookie: admin.cookie },
      });
      expect(read.statusCode).toBe(200);
      expect(read.json().displayName).toBe(target.displayName);
      const ok = await as(t.app, admin).patch(`/api/tenants/${t.tenants.contoso}/users/${target.id}`, {
        displayName: "Changed with token",
      });
      expect(ok.statusCode).toBe(200);
      expect((await t.db.user.findUniqueOrThrow({ where: { id: target.id } })).displayName).toBe("Changed with token");
    });
  });

  describe("lockout", () => {
    let admin: Session;
    beforeAll(async () => {
      admin = await login(t.app, "admin@contoso.test");
    });

    it("a successful sign-in resets this address's failure count, so failures below the threshold never lock", async () => {
      const user = await makeUser(t.db, t.tenants.contoso, { password: PASSWORD });
      for (let round = 0; round < 2; round++) {
        for (let i = 0; i < 4; i++)
          expect(problem(await attempt(t, user.email, "wrong-password")).code).toBe("InvalidCredentials");
        expect((await attempt(t, user.email, PASSWORD)).statusCode).toBe(200);
      }
      // The count from everywhere stays until it is forgotten: only time ends an attack spread over many places.
      expect(await signInFailures(t.db, user.email)).toMatchObject({ fromAddress: 0, everywhere: 8, lockedHere: null });
    });

    it("locks at the 5th failure (423 AccountLocked, then even with the right password); a helpdesk reset lifts it", async () => {
      const user = await makeUser(t.db, t.tenants.contoso, { password: PASSWORD });
      for (let i = 0; i < 4; i++) {
        const response = await attempt(t, user.email, `wrong-${i}`);
        expect(response.statusCode).toBe(401);
        expect(problem(response).code).toBe("InvalidCredentials");
      }
      const fifth = await attempt(t, user.email, "wrong-4");
      expect(fifth.statusCode).toBe(423);
      const locked = await attempt(t, user.email, PASSWORD);
      expect(locked.statusCode).toBe(423);
      const lockedProblem = problem(locked) as { code: string; retryAfterSeconds?: number };
      expect(lockedProblem.code).toBe("AccountLocked");
      // The lock says when it ends (15 minutes by default), in the body and in Retry-After.
      expect(lockedProblem.retryAfterSeconds).toBeGreaterThan(14 * 60);
      expect(lockedProblem.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
      expect(locked.headers["retry-after"]).toBe(String(lockedProblem.retryAfterSeconds));
      expect(locked.cookies).toEqual([]);
      expect(await t.db.auditEvent.count({ where: { action: "auth.accountLocked", targetId: user.id } })).toBe(1);
      expect((await signInFailures(t.db, user.email)).lockedHere?.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);

      const helpdesk = await login(t.app, "helpdesk@contoso.test");
      const reset = await as(t.app, helpdesk).post(`/api/tenants/${t.tenants.contoso}/users/${user.id}/resetPassword`, {
        password: "A-new-password-2",
      });
      expect(reset.statusCode).toBe(200);
      expect(reset.json()).toEqual({ temporaryPassword: null });
      expect(await auditOf(t.db, reset)).toEqual([
        expect.objectContaining({ action: "user.passwordReset", targetId: user.id }),
      ]);
      expect(problem(await attempt(t, user.email, PASSWORD)).code).toBe("InvalidCredentials");
      expect((await attempt(t, user.email, "A-new-password-2")).statusCode).toBe(200);
    });

    it("a generated temporary password from a global admin also unlocks and works", async () => {
      const user = await makeUser(t.db, t.tenants.contoso, { password: PASSWORD });
      for (let i = 0; i < 5; i++) await attempt(t, user.email, "wrong");
      expect(problem(await attempt(t, user.email, PASSWORD)).code).toBe("AccountLocked");
      const reset = await as(t.app, admin).post(`/api/tenants/${t.tenants.contoso}/users/${user.id}/resetPassword`);
      expect(reset.statusCode).toBe(200);
      const { temporaryPassword } = reset.json() as { temporaryPassword: string };
      expect(temporaryPassword).toMatch(/^[A-Za-z2-9]{16}$/);
      expect((await attempt(t, user.email, temporaryPassword)).statusCode).toBe(200);
    });

    it("a password reset ends the user's existing sessions", async () => {
      const user = await makeUser(t.db, t.tenants.contoso, { password: PASSWORD });
      const session = await login(t.app, user.email, PASSWORD);
      expect((await as(t.app, session).get("/api/me")).statusCode).toBe(200);
      const reset = await as(t.app, admin).post(`/api/tenants/${t.tenants.contoso}/users/${user.id}/resetPassword`, {});
      expect(reset.statusCode).toBe(200);
      expect(problem(await as(t.app, session).get("/api/me")).code).toBe("Unauthenticated");
    });
  });

  describe("disabled and deleted accounts", () => {
    let admin: Session;
    beforeAll(async () => {
      admin = await login(t.app, "admin@contoso.test");
    });

    it("blocking sign-in ends the existing session and refuses the right password; unblocking allows it again", async () => {
      const user = await makeUser(t.db, t.tenants.contoso, { password: PASSWORD });
      const session = await login(t.app, user.email, PASSWORD);
      const block = await as(t.app, admin).patch(`/api/tenants/${t.tenants.contoso}/users/${user.id}`, {
        accountEnabled: false,
      });
      expect(block.statusCode).toBe(200);
      expect(block.json().accountEnabled).toBe(false);
      expect(problem(await as(t.app, session).get("/api/me")).code).toBe("Unauthenticated");
      const refused = await attempt(t, user.email, PASSWORD);
      expect(refused.statusCode).toBe(401);
      expect(problem(refused).code).toBe("InvalidCredentials");
      // A refused right password is not a guessing failure.
      expect((await signInFailures(t.db, user.email)).everywhere).toBe(0);

      const unblock = await as(t.app, admin).patch(`/api/tenants/${t.tenants.contoso}/users/${user.id}`, {
        accountEnabled: true,
      });
      expect(unblock.statusCode).toBe(200);
      expect((await attempt(t, user.email, PASSWORD)).statusCode).toBe(200);
    });

    it("a session stops working as soon as the account is disabled, even when disabled outside the API", async () => {
      const user = await makeUser(t.db, t.tenants.contoso, { password: PASSWORD });
      const session = await login(t.app, user.email, PASSWORD);
      await t.db.user.update({ where: { id: user.id }, data: { accountEnabled: false } });
      expect(problem(await as(t.app, session).get("/api/me")).code).toBe("Unauthenticated");
    });

    it("a deleted user's session ends and it cannot sign in", async () => {
      const user = await makeUser(t.db, t.tenants.contoso, { password: PASSWORD });
      const session = await login(t.app, user.email, PASSWORD);
      expect((await as(t.app, admin).delete(`/api/tenants/${t.tenants.contoso}/users/${user.id}`)).statusCode).toBe(
        204,
      );
      expect(problem(await as(t.app, session).get("/api/me")).code).toBe("Unauthenticated");
      expect(problem(await attempt(t, user.email, PASSWORD)).code).toBe("InvalidCredentials");
    });
  });

  describe("/api/me", () => {
    it("lists a partner admin agent's own tenant and the customers it is delegated to, by name", async () => {
      const session = await login(t.app, "agent@partner.test");
      expect(session.me.tenants).toEqual([
        {
          id: t.tenants.partner,
          name: "Northwind Partners",
          domain: "partner.test",
          kind: "partner",
          access: "member",
          roles: ["member"],
        },
        {
          id: t.tenants.contoso,
          name: "Contoso",
          domain: "contoso.test",
          kind: "customer",
          access: "delegated",
          roles: ["adminAgent"],
        },
        {
          id: t.tenants.tailspin,
          name: "Tailspin Toys",
          domain: "tailspin.test",
          kind: "customer",
          access: "delegated",
          roles: ["adminAgent"],
        },
      ]);
    });

    it("lists the three customers of the partner helpdesk agent, by name", async () => {
      const session = await login(t.app, "helpdesk@partner.test");
      expect(session.me.tenants).toEqual([
        expect.objectContaining({ id: t.tenants.partner, access: "member", roles: ["member"] }),
        expect.objectContaining({
          id: t.tenants.contoso,
          name: "Contoso",
          access: "delegated",
          roles: ["helpdeskAgent"],
        }),
        expect.objectContaining({
          id: t.tenants.fabrikam,
          name: "Fabrikam",
          access: "delegated",
          roles: ["helpdeskAgent"],
        }),
        expect.objectContaining({
          id: t.tenants.tailspin,
          name: "Tailspin Toys",
          access: "delegated",
          roles: ["helpdeskAgent"],
        }),
      ]);
    });

    it("shows a member (maker) only its own tenant with the member role", async () => {
      const session = await login(t.app, "maker@fabrikam.test");
      expect(session.me.tenants).toEqual([
        expect.objectContaining({ id: t.tenants.fabrikam, name: "Fabrikam", access: "member", roles: ["member"] }),
      ]);
    });

    it("stops showing a customer once the partner relationship is no longer active", async () => {
      const agent = await login(t.app, "agent@partner.test");
      const relationship = await t.db.partnerRelationship.findFirstOrThrow({
        where: { partnerTenantId: t.tenants.partner, customerTenantId: t.tenants.contoso },
      });
      await t.db.partnerRelationship.update({ where: { id: relationship.id }, data: { status: "terminated" } });
      try {
        const me = await as(t.app, agent).get("/api/me");
        expect(me.json().tenants.map((x: { id: string }) => x.id)).toEqual([t.tenants.partner, t.tenants.tailspin]);
        const users = await as(t.app, agent).get(`/api/tenants/${t.tenants.contoso}/users`);
        expect(users.statusCode).toBe(404);
        expect(problem(users).code).toBe("NotFound");
      } finally {
        await t.db.partnerRelationship.update({ where: { id: relationship.id }, data: { status: "active" } });
      }
    });
  });
});

describe("login rate limit", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ loginRateLimitPerMinute: 3 });
  });
  afterAll(() => t.close());

  it("answers 429 RateLimited after the per-minute limit, even with the right password, per client IP", async () => {
    const ip = "203.0.113.7";
    expect((await attempt(t, "maker@contoso.test", "wrong-password", ip)).statusCode).toBe(401);
    expect((await attempt(t, "maker@contoso.test", "wrong-password", ip)).statusCode).toBe(401);
    expect((await attempt(t, "maker@contoso.test", "Allot-demo-1", ip)).statusCode).toBe(200);
    const failuresBefore = (await signInFailures(t.db, "maker@contoso.test", ip)).everywhere;

    for (const password of ["Allot-demo-1", "wrong-password"]) {
      const limited = await attempt(t, "maker@contoso.test", password, ip);
      expect(limited.statusCode).toBe(429);
      const body = problem(limited) as { code: string; retryAfterSeconds?: number };
      expect(body.code).toBe("RateLimited");
      expect(body.retryAfterSeconds).toBeGreaterThan(0);
      expect(body.retryAfterSeconds).toBeLessThanOrEqual(60);
      expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
      expect(limited.cookies).toEqual([]);
    }
    // Refused before the password was checked: the attempt does not count towards a lockout.
    expect((await signInFailures(t.db, "maker@contoso.test", ip)).everywhere).toBe(failuresBefore);

    // Another client is not affected, and neither are other routes of the limited one.
    const other = await attempt(t, "maker@contoso.test", "Allot-demo-1", "198.51.100.9");
    expect(other.statusCode).toBe(200);
    const cookie = other.cookies.find((c) => c.name === "allot_session");
    const me = await t.app.inject({
      method: "GET",
      url: "/api/me",
      remoteAddress: ip,
      headers: { cookie: `allot_session=${cookie?.value}` },
    });
    expect(me.statusCode).toBe(200);
  });
});
