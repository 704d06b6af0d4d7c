import {
  assignLicenseRequestSchema,
  bulkLicenseReportSchema,
  bulkLicenseRequestSchema,
  groupLicensesSchema,
  licensedUserSchema,
} from "@allot/contracts";
import fc from "fast-check";
import type { LightMyRequestResponse } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { DAY_MS, type MadeUser, makeGroup, makeUser } from "./fixtures.js";
import type { Session } from "./helpers.js";
import {
  admin,
  assertCountersMatchRows,
  expectWellFormed,
  fabrikamGroup,
  fabrikamUser,
  licenseAdmin,
  type ProblemBody,
  planIds,
  productIdOf,
  send,
  setUpBadInputApp,
  sku,
  t,
} from "./license-bad-input-setup.js";

/**
 * A fuzz of the licensing mutations whose bodies are generated FROM the zod contracts (via their JSON Schema) and then
 * spoiled with hostile values: every answer is a contract-valid 200 or well-formed problem+json, never a 500, and the
 * seat counters still match the rows afterwards.
 */

setUpBadInputApp();

/** The subset of JSON Schema that z.toJSONSchema emits for the licensing request schemas. */
interface JsonSchema {
  $schema?: string;
  type?: "object" | "array" | "string" | "boolean";
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  default?: unknown;
}

const SUPPORTED_KEYWORDS = new Set([
  "$schema",
  "type",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "minItems",
  "maxItems",
  "format",
  "pattern",
  "enum",
  "default",
]);

interface Generators {
  /** uuid generators by the name of the nearest property (skuId, disabledPlans, userIds, …). */
  uuidFor: Record<string, fc.Arbitrary<string>>;
  uuid: fc.Arbitrary<string>;
  /** Replaces any node now and then (when `spoil`). */
  hostile: fc.Arbitrary<unknown>;
  spoil: boolean;
  hostileKey: fc.Arbitrary<string>;
  /** Arrays are cut to this many items (10,000 user ids are the table tests' business). */
  maxItems: number;
}

/** An own property even for "__proto__", so JSON.stringify sends it. */
function withProperty(object: object, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...object } as Record<string, unknown>;
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/**
 * A fast-check arbitrary of values the JSON Schema accepts, every node of which is now and then swapped for a
 * hostile value, and every object of which now and then gets an extra property. Refuses keywords it does not know,
 * so a contract that grows (anyOf, pattern-only strings, …) fails loudly here instead of being fuzzed wrongly.
 */
function fromJsonSchema(schema: JsonSchema, g: Generators, key = ""): fc.Arbitrary<unknown> {
  for (const keyword of Object.keys(schema)) {
    if (!SUPPORTED_KEYWORDS.has(keyword)) throw new Error(`unsupported JSON Schema keyword "${keyword}" at ${key}`);
  }
  let valid: fc.Arbitrary<unknown>;
  if (schema.enum) {
    valid = fc.constantFrom(...schema.enum);
  } else if (schema.type === "object") {
    const shape = Object.fromEntries(
      Object.entries(schema.properties ?? {}).map(([name, child]) => [name, fromJsonSchema(child, g, name)]),
    );
    const record = fc.record(shape, { requiredKeys: schema.required ?? [] });
    valid = g.spoil
      ? fc.oneof(
          { weight: 12, arbitrary: record },
          {
            weight: 1,
            arbitrary: fc.tuple(record, g.hostileKey, g.hostile).map(([object, k, v]) => withProperty(object, k, v)),
          },
        )
      : record;
  } else if (schema.type === "array") {
    const items = schema.items;
    if (!items) throw new Error(`array without items at ${key}`);
    const minLength = schema.minItems ?? 0;
    const constraints = {
      minLength,
      maxLength: Math.max(minLength, Math.min(schema.maxItems ?? g.maxItems, g.maxItems)),
    };
    const item = fromJsonSchema(items, g, key);
    // Unspoiled, arrays are sets (ids compared in any letter case, objects by their first required property): the
    // contracts' "must not repeat" refinements are not JSON Schema, and random picks from small pools repeat a lot.
    const identity = items.required?.[0];
    valid = g.spoil
      ? fc.array(item, constraints)
      : fc.uniqueArray(item, {
          ...constraints,
          selector: (value) =>
            JSON.stringify(identity ? (value as Record<string, unknown>)[identity] : value).toLowerCase(),
        });
  } else if (schema.type === "string") {
    if (schema.format !== "uuid") throw new Error(`unsupported string format ${schema.format} at ${key}`);
    valid = g.uuidFor[key] ?? g.uuid;
  } else if (schema.type === "boolean") {
    valid = fc.boolean();
  } else {
    throw new Error(`unsupported JSON Schema type ${schema.type} at ${key}`);
  }
  return g.spoil ? fc.oneof({ weight: 14, arbitrary: valid }, { weight: 1, arbitrary: g.hostile }) : valid;
}

/** JSON texts JSON.stringify cannot write (1e400, -0, 30-digit integers, deep nesting), spliced in by marker. */
const RAW_MARKER = /"@@raw:(\d+)@@"/g;
const RAW_TEXTS = [
  "1e400",
  "-1e400",
  "-0",
  "1e308",
  "-1e-400",
  "9007199254740993",
  "123456789012345678901234567890",
  `${"[".repeat(5_000)}${"]".repeat(5_000)}`,
  `${'{"a":'.repeat(2_000)}1${"}".repeat(2_000)}`,
];
const raw = (index: number) => `@@raw:${index}@@`;
const serialize = (value: unknown) =>
  JSON.stringify(value ?? null).replace(RAW_MARKER, (_, index: string) => RAW_TEXTS[Number(index)] as string);

describe("fuzz: bodies generated from the zod contracts, spoiled with hostile values", () => {
  const stats = new Map<string, Map<number, number>>();
  let users: MadeUser[];
  let groups: Array<{ id: string }>;
  let g: Generators;
  /** Unspoiled, and from pools of ids likely to succeed: so that a good share of runs reaches the writes. */
  let likely: Generators;
  let pathUser: fc.Arbitrary<string>;
  let pathGroup: fc.Arbitrary<string>;
  let tenant: fc.Arbitrary<string>;
  let actor: fc.Arbitrary<{ session: Session; csrf: boolean }>;

  const HOSTILE_STRINGS = [
    "",
    " ",
    "x".repeat(20_000),
    "\u0000",
    "a\u0000b",
    "\u0007\u001b\u007f\u0085",
    "\ud800",
    "a\udfffb",
    "\u202e\ufeff",
    `'; DROP TABLE "User";--`,
    "' OR '1'='1",
    "{}",
    "[]",
    "__proto__",
    "constructor",
    "prototype",
    "null",
    "undefined",
    "NaN",
    "%00",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "{{7*7}}",
    "00000000-0000-0000-0000-000000000000",
    "ffffffff-ffff-ffff-ffff-ffffffffffff",
  ];

  beforeAll(async () => {
    users = [
      await makeUser(t.db, t.tenants.contoso, { displayName: "Fuzz Member" }),
      await makeUser(t.db, t.tenants.contoso, { displayName: "Fuzz Member 2" }),
      await makeUser(t.db, t.tenants.contoso, { displayName: "Fuzz Guest", userType: "guest" }),
      await makeUser(t.db, t.tenants.contoso, { displayName: "Fuzz Nowhere", usageLocation: null }),
      await makeUser(t.db, t.tenants.contoso, { displayName: "Fuzz Cuba", usageLocation: "CU" }),
      await makeUser(t.db, t.tenants.contoso, {
        displayName: "Fuzz Deleted",
        deletedAt: new Date(Date.now() - DAY_MS),
      }),
    ];
    groups = [
      await makeGroup(
        t.db,
        t.tenants.contoso,
        users.slice(0, 3).map((u) => u.id),
      ),
      await makeGroup(
        t.db,
        t.tenants.contoso,
        users.slice(2).map((u) => u.id),
      ),
      await makeGroup(t.db, t.tenants.contoso),
    ];
    const seeded = (
      await t.db.user.findMany({ where: { tenantId: t.tenants.contoso }, select: { id: true }, take: 5 })
    ).map((u) => u.id);
    const userIds = [...users.map((u) => u.id), ...seeded];
    const allSkus = Object.values(sku);
    const userSkus = [
      "POWER_BI_PRO",
      "EXCHANGESTANDARD",
      "EXCHANGEENTERPRISE",
      "EXCHANGEARCHIVE_ADDON",
      "SPE_E3",
      "VISIOCLIENT",
    ].map((part) => sku[part] as string);
    const allPlans = [...new Set(Object.values(planIds).flat())];
    const randomUuid = fc.uuid();
    const upper = (a: fc.Arbitrary<string>) => a.map((id) => id.toUpperCase());
    const skuIds = fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...userSkus) },
      { weight: 2, arbitrary: fc.constantFrom(...allSkus) },
      { weight: 1, arbitrary: upper(fc.constantFrom(...userSkus)) },
      { weight: 1, arbitrary: fc.constantFrom(...Object.values(productIdOf)) },
      { weight: 1, arbitrary: randomUuid },
    );
    const plans = fc.oneof(
      { weight: 2, arbitrary: fc.constantFrom(...(planIds.POWER_BI_PRO as string[])) },
      { weight: 2, arbitrary: fc.constantFrom(...allPlans) },
      { weight: 1, arbitrary: randomUuid },
    );
    const people = fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...userIds) },
      { weight: 1, arbitrary: upper(fc.constantFrom(...userIds)) },
      { weight: 1, arbitrary: fc.constant(fabrikamUser.id) },
      { weight: 1, arbitrary: randomUuid },
    );
    const deep = fc.integer({ min: 1, max: 200 }).map((n) => JSON.parse(`${"[".repeat(n)}${"]".repeat(n)}`));
    const hostile: fc.Arbitrary<unknown> = fc.oneof(
      { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
      { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
      { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
      { weight: 2, arbitrary: fc.constantFrom(...RAW_TEXTS.map((_, i) => raw(i))) },
      {
        weight: 2,
        arbitrary: fc.constantFrom<unknown>(-0, 0, -1, 1.5, 2 ** 53, Number.MAX_VALUE, Number.MIN_VALUE, true, null),
      },
      {
        weight: 1,
        arbitrary: fc.constantFrom<unknown>(
          {},
          [],
          JSON.parse('{"__proto__":{"isAdmin":true}}'),
          JSON.parse('{"constructor":{"prototype":{"isAdmin":true}}}'),
        ),
      },
      { weight: 1, arbitrary: deep },
      { weight: 1, arbitrary: fc.uuid() },
      { weight: 1, arbitrary: skuIds.map((id) => ` ${id}`) },
    );
    const hostileKey = fc.oneof(
      fc.constantFrom("__proto__", "constructor", "prototype", "tenantId", "userId", "isAdmin", "", "\u0000", "\ud800"),
      fc.string({ maxLength: 12 }),
    );
    g = {
      uuidFor: { skuId: skuIds, removeLicenses: skuIds, remove: skuIds, disabledPlans: plans, userIds: people },
      uuid: randomUuid,
      hostile,
      hostileKey,
      spoil: true,
      maxItems: 6,
    };
    const seated = ["POWER_BI_PRO", "EXCHANGESTANDARD", "EXCHANGEARCHIVE_ADDON", "SPE_E3"].map(
      (part) => sku[part] as string,
    );
    likely = {
      ...g,
      spoil: false,
      maxItems: 2,
      uuidFor: {
        skuId: fc.constantFrom(...seated),
        removeLicenses: fc.constantFrom(...seated),
        remove: fc.constantFrom(...seated),
        disabledPlans: fc.constantFrom(...(planIds.POWER_BI_PRO as string[])),
        userIds: fc.constantFrom(...[users[0], users[1]].map((u) => (u as MadeUser).id), ...seeded),
      },
    };
    const badPath = fc.oneof(
      fc.constantFrom("not-a-uuid", "123", "%00", "null", "%27%20OR%201%3D1--", "..", "%2e%2e"),
      fc.string({ maxLength: 40 }).map((s) => encodeURIComponent(s.replace(/\p{Cs}/gu, "\ufffd"))),
    );
    pathUser = fc.oneof(
      { weight: 10, arbitrary: fc.constantFrom(...userIds) },
      { weight: 1, arbitrary: fc.constant(fabrikamUser.id) },
      { weight: 1, arbitrary: fc.uuid() },
      { weight: 1, arbitrary: badPath },
    );
    pathGroup = fc.oneof(
      { weight: 10, arbitrary: fc.constantFrom(...groups.map((x) => x.id)) },
      { weight: 1, arbitrary: fc.constant(fabrikamGroup.id) },
      { weight: 1, arbitrary: fc.uuid() },
      { weight: 1, arbitrary: badPath },
    );
    tenant = fc.oneof(
      { weight: 20, arbitrary: fc.constant(t.tenants.contoso) },
      { weight: 1, arbitrary: fc.constantFrom(t.tenants.fabrikam, t.tenants.partner) },
      { weight: 1, arbitrary: fc.uuid() },
      { weight: 1, arbitrary: badPath },
    );
    actor = fc.oneof(
      { weight: 6, arbitrary: fc.constant({ session: admin, csrf: true }) },
      { weight: 3, arbitrary: fc.constant({ session: licenseAdmin, csrf: true }) },
      { weight: 1, arbitrary: fc.constant({ session: admin, csrf: false }) },
    );
  });

  /**
   * A body: generated from the contract, either as the contract's JSON Schema allows (with ids likely to succeed,
   * or from every pool; refinements such as "not both added and removed" are left to chance) or spoiled with hostile values and extra properties; sometimes any JSON at
   * all, sometimes cut short.
   */
  const bodies = (schema: JsonSchema) =>
    fc.oneof(
      { weight: 5, arbitrary: fromJsonSchema(schema, likely).map(serialize) },
      { weight: 4, arbitrary: fromJsonSchema(schema, { ...g, spoil: false, maxItems: 3 }).map(serialize) },
      { weight: 8, arbitrary: fromJsonSchema(schema, g).map(serialize) },
      { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map(serialize) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fromJsonSchema(schema, g).map(serialize), fc.nat())
          .map(([text, cut]) => text.slice(0, cut % Math.max(1, text.length))),
      },
    );

  const RESPONSE_SCHEMAS: Record<string, z.ZodType> = {
    user: licensedUserSchema,
    group: groupLicensesSchema,
    bulk: bulkLicenseReportSchema,
  };

  function check(route: string, response: LightMyRequestResponse, request: string): void {
    const counts = stats.get(route) ?? new Map<number, number>();
    counts.set(response.statusCode, (counts.get(response.statusCode) ?? 0) + 1);
    stats.set(route, counts);
    expectWellFormed(response, request);
    if (response.statusCode < 400) {
      expect(response.statusCode, request).toBe(200);
      const parsed = (RESPONSE_SCHEMAS[route] as z.ZodType).safeParse(response.json());
      expect(parsed.success, `${request}: ${parsed.error?.message}`).toBe(true);
    } else {
      const body = response.json() as ProblemBody;
      if (body.code === "ValidationFailed" || body.code === "InvalidId") {
        for (const error of body.errors ?? []) expect(error.path, request).toMatch(/^(body|params)\b/);
      }
    }
  }

  const RUNS = 160;
  const assignSchema = () => z.toJSONSchema(assignLicenseRequestSchema, { io: "input" }) as JsonSchema;
  const bulkSchema = () => z.toJSONSchema(bulkLicenseRequestSchema, { io: "input" }) as JsonSchema;

  it("the converter understands the contracts, and what it generates unspoiled, the contracts accept", () => {
    const clean: Generators = { ...g, spoil: false, maxItems: 4 };
    const noHostile = (schema: JsonSchema) => fromJsonSchema(schema, clean);
    let accepted = 0;
    fc.assert(
      fc.property(noHostile(assignSchema()), (body) => {
        // Refinements (distinct ids, at least one license) are not JSON Schema: only those may refuse.
        const result = assignLicenseRequestSchema.safeParse(body);
        if (result.success) accepted += 1;
        else {
          for (const issue of result.error.issues) expect(issue.code, JSON.stringify(issue)).toBe("custom");
        }
      }),
      { numRuns: 200 },
    );
    expect(accepted).toBeGreaterThan(20);
    fc.assert(
      fc.property(noHostile(bulkSchema()), (body) => {
        const result = bulkLicenseRequestSchema.safeParse(body);
        if (!result.success) {
          for (const issue of result.error.issues) expect(issue.code, JSON.stringify(issue)).toBe("custom");
        }
      }),
      { numRuns: 200 },
    );
    expect(() => fromJsonSchema({ type: "object", anyOf: [] } as JsonSchema, g)).toThrow(/anyOf/);
  });

  it(`POST users/:userId/assignLicense: ${RUNS} runs`, async () => {
    await fc.assert(
      fc.asyncProperty(tenant, pathUser, bodies(assignSchema()), actor, async (tenantId, userId, body, who) => {
        const url = `/api/tenants/${tenantId}/users/${userId}/assignLicense`;
        const response = await send("POST", url, {
          payload: body,
          contentType: "application/json",
          session: who.session,
          csrf: who.csrf,
        });
        check("user", response, `${url} ${body.slice(0, 300)}`);
      }),
      { numRuns: RUNS },
    );
  });

  it(`POST groups/:groupId/assignLicense: ${RUNS} runs`, async () => {
    await fc.assert(
      fc.asyncProperty(tenant, pathGroup, bodies(assignSchema()), actor, async (tenantId, groupId, body, who) => {
        const url = `/api/tenants/${tenantId}/groups/${groupId}/assignLicense`;
        const response = await send("POST", url, {
          payload: body,
          contentType: "application/json",
          session: who.session,
          csrf: who.csrf,
        });
        check("group", response, `${url} ${body.slice(0, 300)}`);
      }),
      { numRuns: RUNS },
    );
  });

  it(`POST licenses/bulk: ${RUNS} runs`, async () => {
    await fc.assert(
      fc.asyncProperty(tenant, bodies(bulkSchema()), actor, async (tenantId, body, who) => {
        const url = `/api/tenants/${tenantId}/licenses/bulk`;
        const response = await send("POST", url, {
          payload: body,
          contentType: "application/json",
          session: who.session,
          csrf: who.csrf,
        });
        check("bulk", response, `${url} ${body.slice(0, 300)}`);
      }),
      { numRuns: RUNS },
    );
  });

  it("after the fuzz: counters match rows, no capacity product or foreign tenant in any assignment", async () => {
    await assertCountersMatchRows(t.db, t.tenants.contoso);
    await assertCountersMatchRows(t.db, t.tenants.fabrikam);
    const [strays] = await t.db.$queryRaw<Array<{ capacity: number; crossTenant: number; deleted: number }>>`
      SELECT (SELECT count(*)::int FROM "LicenseAssignment" la JOIN "Product" p ON p.id = la."productId"
               WHERE p.kind = 'capacity') AS capacity,
             (SELECT count(*)::int FROM "LicenseAssignment" la JOIN "User" u ON u.id = la."userId"
               WHERE u."tenantId" <> la."tenantId") AS "crossTenant",
             (SELECT count(*)::int FROM "LicenseAssignment" la WHERE la."userId" = ${users[5]?.id}::uuid) AS deleted`;
    expect(strays).toEqual({ capacity: 0, crossTenant: 0, deleted: 0 });
    // The fuzz reached the services, not only the validator: a good share of answers come from past validation, and
    // some runs succeeded (and so went through the writes the invariants above check).
    let succeeded = 0;
    for (const route of ["user", "group", "bulk"]) {
      const counts = stats.get(route) ?? new Map<number, number>();
      const total = [...counts.values()].reduce((a, b) => a + b, 0);
      expect(total, route).toBe(RUNS);
      expect(counts.get(400) ?? 0, route).toBeGreaterThan(0);
      const beyondValidation = total - (counts.get(400) ?? 0);
      expect(beyondValidation / total, `${route}: ${JSON.stringify([...counts])}`).toBeGreaterThan(0.25);
      succeeded += counts.get(200) ?? 0;
    }
    expect(succeeded, JSON.stringify([...stats].map(([route, counts]) => [route, [...counts]]))).toBeGreaterThan(0);
  });
});
