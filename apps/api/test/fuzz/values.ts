import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@allot/db";
import fc from "fast-check";
import { cursorOf } from "../fixtures.js";
import { DECLINED_CARD, TEST_CARD } from "../helpers.js";
import { HOSTILE_STRINGS, hostileKey, hostileValue } from "./hostile.js";
import type { Generators, JsonSchema, Site } from "./json-schema.js";
import type { Pools } from "./pools.js";

/**
 * How request values are picked:
 * - `likely`: as a careful client would send them: ids of the tenant in the path (skipping the fuzz's own actors, so
 *   that most writes land on other people), small arrays, realistic text. Most such requests pass validation and
 *   reach the service, and a good share succeed, so the writes are fuzzed too.
 * - `any`: what the contract allows, ids from every tenant and random ones, in any letter case.
 * - `spoiled`: `any`, with hostile values in place of some nodes and extra properties in some objects.
 */
export type Profile = "likely" | "any" | "spoiled";

export interface ValueContext {
  pools: Pools;
  /** The tenant in the path, when the request has one the fuzz knows. */
  tenantId: string | undefined;
  /** The user the request is sent as, if any: `likely` picks its own rows (its requests, its purchases) often. */
  actorId?: string | undefined;
  /** Ids the `likely` profile leaves alone (the fuzz's signed-in actors). */
  avoid: () => ReadonlySet<string>;
  /** The route's url, for the cursors it handed out. */
  routeUrl: string;
}

/** An index into a pool: uniform (fast-check's integers lean towards small values, which would favour a pool's first rows). */
export const index = fc.noBias(fc.nat());

/** A uuid from a number, for when a pool is empty (deterministic, so a seed replays). */
const numberedUuid = (n: number) => `00000000-0000-4000-8000-${(n % 1e12).toString().padStart(12, "0")}`;

const pick = <T>(list: readonly T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);

/** Ids by the parameter's or property's name (see Pools), shaped by the profile. */
export function idsFor(name: string, profile: Profile, ctx: ValueContext): fc.Arbitrary<string> {
  const { pools, tenantId } = ctx;
  const own = index.map((n) => {
    const avoid = ctx.avoid();
    const list = pools.inTenant(name, tenantId);
    const kept = list.filter((id) => !avoid.has(id));
    return pick(kept.length ? kept : list, n) ?? pick(pools.of(name).all, n) ?? numberedUuid(n);
  });
  const anywhere = index.map((n) => pick(pools.of(name).all, n) ?? pick(pools.anyIds(), n) ?? numberedUuid(n));
  const mine = fc.tuple(index, own).map(([n, fallback]) => {
    const list = ctx.actorId ? pools.ownedBy(name, ctx.actorId) : [];
    const inTenant = tenantId ? list.filter((id) => pools.inTenant(name, tenantId).includes(id)) : list;
    return pick(inTenant, n) ?? fallback;
  });
  if (profile === "likely") {
    return fc.oneof({ weight: 6, arbitrary: own }, { weight: 3, arbitrary: mine }, { weight: 1, arbitrary: anywhere });
  }
  return fc.oneof(
    { weight: 6, arbitrary: own },
    { weight: 3, arbitrary: anywhere },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: own.map((id) => id.toUpperCase()) },
    {
      weight: 1,
      arbitrary: fc.constantFrom("00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff"),
    },
  );
}

const NAMES = [
  "Fuzz Person",
  "Zoë Ünïcødé",
  "李小龍",
  "O'Brien-Ångström",
  "Marketing",
  "Sales EMEA",
  "🎉 Party",
  "A",
  "  padded  ",
];

function textFor(site: Site, schema: JsonSchema, profile: Profile, ctx: ValueContext): fc.Arbitrary<string> {
  const max = schema.maxLength ?? 200;
  const min = schema.minLength ?? 0;
  // Free text the contracts take is trimmed and must not end up empty.
  const plain = fc
    .string({ minLength: Math.max(min, 1), maxLength: Math.max(Math.max(min, 1), Math.min(max, 30)) })
    .filter((text) => profile === "spoiled" || text.trim().length >= Math.max(min, 1));
  const names = fc.constantFrom(...NAMES).filter((n) => n.length >= min && n.length <= max);
  const numbered = fc.nat({ max: 100_000 }).map((n) => `Fuzz ${site.key} ${n}`);
  const base = fc.oneof(
    { weight: 4, arbitrary: numbered },
    { weight: 2, arbitrary: names },
    { weight: 1, arbitrary: plain },
  );
  if (site.key === "displayName") {
    // Now and then an existing group's name, for GroupNameTaken.
    const taken = fc.nat().map((n) => pick(ctx.pools.inTenant("displayName", ctx.tenantId), n) ?? `Fuzz taken ${n}`);
    return fc.oneof({ weight: 5, arbitrary: base }, { weight: 1, arbitrary: taken });
  }
  return profile === "likely" ? base : fc.oneof(base, plain);
}

function emailFor(profile: Profile, ctx: ValueContext): fc.Arbitrary<string> {
  const demo = fc.constantFrom(...DEMO_ACCOUNTS.map((account) => account.email));
  const existing = index.map((n) => pick(ctx.pools.inTenant("email", ctx.tenantId), n) ?? "nobody@contoso.test");
  const domain = ctx.tenantId ? (ctx.pools.domains.get(ctx.tenantId) ?? "contoso.test") : "contoso.test";
  const fresh = fc.nat({ max: 1_000_000 }).map((n) => `fuzz-${n}@${domain}`);
  const upper = existing.map((email) => ` ${email.toUpperCase()} `);
  if (profile === "likely") {
    return fc.oneof(
      { weight: 4, arbitrary: fresh },
      { weight: 2, arbitrary: existing },
      { weight: 2, arbitrary: demo },
    );
  }
  // Addresses RFC 5322 allows but the contract does not are for the spoiled profile only.
  return profile === "any"
    ? fc.oneof(fresh, existing, demo, upper)
    : fc.oneof(fresh, existing, demo, upper, fc.emailAddress());
}

function cursorFor(profile: Profile, ctx: ValueContext): fc.Arbitrary<string> {
  const handedOut = index.map((n) => pick(ctx.pools.cursors.get(ctx.routeUrl) ?? [], n));
  const fromOtherLists = index.map((n) => pick([...ctx.pools.cursors.values()].flat(), n));
  const forged = fc.oneof(
    fc.tuple(fc.string({ maxLength: 12 }), fc.uuid()).map(cursorOf),
    fc
      .tuple(
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        fc.uuid(),
      )
      .map(cursorOf),
    fc
      .tuple(fc.constantFrom("Na\u0000me", "2024-13-45T99:00:00.000Z", "-010000-01-01T00:00:00.000Z"), fc.uuid())
      .map(cursorOf),
    fc.jsonValue({ maxDepth: 2 }).map(cursorOf),
    fc.constantFrom("garbage", "!!!", ""),
    fc.base64String({ maxLength: 40 }),
  );
  const ours = handedOut.chain((c) => (c === undefined ? forged : fc.constant(c)));
  if (profile === "likely") return ours;
  return fc.oneof(
    { weight: 3, arbitrary: ours },
    { weight: 1, arbitrary: fromOtherLists.chain((c) => (c === undefined ? forged : fc.constant(c))) },
    { weight: 2, arbitrary: forged },
    // Longer than any cursor the API hands out (and than the contract allows).
    ...(profile === "spoiled" ? [{ weight: 1, arbitrary: fc.constant("a".repeat(513)) }] : []),
  );
}

/** Strings by property name, for the names where a random string would almost never be valid. */
function stringFor(profile: Profile, ctx: ValueContext) {
  return (site: Site, schema: JsonSchema): fc.Arbitrary<string> | undefined => {
    if (schema.enum || schema.const !== undefined) return undefined;
    if (schema.format === "uuid") return idsFor(site.key, profile, ctx);
    // By the end of the name, so that adminEmail, newPassword or organizationName are picked like their kin (and
    // Graph's userPrincipalName and otherMails, addresses, like an email).
    const kind = /email$|principalName$|^otherMails$/i.test(site.key)
      ? "email"
      : /password$/i.test(site.key)
        ? "password"
        : /name$/i.test(site.key) && site.key !== "domain" && schema.pattern === undefined
          ? "displayName"
          : site.key;
    switch (kind) {
      case "email":
        return emailFor(profile, ctx);
      case "domain": {
        // A tenant's own domain now and then (taken), else a fresh one.
        const taken = index.map((n) => pick([...ctx.pools.domains.values()], n) ?? "contoso.test");
        const fresh = fc.nat({ max: 1_000_000 }).map((n) => `fuzz-${n}.test`);
        return fc.oneof({ weight: 3, arbitrary: fresh }, { weight: 1, arbitrary: taken });
      }
      case "password": {
        const good = fc.oneof(
          fc.constant(DEMO_PASSWORD),
          index.map((n) => `Fuzz-password-${n}`),
        );
        const min = profile === "spoiled" ? 1 : (schema.minLength ?? 1);
        return profile === "likely"
          ? good
          : fc.oneof(good, fc.string({ minLength: min, maxLength: Math.max(min, 40) }));
      }
      case "displayName":
      case "holderName":
      case "description":
      case "message":
      case "reason":
      // A user's directory fields (the Add multiple users template's columns) and the list's filters on them.
      case "jobTitle":
      case "department":
      case "officeLocation":
      case "businessPhone":
      case "businessPhones":
      case "mobilePhone":
      case "faxNumber":
      case "streetAddress":
      case "city":
      case "state":
      case "postalCode":
        return textFor(site, schema, profile, ctx);
      case "search": {
        const words = fc.constantFrom("a", "ad", "Admin", "Fuzz", "@contoso", ".test", "%", "_", "\\", "'", "");
        return profile === "likely" ? words : fc.oneof(words, fc.string({ maxLength: 6 }));
      }
      case "cursor":
        return cursorFor(profile, ctx);
      case "number":
        return fc.oneof(
          { weight: 4, arbitrary: fc.constant(TEST_CARD.number) },
          { weight: 1, arbitrary: fc.constant(DECLINED_CARD.number) },
          { weight: 1, arbitrary: fc.stringMatching(/^\d{12,19}$/) },
        );
      case "usageLocation":
      case "country":
        return fc.constantFrom("NL", "US", "GB", "DE", "nl", "CU", "KP", "XX");
      case "action":
        return fc
          .array(
            index.map((n) => pick(ctx.pools.inTenant("action", ctx.tenantId), n) ?? "users.created"),
            { minLength: 1, maxLength: 3 },
          )
          .map((codes) => codes.join(","));
      case "idempotency-key":
        // A few keys over and over: replays, and the same key with another body (IdempotencyKeyReused).
        return fc.oneof(
          { weight: 3, arbitrary: fc.nat({ max: 7 }).map((n) => `fuzz-key-${n}`) },
          { weight: 1, arbitrary: fc.uuid() },
        );
      default:
        return undefined;
    }
  };
}

/** The value generators of a profile for one request context. */
export function generatorsFor(profile: Profile, ctx: ValueContext): Generators {
  const extra = fc.oneof(
    idsFor("skuId", "any", ctx).map((id) => ` ${id}`),
    fc.constantFrom(...HOSTILE_STRINGS.slice(0, 12)),
  );
  return {
    stringFor: stringFor(profile, ctx),
    hostile: hostileValue(extra),
    hostileKey,
    spoil: profile === "spoiled",
    maxItems: profile === "likely" ? 2 : 6,
  };
}

/**
 * Makes a `likely` body's license picks coherent: service plans to switch off come from the product they belong to
 * (a random plan would almost always be InvalidServicePlan, and the plan switch would never be fuzzed).
 */
export function coherent(value: unknown, pools: Pools): unknown {
  if (Array.isArray(value)) return value.map((item) => coherent(item, pools));
  if (value === null || typeof value !== "object") return value;
  const object = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, coherent(v, pools)]));
  if (typeof object.skuId === "string" && Array.isArray(object.disabledPlans)) {
    const plans = pools.plansBySku.get(object.skuId.toLowerCase()) ?? [];
    object.disabledPlans = plans.slice(0, Math.min(object.disabledPlans.length, Math.max(plans.length - 1, 0)));
  }
  return object;
}
