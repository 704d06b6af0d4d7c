import { DEMO_PASSWORD } from "@allot/db";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Config, loadConfig } from "../src/config.js";
import { auditOf } from "./fixtures.js";
import { createTestApp, type TestApp } from "./helpers.js";

/**
 * Proxy trust as an outside probe attacked it: TRUST_PROXY=true believed any client's X-Forwarded-For (a spoofed
 * address dodged the sign-in rate limit and landed in the audit log), and without it a TLS proxy in front got a
 * session cookie without Secure and every user in the proxy's one rate-limit bucket. Now TRUST_PROXY takes a hop
 * count or the proxies' addresses, and the cookie is Secure whenever the request came over https (directly or
 * through a trusted proxy), and always with COOKIE_SECURE=true.
 */

const env = (extra: Record<string, string>) => loadConfig({ NODE_ENV: "test", ...extra });

describe("TRUST_PROXY forms", () => {
  it("refuses true, with what to write instead", () => {
    expect(() => env({ TRUST_PROXY: "true" })).toThrow(/number of proxies.*or their addresses/);
  });
  it("takes false, a hop count, or addresses, CIDR networks and proxy-addr's names", () => {
    expect(env({}).trustProxy).toBe(false);
    expect(env({ TRUST_PROXY: "false" }).trustProxy).toBe(false);
    expect(env({ TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(env({ TRUST_PROXY: "10.0.0.0/8, 192.168.1.7,fd00::/8, loopback" }).trustProxy).toEqual([
      "10.0.0.0/8",
      "192.168.1.7",
      "fd00::/8",
      "loopback",
    ]);
  });
  it.each(["yes", "10.0.0.0/33", "10.0.0/8", "::1/129", "1.2.3.4/8/9", "11"])("refuses %s", (value) => {
    expect(() => env({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
  });
  it("COOKIE_SECURE is off unless set", () => {
    expect(env({}).cookieSecure).toBe(false);
    expect(env({ COOKIE_SECURE: "true" }).cookieSecure).toBe(true);
  });
});

function signIn(
  t: TestApp,
  { from = "127.0.0.1", headers = {} }: { from?: string; headers?: Record<string, string> } = {},
  password = DEMO_PASSWORD,
) {
  return t.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email: "service@fabrikam.test", password },
    remoteAddress: from,
    headers,
  });
}

const secureCookie = (response: LightMyRequestResponse) => {
  const cookie = response.cookies.find((c) => c.name === "allot_session");
  if (!cookie) throw new Error(`no session cookie: ${response.statusCode} ${response.body}`);
  return cookie.secure === true;
};

async function signedInFrom(t: TestApp, response: LightMyRequestResponse): Promise<unknown> {
  expect(response.statusCode, response.body).toBe(200);
  const [event] = await auditOf(t.db, response, "auth.signedIn");
  return (event?.after as { ip?: string } | null)?.ip;
}

function appWith(overrides: Partial<Config>) {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ loginRateLimitPerMinute: 3, ...overrides });
  });
  afterAll(() => t.close());
  return () => t;
}

describe("no proxy trusted (the default)", () => {
  const t = appWith({});

  it("ignores X-Forwarded-For: the audit log and the rate limit see the connection's address", async () => {
    const response = await signIn(t(), { from: "198.51.100.1", headers: { "x-forwarded-for": "203.0.113.99" } });
    expect(await signedInFrom(t(), response)).toBe("198.51.100.1");
    // Changing the claimed address does not open a new rate-limit bucket.
    for (const spoofed of ["203.0.113.1", "203.0.113.2"]) {
      await signIn(t(), { from: "198.51.100.1", headers: { "x-forwarded-for": spoofed } });
    }
    expect(
      (await signIn(t(), { from: "198.51.100.1", headers: { "x-forwarded-for": "203.0.113.3" } })).statusCode,
    ).toBe(429);
  });

  it("ignores X-Forwarded-Proto from a client: no Secure cookie over plain http", async () => {
    expect(secureCookie(await signIn(t(), { from: "198.51.100.2", headers: { "x-forwarded-proto": "https" } }))).toBe(
      false,
    );
  });
});

describe("TRUST_PROXY=1 (one proxy in front)", () => {
  const t = appWith({ trustProxy: 1 });

  it("takes the client from the entry the proxy added, not from what the client claimed before it", async () => {
    const response = await signIn(t(), { headers: { "x-forwarded-for": "6.6.6.6, 203.0.113.5" } });
    expect(await signedInFrom(t(), response)).toBe("203.0.113.5");
  });

  it("gives each client its own rate-limit bucket, and a spoofed first entry opens none", async () => {
    const behind = (client: string, claimed = "6.6.6.6") => ({
      headers: { "x-forwarded-for": `${claimed}, ${client}` },
    });
    for (let i = 0; i < 3; i++) await signIn(t(), behind("203.0.113.10", `6.6.6.${i}`));
    expect((await signIn(t(), behind("203.0.113.10", "6.6.6.9"))).statusCode).toBe(429);
    expect((await signIn(t(), behind("203.0.113.11"))).statusCode).toBe(200);
  });

  it("marks the cookie Secure when the proxy says the request came over https", async () => {
    const https = { "x-forwarded-for": "203.0.113.20", "x-forwarded-proto": "https" };
    expect(secureCookie(await signIn(t(), { headers: https }))).toBe(true);
    expect(secureCookie(await signIn(t(), { headers: { "x-forwarded-for": "203.0.113.21" } }))).toBe(false);
  });
});

describe("TRUST_PROXY as addresses", () => {
  const t = appWith({ trustProxy: ["127.0.0.1/32", "10.0.0.0/8"] });

  it("believes a listed proxy and nobody else", async () => {
    const viaProxy = await signIn(t(), { from: "10.1.2.3", headers: { "x-forwarded-for": "203.0.113.30" } });
    expect(await signedInFrom(t(), viaProxy)).toBe("203.0.113.30");
    const direct = await signIn(t(), { from: "198.51.100.30", headers: { "x-forwarded-for": "203.0.113.31" } });
    expect(await signedInFrom(t(), direct)).toBe("198.51.100.30");
  });

  it("only a listed proxy's X-Forwarded-Proto makes the cookie Secure", async () => {
    const https = { "x-forwarded-proto": "https", "x-forwarded-for": "203.0.113.32" };
    expect(secureCookie(await signIn(t(), { from: "10.1.2.3", headers: https }))).toBe(true);
    expect(secureCookie(await signIn(t(), { from: "198.51.100.31", headers: https }))).toBe(false);
  });
});

describe("COOKIE_SECURE=true", () => {
  const t = appWith({ cookieSecure: true });

  it("marks the session cookie Secure on every sign-in, and clears it with the same attributes", async () => {
    const response = await signIn(t());
    expect(secureCookie(response)).toBe(true);
    const csrf = (response.json() as { csrfToken: string }).csrfToken;
    const cookie = response.cookies.find((c) => c.name === "allot_session");
    const out = await t().app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { cookie: `allot_session=${cookie?.value}`, "x-csrf-token": csrf },
    });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === "allot_session")?.secure).toBe(true);
  });
});
