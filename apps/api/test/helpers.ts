import type { Me } from "@allot/contracts";
import { createDb, type Db, DEMO_PASSWORD } from "@allot/db";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import { buildApp } from "../src/app.js";
import { type Config, loadConfig } from "../src/config.js";
import { createTestDatabase } from "./database.js";

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  /** Tenant ids of the demo tenants by domain. */
  tenants: { contoso: string; fabrikam: string; partner: string };
  close(): Promise<void>;
}

/** The real app on a fresh copy of the seeded database. */
export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const db = createDb({ connectionString: database.url, maxConnections: 5 });
  const config: Config = { ...loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent" }), ...overrides };
  const app = await buildApp({ config, db, logger: false });
  await app.ready();
  const byDomain = async (domain: string) => (await db.tenant.findUniqueOrThrow({ where: { domain } })).id;
  return {
    app,
    db,
    tenants: {
      contoso: await byDomain("contoso.test"),
      fabrikam: await byDomain("fabrikam.test"),
      partner: await byDomain("partner.test"),
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

export interface Session {
  cookie: string;
  csrfToken: string;
  me: Me;
}

export async function login(app: FastifyInstance, email: string, password = DEMO_PASSWORD): Promise<Session> {
  const response = await app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`login ${email} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === "allot_session");
  if (!cookie) throw new Error("no session cookie");
  const me = response.json() as Me;
  return { cookie: `allot_session=${cookie.value}`, csrfToken: me.csrfToken, me };
}

/** Sends a request as a signed-in user, with the CSRF header on mutations. */
export function as(app: FastifyInstance, session: Session) {
  const send = (method: InjectOptions["method"], url: string, payload?: unknown): Promise<LightMyRequestResponse> =>
    app.inject({
      method,
      url,
      headers: {
        cookie: session.cookie,
        ...(method === "GET" ? {} : { "x-csrf-token": session.csrfToken }),
      },
      ...(payload === undefined ? {} : { payload: payload as InjectOptions["payload"] }),
    });
  return {
    get: (url: string) => send("GET", url),
    post: (url: string, payload?: unknown) => send("POST", url, payload),
    patch: (url: string, payload?: unknown) => send("PATCH", url, payload),
    delete: (url: string) => send("DELETE", url),
  };
}

/** Asserts an RFC 9457 problem answer and returns it. */
export function problem(response: LightMyRequestResponse): {
  status: number;
  code: string;
  errors?: Array<{ path: string; message: string; code?: string; userId?: string; skuId?: string | null }>;
} {
  if (!response.headers["content-type"]?.toString().startsWith("application/problem+json")) {
    throw new Error(
      `expected problem+json, got ${response.statusCode} ${response.headers["content-type"]}: ${response.body}`,
    );
  }
  return response.json();
}

/**
 * Follows a keyset-paged list's nextCursor to the end with the same query, checking every page on the way: full
 * pages until the last. `list` fetches one page for a query string.
 */
export async function walkPages<T>(
  list: (query: string) => Promise<{ items: T[]; nextCursor: string | null }>,
  query: string,
  limit: number,
  maxPages: number,
): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < maxPages; pages++) {
    const page: { items: T[]; nextCursor: string | null } = await list(
      `${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    all.push(...page.items);
    if (page.nextCursor === null) {
      expect(page.items.length).toBeLessThanOrEqual(limit);
      return all;
    }
    expect(page.items).toHaveLength(limit);
    cursor = page.nextCursor;
  }
  throw new Error("paging never ended");
}
