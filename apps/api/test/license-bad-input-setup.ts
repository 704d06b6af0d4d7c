import { type BulkLicenseReport, ERROR_CODES, ERROR_STATUS } from "@allot/contracts";
import type { Db } from "@allot/db";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, expect } from "vitest";
import { assertSeatCountersMatchHolders, auditOf, makeGroup, makeUser } from "./fixtures.js";
import { createTestApp, login, type Session, type TestApp } from "./helpers.js";

/**
 * What the license-bad-input-*.test.ts files share: one app on a fresh database per file, the sessions and the
 * product catalog, a request sender, and the checks that a refusal is well-formed problem+json that changed nothing.
 * The bindings below are set by `setUpBadInputApp`'s beforeAll; files read them in their tests and hooks.
 */

export type Method = "GET" | "POST";
export interface SendOptions {
  payload?: unknown;
  contentType?: string;
  session?: Session | null;
  csrf?: boolean;
}

export let t: TestApp;
export let admin: Session;
export let licenseAdmin: Session;
export let base: string;
/** skuId by skuPartNumber, and the service plan ids of each product. */
export let sku: Record<string, string>;
export let planIds: Record<string, string[]>;
export let productIdOf: Record<string, string>;
export let fabrikamUser: { id: string };
export let fabrikamGroup: { id: string };

/** Sends a request as `session` (the global admin unless told; null for none), with its CSRF token on mutations. */
export function send(method: Method, url: string, options: SendOptions = {}): Promise<LightMyRequestResponse> {
  const session = options.session === undefined ? admin : options.session;
  const headers: Record<string, string> = {};
  if (session) {
    headers.cookie = session.cookie;
    if (method !== "GET" && options.csrf !== false) headers["x-csrf-token"] = session.csrfToken;
  }
  if (options.contentType) headers["content-type"] = options.contentType;
  const request: InjectOptions = { method, url, headers };
  if (options.payload !== undefined) request.payload = options.payload as InjectOptions["payload"];
  return t.app.inject(request);
}

/** POSTs a JSON body as the global admin, or as `session`. */
export const post = (url: string, payload?: unknown, session?: Session) =>
  send("POST", url, { ...(payload === undefined ? {} : { payload }), ...(session ? { session } : {}) });

/** Nothing may be 5xx; any error is problem+json with a known code, whose status is the code's. */
export function expectWellFormed(response: LightMyRequestResponse, context = ""): void {
  const where = `${context} → ${response.statusCode} ${response.body.slice(0, 300)}`;
  expect(response.statusCode, where).toBeLessThan(500);
  if (response.statusCode >= 400) {
    expect(response.headers["content-type"], where).toMatch(/^application\/problem\+json/);
    const body = response.json() as { code: keyof typeof ERROR_STATUS; status: number };
    expect(ERROR_CODES, where).toContain(body.code);
    expect(response.statusCode, where).toBe(ERROR_STATUS[body.code]);
    expect(body.status, where).toBe(response.statusCode);
    expect(response.body, where).not.toMatch(/prisma|\bstack\b|at .*\.ts:\d+/i);
  }
}

export interface ProblemBody {
  code: string;
  detail?: string;
  errors?: Array<{ path: string; message: string; code?: string; skuId?: string | null; userId?: string }>;
  report?: BulkLicenseReport;
}

/** Asserts the status, the code and (optionally) that one of `errors` has this path; returns the problem. */
export function expectProblem(
  response: LightMyRequestResponse,
  status: number,
  code: string,
  path?: string,
  context = "",
): ProblemBody {
  expectWellFormed(response, `${context} ${code}${path ? ` at ${path}` : ""}`);
  const where = `${context} ${response.body.slice(0, 400)}`;
  expect(response.statusCode, where).toBe(status);
  const body = response.json() as ProblemBody;
  expect(body.code, where).toBe(code);
  if (path !== undefined) {
    expect(
      body.errors?.map((e) => e.path),
      where,
    ).toContain(path);
  }
  for (const error of body.errors ?? []) expect(error.message.length, where).toBeGreaterThan(0);
  return body;
}

/** A fingerprint of everything a licensing mutation may touch: assignments, seat counters, group licenses, audit. */
export interface Fingerprint {
  assignments: number;
  assignmentRows: string;
  counters: string;
  groupLicenses: string;
  audit: number;
}

/** Reads the fingerprint of the whole database (every tenant). */
export async function fingerprint(db: Db): Promise<Fingerprint> {
  const [row] = await db.$queryRaw<Fingerprint[]>`
    SELECT (SELECT count(*)::int FROM "LicenseAssignment") AS assignments,
           (SELECT md5(COALESCE(string_agg(la::text, '|' ORDER BY la.id), '')) FROM "LicenseAssignment" la)
             AS "assignmentRows",
           (SELECT md5(COALESCE(string_agg(tp."tenantId"::text || '/' || tp."productId"::text || '=' ||
                                           tp."consumedUnits", '|' ORDER BY tp."tenantId", tp."productId"), ''))
              FROM "TenantProduct" tp WHERE tp."consumedUnits" <> 0) AS counters,
           (SELECT md5(COALESCE(string_agg(gl::text, '|' ORDER BY gl.id), '')) FROM "GroupLicense" gl)
             AS "groupLicenses",
           (SELECT count(*)::int FROM "AuditEvent") AS audit`;
  return row as Fingerprint;
}

/** Sends a mutation that must be refused; asserts the problem and that nothing changed, not even the audit log. */
export async function refused(
  request: () => Promise<LightMyRequestResponse>,
  status: number,
  code: string,
  path?: string,
  context = "",
): Promise<ProblemBody> {
  const before = await fingerprint(t.db);
  const response = await request();
  const body = expectProblem(response, status, code, path, context);
  expect(await fingerprint(t.db), `${context}: a refused request changed something`).toEqual(before);
  expect(await auditOf(t.db, response)).toEqual([]);
  return body;
}

/** The seat invariant (fixtures.ts), under the name these tests use. */
export const assertCountersMatchRows = assertSeatCountersMatchHolders;

/** A product's consumedUnits in a tenant (Contoso unless told). */
export const consumed = async (skuPartNumber: string, tenantId = t.tenants.contoso) =>
  (
    await t.db.tenantProduct.findUniqueOrThrow({
      where: { tenantId_productId: { tenantId, productId: productIdOf[skuPartNumber] as string } },
    })
  ).consumedUnits;

/** The Contoso URLs of the three license mutations. */
export const userUrl = (userId: string) => `${base}/users/${userId}/assignLicense`;
export const groupUrl = (groupId: string) => `${base}/groups/${groupId}/assignLicense`;
export const bulkUrl = () => `${base}/licenses/bulk`;
/** An assignLicense body that adds these products and removes none. */
export const add = (...skuIds: string[]) => ({ addLicenses: skuIds.map((skuId) => ({ skuId })), removeLicenses: [] });

/**
 * Registers the file's app: created before its first test (with the sessions, the catalog and a Fabrikam user and
 * group), closed after its last.
 */
export function setUpBadInputApp(): void {
  beforeAll(async () => {
    t = await createTestApp({ loginRateLimitPerMinute: 100_000 });
    admin = await login(t.app, "admin@contoso.test");
    licenseAdmin = await login(t.app, "licenses@contoso.test");
    base = `/api/tenants/${t.tenants.contoso}`;
    const products = await t.db.product.findMany({
      select: { id: true, skuId: true, skuPartNumber: true, servicePlans: { select: { servicePlanId: true } } },
    });
    sku = Object.fromEntries(products.map((p) => [p.skuPartNumber, p.skuId]));
    productIdOf = Object.fromEntries(products.map((p) => [p.skuPartNumber, p.id]));
    planIds = Object.fromEntries(products.map((p) => [p.skuPartNumber, p.servicePlans.map((s) => s.servicePlanId)]));
    fabrikamUser = await makeUser(t.db, t.tenants.fabrikam);
    fabrikamGroup = await makeGroup(t.db, t.tenants.fabrikam, [fabrikamUser.id]);
  });
  afterAll(() => t.close());
}
