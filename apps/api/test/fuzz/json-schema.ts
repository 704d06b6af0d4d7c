import fc from "fast-check";
import { z } from "zod";

/**
 * The subset of JSON Schema (draft 2020-12) that `z.toJSONSchema` emits for the request contracts. A keyword outside
 * SUPPORTED_KEYWORDS makes the generator throw: a contract that grows a construct (allOf, multipleOf, a new format)
 * must fail the fuzz loudly rather than be fuzzed wrongly.
 */
export interface JsonSchema {
  $schema?: string;
  description?: string;
  type?: JsonType | JsonType[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  /** false for strict objects; a schema for records (`z.record`), whose keys then follow `propertyNames`. */
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  /** Ours, not JSON Schema: a string that holds a whole number in this range (query strings; see routes.ts). */
  "x-integer"?: { minimum: number; maximum: number };
}
type JsonType = "object" | "array" | "string" | "boolean" | "integer" | "number" | "null";

export const SUPPORTED_KEYWORDS = new Set([
  "$schema",
  "description",
  "type",
  "properties",
  "required",
  "additionalProperties",
  "propertyNames",
  "items",
  "minItems",
  "maxItems",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "format",
  "pattern",
  "enum",
  "const",
  "default",
  "anyOf",
  "oneOf",
  "x-integer",
]);
const SUPPORTED_FORMATS = new Set(["uuid", "date-time"]);

/** The request side of a zod schema as JSON Schema (what a client may send, before defaults and transforms). */
export function jsonSchemaOf(schema: unknown): JsonSchema {
  return z.toJSONSchema(schema as z.ZodType, { io: "input" }) as JsonSchema;
}

/** Where a value sits, so that generators can pick by name: `userIds` items are users, `skuId` products. */
export interface Site {
  /** The nearest property name (array items inherit their array's). */
  key: string;
  /** The properties of the object this value is a property of, as generated so far (for coherent picks). */
  path: string[];
}

export interface Generators {
  /** A generator for a string by its property name and schema, or undefined for the generic one. */
  stringFor(site: Site, schema: JsonSchema): fc.Arbitrary<string> | undefined;
  /** Replaces any node now and then (when `spoil`). */
  hostile: fc.Arbitrary<unknown>;
  hostileKey: fc.Arbitrary<string>;
  spoil: boolean;
  /** Arrays are cut to this many items (10,000 user ids are the table tests' business). */
  maxItems: number;
}

/** An own property even for "__proto__", so JSON.stringify sends it. */
export function withProperty(object: object, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...object } as Record<string, unknown>;
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

function checkKeywords(schema: JsonSchema, at: string): void {
  for (const keyword of Object.keys(schema)) {
    if (!SUPPORTED_KEYWORDS.has(keyword)) throw new Error(`unsupported JSON Schema keyword "${keyword}" at ${at}`);
  }
  if (schema.format !== undefined && !SUPPORTED_FORMATS.has(schema.format)) {
    throw new Error(`unsupported JSON Schema format "${schema.format}" at ${at}`);
  }
}

function isoDateTimes(): fc.Arbitrary<string> {
  const instant = fc.date({
    min: new Date("2000-01-01T00:00:00Z"),
    max: new Date("2100-01-01T00:00:00Z"),
    noInvalidDate: true,
  });
  return fc.oneof(
    instant.map((d) => d.toISOString()),
    // An offset instead of Z, as the contracts allow.
    instant.map((d) => `${d.toISOString().slice(0, 19)}+01:00`),
  );
}

/**
 * Strings a pattern matches. fast-check cannot generate from lookarounds (`(?=.{1,253}$)` bounding a domain name's
 * length): those are taken out for generating and the whole pattern filters what comes out.
 */
export function matching(pattern: string): fc.Arbitrary<string> {
  const whole = new RegExp(pattern);
  const generable = withoutLookarounds(pattern);
  if (generable === pattern) return fc.stringMatching(whole);
  return fc.stringMatching(new RegExp(generable)).filter((text) => whole.test(text));
}

/** The pattern without its `(?=…)`, `(?!…)`, `(?<=…)` and `(?<!…)` groups. */
function withoutLookarounds(pattern: string): string {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === "\\") {
      out += pattern.slice(i, i + 2);
      i += 1;
    } else if (/^\((\?[=!]|\?<[=!])/.test(pattern.slice(i))) {
      // Skip to the group's closing parenthesis, minding escapes, character classes and nested groups.
      let depth = 0;
      let inClass = false;
      for (; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === "\\") i += 1;
        else if (inClass) inClass = c !== "]";
        else if (c === "[") inClass = true;
        else if (c === "(") depth += 1;
        else if (c === ")" && --depth === 0) break;
      }
    } else {
      out += pattern[i];
    }
  }
  return out;
}

function stringOf(schema: JsonSchema, g: Generators, site: Site): fc.Arbitrary<string> {
  const named = g.stringFor(site, schema);
  // Unspoiled, a named generator keeps to the schema's length bounds too.
  if (named && !g.spoil) {
    return named.filter(
      (text) => text.length >= (schema.minLength ?? 0) && text.length <= (schema.maxLength ?? Infinity),
    );
  }
  if (named) return named;
  const whole = schema["x-integer"];
  if (whole) {
    const inRange = fc.integer({ min: whole.minimum, max: Math.min(whole.maximum, whole.minimum + 200) }).map(String);
    if (!g.spoil) return inRange;
    const outside = fc.constantFrom(whole.minimum - 1, whole.maximum + 1, 99999).map(String);
    return fc.oneof({ weight: 4, arbitrary: inRange }, { weight: 1, arbitrary: outside });
  }
  if (schema.format === "uuid") return fc.uuid();
  if (schema.format === "date-time") return isoDateTimes();
  if (schema.pattern !== undefined) return matching(schema.pattern);
  const minLength = schema.minLength ?? 0;
  return fc.string({ minLength, maxLength: Math.max(minLength, Math.min(schema.maxLength ?? 40, 40)) });
}

function typed(schema: JsonSchema, type: JsonType, g: Generators, site: Site): fc.Arbitrary<unknown> {
  switch (type) {
    case "object": {
      const shape = Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([name, child]) => [
          name,
          fromJsonSchema(child, g, { key: name, path: [...site.path, name] }),
        ]),
      );
      const fixed = fc.record(shape, { requiredKeys: schema.required ?? [] });
      // A record's entries (`z.record`): a few keys of its key schema, each with a value of its value schema.
      const extra = schema.additionalProperties;
      const record =
        typeof extra === "object"
          ? fc
              .tuple(
                fixed,
                fc.dictionary(
                  fromJsonSchema(schema.propertyNames ?? { type: "string" }, g, site) as fc.Arbitrary<string>,
                  fromJsonSchema(extra, g, site),
                  { maxKeys: Math.min(3, g.maxItems) },
                ),
              )
              .map(([known, entries]) =>
                Object.entries(entries).reduce<Record<string, unknown>>(
                  (object, [k, v]) => withProperty(object, k, v),
                  known as Record<string, unknown>,
                ),
              )
          : fixed;
      return g.spoil
        ? fc.oneof(
            { weight: 12, arbitrary: record },
            {
              weight: 1,
              arbitrary: fc.tuple(record, g.hostileKey, g.hostile).map(([object, k, v]) => withProperty(object, k, v)),
            },
          )
        : record;
    }
    case "array": {
      const items = schema.items;
      if (!items) throw new Error(`array without items at ${site.path.join(".")}`);
      const minLength = schema.minItems ?? 0;
      const constraints = {
        minLength,
        maxLength: Math.max(minLength, Math.min(schema.maxItems ?? g.maxItems, g.maxItems)),
      };
      const item = fromJsonSchema(items, g, site);
      // Unspoiled, arrays are sets (ids compared in any letter case, objects by their first required property):
      // the contracts' "must not repeat" refinements are not JSON Schema, and picks from small pools repeat a lot.
      const identity = items.required?.[0];
      return g.spoil
        ? fc.array(item, constraints)
        : fc.uniqueArray(item, {
            ...constraints,
            selector: (value) =>
              JSON.stringify(identity ? (value as Record<string, unknown>)[identity] : value).toLowerCase(),
          });
    }
    case "string":
      return stringOf(schema, g, site);
    case "integer": {
      return integers(schema.minimum ?? -1_000, schema.maximum ?? 1_000_000);
    }
    case "number":
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    default:
      throw new Error(`unsupported JSON Schema type ${String(type)} at ${site.path.join(".")}`);
  }
}

/**
 * Whole numbers of a range: mostly near its bottom (the interesting and affordable values), its bounds themselves,
 * and anywhere in it (unbiased: fast-check's integers otherwise lean towards small values).
 */
export function integers(min: number, max: number): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min, max: Math.min(max, min + 30) }) },
    { weight: 1, arbitrary: fc.constantFrom(min, max) },
    { weight: 2, arbitrary: fc.noBias(fc.integer({ min, max })) },
  );
}

/**
 * A fast-check arbitrary of values the JSON Schema accepts, every node of which is now and then swapped for a
 * hostile value (when `g.spoil`), and every object of which now and then gets an extra property.
 */
export function fromJsonSchema(
  schema: JsonSchema,
  g: Generators,
  site: Site = { key: "", path: [] },
): fc.Arbitrary<unknown> {
  checkKeywords(schema, site.path.join(".") || "(root)");
  let valid: fc.Arbitrary<unknown>;
  if (schema.const !== undefined) {
    valid = fc.constant(schema.const);
  } else if (schema.enum) {
    valid = fc.constantFrom(...schema.enum);
  } else if (schema.anyOf || schema.oneOf) {
    const branches = (schema.anyOf ?? schema.oneOf ?? []).map((branch) => fromJsonSchema(branch, g, site));
    if (branches.length === 0) throw new Error(`empty anyOf/oneOf at ${site.path.join(".")}`);
    valid = fc.oneof(...branches);
  } else if (Array.isArray(schema.type)) {
    valid = fc.oneof(...schema.type.map((type) => typed(schema, type, g, site)));
  } else if (schema.type !== undefined) {
    valid = typed(schema, schema.type, g, site);
  } else if (Object.keys(schema).every((keyword) => keyword === "$schema" || keyword === "description")) {
    // `{}`: any JSON value (`z.unknown()`, e.g. a batched request's body).
    valid = fc.jsonValue({ maxDepth: 2 });
  } else {
    throw new Error(`schema without type at ${site.path.join(".") || "(root)"}: ${JSON.stringify(schema)}`);
  }
  return g.spoil ? fc.oneof({ weight: 14, arbitrary: valid }, { weight: 1, arbitrary: g.hostile }) : valid;
}
