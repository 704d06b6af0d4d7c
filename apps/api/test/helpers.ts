import type { Me } from "@allot/contracts";
import { createDb, type Db, DEMO_PASSWORD } from "@allot/db";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse, RouteOptions } from "fastify";
import { expect } from "vitest";
import { buildApp } from "../src/app.js";
import { type Config, loadConfig } from "../src/config.js";
import { MovableClock } from "../src/lib/clock.js";
import { createTestDatabase } from "./database.js";

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  /** The connection string of this app's own database (a fresh copy of the seeded template). */
  databaseUrl: string;
  /** Tenant ids of the demo tenants by domain. */
  tenants: { contoso: string; fabrikam: string; tailspin: string; partner: string };
  /** The clock the app's rules read: move it to walk subscriptions through their lifecycle, or past a deadline. */
  clock: MovableClock;
  /** Every route the app registered (method, url, schemas, config), in registration order. */
  routes: RouteOptions[];
  close(): Promise<void>;
}

/**
 * The real app on a fresh copy of the seeded database. `onRoute` sees every route as it registers (and may add
 * route hooks, as the fuzz does to count what each request reached).
 */
export async function createTestApp(
  overrides: Partial<Config> = {},
  options: { onRoute?: (route: RouteOptions) => void } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const db = createDb({ connectionString: database.url, maxConnections: 5 });
  const config: Config = { ...loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent" }), ...overrides };
  const clock = new MovableClock();
  const routes: RouteOptions[] = [];
  const onRoute = (route: RouteOptions) => {
    routes.push(route);
    options.onRoute?.(route);
  };
  const app = await buildApp({ config, db, logger: false, clock, onRoute });
  await app.ready();
  const byDomain = async (domain: string) => (await db.tenant.findUniqueOrThrow({ where: { domain } })).id;
  return {
    app,
    db,
    databaseUrl: database.url,
    clock,
    routes,
    tenants: {
      contoso: await byDomain("contoso.test"),
      fabrikam: await byDomain("fabrikam.test"),
      tailspin: await byDomain("tailspin.test"),
      partner: await byDomain("partner.test"),
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

/**
 * The real app on a database as a production start finds it before its first-run setup: migrated, the product
 * catalog in place, no organization (the seeded copy with every tenant deleted, which cascades to all tenant data).
 */
export async function createEmptyTestApp(
  setupToken: string | undefined,
  overrides: Partial<Config> = {},
): Promise<Omit<TestApp, "tenants">> {
  const database = await createTestDatabase();
  const db = createDb({ connectionString: database.url, maxConnections: 5 });
  await db.$executeRaw`DELETE FROM "Tenant"`;
  const config: Config = { ...loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent" }), ...overrides };
  const clock = new MovableClock();
  const routes: RouteOptions[] = [];
  const app = await buildApp({
    config,
    db,
    logger: false,
    clock,
    onRoute: (route) => routes.push(route),
    ...(setupToken ? { setupToken } : {}),
  });
  await app.ready();
  return {
    app,
    db,
    databaseUrl: database.url,
    clock,
    routes,
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

/** Extra request headers, e.g. `{ "idempotency-key": "…" }` (see `withKey`). */
export type Headers = Record<string, string>;

/** Sends a request as a signed-in user, with the CSRF header on mutations (and any extra `headers`). */
export function as(app: FastifyInstance, session: Session) {
  const send = (
    method: InjectOptions["method"],
    url: string,
    payload?: unknown,
    headers: Headers = {},
  ): Promise<LightMyRequestResponse> =>
    app.inject({
      method,
      url,
      headers: {
        cookie: session.cookie,
        ...(method === "GET" ? {} : { "x-csrf-token": session.csrfToken }),
        ...headers,
      },
      ...(payload === undefined ? {} : { payload: payload as InjectOptions["payload"] }),
    });
  return {
    get: (url: string, headers?: Headers) => send("GET", url, undefined, headers),
    post: (url: string, payload?: unknown, headers?: Headers) => send("POST", url, payload, headers),
    patch: (url: string, payload?: unknown, headers?: Headers) => send("PATCH", url, payload, headers),
    put: (url: string, payload?: unknown, headers?: Headers) => send("PUT", url, payload, headers),
    delete: (url: string, headers?: Headers) => send("DELETE", url, undefined, headers),
  };
}

/** The Idempotency-Key header billing mutations accept. */
export function withKey(key: string): Headers {
  return { "idempotency-key": key };
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

/** The seeded catalog by skuPartNumber: Microsoft's skuId, our product id and the list price. */
export interface CatalogRow {
  skuId: string;
  productId: string;
  pricePerSeatMonthCents: number;
  displayName: string;
}
export async function catalogBySku(db: Db): Promise<Record<string, CatalogRow>> {
  const products = await db.product.findMany({
    select: { id: true, skuId: true, skuPartNumber: true, pricePerSeatMonthCents: true, displayName: true },
  });
  return Object.fromEntries(
    products.map((p) => [
      p.skuPartNumber,
      { skuId: p.skuId, productId: p.id, pricePerSeatMonthCents: p.pricePerSeatMonthCents, displayName: p.displayName },
    ]),
  );
}

/**
 * Takes a product away from a tenant entirely (its subscriptions, orders, assignments, group licenses; seat counter
 * 0), so a billing test starts that product from nothing and the only seats are the ones it buys.
 */
export async function clearProduct(db: Db, tenantId: string, productId: string): Promise<void> {
  await db.$transaction([
    db.licenseAssignment.deleteMany({ where: { tenantId, productId } }),
    db.groupLicense.deleteMany({ where: { productId, group: { tenantId } } }),
    db.order.deleteMany({ where: { tenantId, productId } }),
    db.subscription.deleteMany({ where: { tenantId, productId } }),
    db.tenantProduct.updateMany({
      where: { tenantId, productId },
      data: { consumedUnits: 0, conflictResolveBy: null, selfServicePurchaseEnabled: true },
    }),
  ]);
}

/** The test card provider's cards (no network): the first is accepted, the second always declined. */
export const TEST_CARD = {
  number: "4242 4242 4242 4242",
  expMonth: 12,
  expYear: 2099,
  cvc: "123",
  holderName: "Isaiah Langer",
};
export const DECLINED_CARD = { ...TEST_CARD, number: "4000 0000 0000 0002" };
