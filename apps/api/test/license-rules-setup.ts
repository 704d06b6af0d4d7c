import type { GroupLicenses, LicenseDetails, LicensedUser, SubscribedSku } from "@allot/contracts";
import type { Db } from "@allot/db";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { assertSeatCountersMatchHolders } from "./fixtures.js";
import { as, createTestApp, login, type Session, type TestApp } from "./helpers.js";

/**
 * What the license-rules-*.test.ts files share: one app on a fresh database per file, the sessions of three admins,
 * the seeded products by part number, short ways to assign licenses and read the license views, and setters for
 * seats and subscription states whose changes are put back after each test.
 * The bindings below are set by `setUpRulesApp`'s beforeAll; files read them in their tests and hooks.
 */

export let t: TestApp;
export let admin: Session;
export let licenseAdmin: Session;
export let userAdmin: Session;
export let products: Map<string, { id: string; skuId: string; plans: string[] }>;

/** Puts back what a scenario changed in the seeded subscriptions, even when it failed half-way. */
export const cleanups: Array<() => Promise<unknown>> = [];

/** Contoso's API path. */
export const contoso = () => `/api/tenants/${t.tenants.contoso}`;
/** A seeded product by part number (e.g. POWER_BI_PRO): its id, skuId and service plan ids in id order. */
export const product = (sku: string) => {
  const entry = products.get(sku);
  if (!entry) throw new Error(`no product ${sku}`);
  return entry;
};
/** A product's skuId, and the id of its `index`-th service plan. */
export const skuId = (sku: string) => product(sku).skuId;
export const planOf = (sku: string, index: number) => product(sku).plans[index] as string;

/** A license to add: a part number with every plan on, or with these plans off. */
export type AddSpec = string | { sku: string; disabledPlans: string[] };
/** The assignLicense entry of an AddSpec. */
export const addLicense = (spec: AddSpec) =>
  typeof spec === "string"
    ? { skuId: skuId(spec), disabledPlans: [] }
    : { skuId: skuId(spec.sku), disabledPlans: spec.disabledPlans };

/** POSTs a user's assignLicense (Contoso unless `base` says otherwise); answers the response as it is. */
export function assign(session: Session, userId: string, add: AddSpec[], remove: string[] = [], base = contoso()) {
  return as(t.app, session).post(`${base}/users/${userId}/assignLicense`, {
    addLicenses: add.map(addLicense),
    removeLicenses: remove.map(skuId),
  });
}

/** POSTs a Contoso group's assignLicense; answers the response as it is. */
export function assignGroup(session: Session, groupId: string, add: AddSpec[], remove: string[] = []) {
  return as(t.app, session).post(`${contoso()}/groups/${groupId}/assignLicense`, {
    addLicenses: add.map(addLicense),
    removeLicenses: remove.map(skuId),
  });
}

/** Awaits a response, expects `status` (200 unless told) and answers the parsed body (undefined when empty). */
export async function ok<T>(
  response: Promise<LightMyRequestResponse> | LightMyRequestResponse,
  status = 200,
): Promise<T> {
  const answer = await response;
  expect(answer.statusCode, answer.body).toBe(status);
  return (answer.body ? answer.json() : undefined) as T;
}

/** Creates a Contoso group with a unique name; answers its id. */
export async function newGroup(session: Session = admin): Promise<string> {
  const created = await ok<{ id: string }>(
    as(t.app, session).post(`${contoso()}/groups`, { displayName: `Licensing ${crypto.randomUUID().slice(0, 8)}` }),
    201,
  );
  return created.id;
}

/** POSTs new members of a Contoso group; answers the response as it is. */
export const addMembers = (groupId: string, userIds: string[], session: Session = admin) =>
  as(t.app, session).post(`${contoso()}/groups/${groupId}/members`, { userIds });

/** The tenant's subscribedSkus by part number. */
export async function skus(base = contoso(), session: Session = admin): Promise<Map<string, SubscribedSku>> {
  const body = await ok<{ value: SubscribedSku[] }>(as(t.app, session).get(`${base}/subscribedSkus`));
  return new Map(body.value.map((s) => [s.skuPartNumber, s]));
}

/** A product's consumedUnits counter in a tenant (Contoso unless told); 0 without a row. */
export async function consumed(sku: string, tenantId = t.tenants.contoso): Promise<number> {
  const row = await t.db.tenantProduct.findUnique({
    where: { tenantId_productId: { tenantId, productId: product(sku).id } },
  });
  return row?.consumedUnits ?? 0;
}

/** A Contoso user's licenseDetails. */
export async function details(userId: string, session: Session = admin): Promise<LicenseDetails["value"]> {
  return (await ok<LicenseDetails>(as(t.app, session).get(`${contoso()}/users/${userId}/licenseDetails`))).value;
}

/** A user's licenseAssignmentStates, read without changing anything. */
export async function statesOf(userId: string): Promise<LicensedUser["licenseAssignmentStates"]> {
  return (await ok<LicensedUser>(as(t.app, admin).get(`${contoso()}/users/${userId}/licenses`)))
    .licenseAssignmentStates;
}

/** A Contoso group's licenses view. */
export async function groupView(groupId: string): Promise<GroupLicenses> {
  return ok<GroupLicenses>(as(t.app, admin).get(`${contoso()}/groups/${groupId}/licenses`));
}

/** A user's assignment rows straight from the database, in a stable order. */
export const rowsOf = (userId: string) =>
  t.db.licenseAssignment.findMany({
    where: { userId },
    select: { productId: true, assignedByGroupId: true, state: true, errorCode: true, disabledServicePlanIds: true },
    orderBy: [{ productId: "asc" }, { assignedByGroupId: "asc" }],
  });

/** Sets the seats of a product's admin subscriptions in a tenant; the old count comes back after the test. */
export async function setSeats(sku: string, seats: number, tenantId = t.tenants.contoso) {
  const where = { tenantId, productId: product(sku).id, source: "admin" as const };
  const before = await t.db.subscription.findMany({ where, select: { id: true, seats: true } });
  expect(before.length, `${sku} has one admin subscription`).toBe(1);
  cleanups.push(() => t.db.subscription.update({ where: { id: before[0]?.id }, data: { seats: before[0]?.seats } }));
  await t.db.subscription.updateMany({ where, data: { seats } });
}

/** Sets the state of all of a product's Contoso subscriptions; the old states come back after the test. */
export async function setState(sku: string, state: "active" | "expired" | "disabled" | "deleted") {
  const where = { tenantId: t.tenants.contoso, productId: product(sku).id };
  const before = await t.db.subscription.findMany({ where, select: { id: true, state: true } });
  cleanups.push(async () => {
    for (const row of before) await t.db.subscription.update({ where: { id: row.id }, data: { state: row.state } });
  });
  await t.db.subscription.updateMany({ where, data: { state } });
}

/** The seat invariant (fixtures.ts) over every tenant. */
export const assertCountersMatchRows = (db: Db = t.db) => assertSeatCountersMatchHolders(db);

/** A seeded user holding this product directly (the first by id). */
export async function seededHolderOf(sku: string): Promise<string> {
  const row = await t.db.licenseAssignment.findFirst({
    where: {
      tenantId: t.tenants.contoso,
      productId: product(sku).id,
      assignedByGroupId: null,
      state: "active",
      user: { deletedAt: null },
    },
    orderBy: { userId: "asc" },
    select: { userId: true },
  });
  if (!row) throw new Error(`no holder of ${sku}`);
  return row.userId;
}

/**
 * Registers the file's app, created before its first test (with the sessions and the products) and closed after its
 * last, and puts back after each test what it changed in the seeded subscriptions.
 */
export function setUpRulesApp(): void {
  beforeAll(async () => {
    t = await createTestApp();
    [admin, licenseAdmin, userAdmin] = await Promise.all([
      login(t.app, "admin@contoso.test"),
      login(t.app, "licenses@contoso.test"),
      login(t.app, "users@contoso.test"),
    ]);
    const rows = await t.db.product.findMany({
      select: {
        id: true,
        skuId: true,
        skuPartNumber: true,
        servicePlans: { select: { servicePlanId: true }, orderBy: { servicePlanId: "asc" } },
      },
    });
    products = new Map(
      rows.map((p) => [
        p.skuPartNumber,
        { id: p.id, skuId: p.skuId, plans: p.servicePlans.map((s) => s.servicePlanId) },
      ]),
    );
  });
  afterAll(() => t.close());
  afterEach(async () => {
    while (cleanups.length > 0) await cleanups.pop()?.();
  });
}
