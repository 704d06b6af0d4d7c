import { randomUUID } from "node:crypto";
import type { User, UserIds } from "@allot/contracts";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, expect } from "vitest";
import { DAY_MS } from "./fixtures.js";
import { as, createTestApp, login, problem, type Session, type TestApp, walkPages } from "./helpers.js";

/**
 * What the license-views-*.test.ts files share: one app on a fresh database per file with a free product added, the
 * global admin's session, the product catalog, and short ways to assign licenses and read the users list.
 * The bindings below are set by `setUpViewsApp`'s beforeAll; files read them in their tests and hooks.
 */

export let t: TestApp;
export let admin: Session;
export let sku: Record<string, string>;
export let productIdOf: Record<string, string>;
export let planIds: Record<string, string[]>;
/** A user product that costs nothing (like a free trial SKU), made for the Reclaim tests. */
export const FREE = { skuId: randomUUID(), skuPartNumber: `FREE_TEST_${randomUUID().slice(0, 8).toUpperCase()}` };

/** The Contoso tenant's API path. */
export const base = () => `/api/tenants/${t.tenants.contoso}`;

/** Awaits a response, expects `status` (200 unless told) and answers the parsed body. */
export async function ok<T>(
  response: Promise<LightMyRequestResponse> | LightMyRequestResponse,
  status = 200,
): Promise<T> {
  const answer = await response;
  expect(answer.statusCode, answer.body).toBe(status);
  return answer.json() as T;
}

/** Expects a problem+json answer with this status and code; answers the problem. */
export function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(problem(response).code, response.body).toBe(code);
  return problem(response);
}

/** Gives a user these products directly (as the global admin unless told), expecting success. */
export async function assign(userId: string, skus: string[], session = admin) {
  await ok(
    as(t.app, session).post(`${base()}/users/${userId}/assignLicense`, {
      addLicenses: skus.map((skuId) => ({ skuId })),
      removeLicenses: [],
    }),
  );
}

/** Gives a group these products, as the global admin, expecting success. */
export async function assignGroup(groupId: string, skus: string[]) {
  await ok(
    as(t.app, admin).post(`${base()}/groups/${groupId}/assignLicense`, {
      addLicenses: skus.map((skuId) => ({ skuId })),
      removeLicenses: [],
    }),
  );
}

/** A label made unique, for names one test searches for. */
export const prefixed = (label: string) => `${label} ${randomUUID().slice(0, 8)}`;

/** One page of the users list, all pages of it, and users/ids, for a query string, as the global admin. */
export const listUsers = (query: string) =>
  ok<{ items: User[]; nextCursor: string | null }>(as(t.app, admin).get(`${base()}/users?${query}`));
export const walkUsers = (query: string, limit = 200) => walkPages(listUsers, query, limit, 200);
export const userIds = (query: string) => ok<UserIds>(as(t.app, admin).get(`${base()}/users/ids?${query}`));

/**
 * Registers the file's app: created before its first test (with the free product, the session and the catalog), closed
 * after its last.
 */
export function setUpViewsApp(): void {
  beforeAll(async () => {
    t = await createTestApp();
    // Before the first licensing request, so the catalog the app keeps in memory has it.
    const free = await t.db.product.create({
      data: {
        skuId: FREE.skuId,
        skuPartNumber: FREE.skuPartNumber,
        displayName: "Free test product",
        kind: "user",
        pricePerSeatMonthCents: 0,
      },
    });
    await t.db.subscription.create({
      data: {
        tenantId: t.tenants.contoso,
        productId: free.id,
        seats: 100,
        source: "admin",
        termStartsAt: new Date(Date.now() - 10 * DAY_MS),
        termEndsAt: new Date(Date.now() + 300 * DAY_MS),
      },
    });
    await t.db.tenantProduct.create({ data: { tenantId: t.tenants.contoso, productId: free.id } });
    admin = await login(t.app, "admin@contoso.test");
    const products = await t.db.product.findMany({
      select: { id: true, skuId: true, skuPartNumber: true, servicePlans: { select: { servicePlanId: true } } },
    });
    sku = Object.fromEntries(products.map((p) => [p.skuPartNumber, p.skuId]));
    productIdOf = Object.fromEntries(products.map((p) => [p.skuPartNumber, p.id]));
    planIds = Object.fromEntries(products.map((p) => [p.skuPartNumber, p.servicePlans.map((s) => s.servicePlanId)]));
  });
  afterAll(() => t?.close());
}
