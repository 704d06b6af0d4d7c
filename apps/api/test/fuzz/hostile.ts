import fc from "fast-check";

/** Strings that have broken servers: empty, huge, control characters, lone surrogates, SQL, paths, templates. */
export const HOSTILE_STRINGS = [
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
  "%",
  "_",
  "\\",
  "{}",
  "[]",
  "__proto__",
  "constructor",
  "prototype",
  "null",
  "undefined",
  "NaN",
  "-1",
  "1e400",
  "%00",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "{{7*7}}",
  '=HYPERLINK("http://x")',
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
];

/** JSON texts JSON.stringify cannot write (1e400, -0, 30-digit integers, deep nesting), spliced in by marker. */
const RAW_MARKER = /"@@raw:(\d+)@@"/g;
export const RAW_TEXTS = [
  "1e400",
  "-1e400",
  "-0",
  "1e308",
  "-1e-400",
  "9007199254740993",
  "123456789012345678901234567890",
  "1.0",
  `${"[".repeat(5_000)}${"]".repeat(5_000)}`,
  `${'{"a":'.repeat(2_000)}1${"}".repeat(2_000)}`,
];
const raw = (index: number) => `@@raw:${index}@@`;

/** JSON text of a generated value, with the raw texts spliced in where a marker stands. */
export function serialize(value: unknown): string {
  return JSON.stringify(value ?? null).replace(RAW_MARKER, (_, index: string) => RAW_TEXTS[Number(index)] as string);
}

/** A hostile value for any node of a body: wrong types, hostile strings, odd numbers, poisoned objects, deep arrays. */
export function hostileValue(extra: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const deep = fc.integer({ min: 1, max: 200 }).map((n) => JSON.parse(`${"[".repeat(n)}${"]".repeat(n)}`));
  return fc.oneof(
    { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
    { weight: 2, arbitrary: fc.constantFrom(...RAW_TEXTS.map((_, i) => raw(i))) },
    {
      weight: 2,
      arbitrary: fc.constantFrom<unknown>(
        -0,
        0,
        -1,
        1.5,
        2 ** 31,
        2 ** 53,
        Number.MAX_VALUE,
        Number.MIN_VALUE,
        true,
        null,
      ),
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
    { weight: 2, arbitrary: extra },
  );
}

export const hostileKey = fc.oneof(
  fc.constantFrom(
    "__proto__",
    "constructor",
    "prototype",
    "tenantId",
    "userId",
    "isAdmin",
    "id",
    "",
    "\u0000",
    "\ud800",
  ),
  fc.string({ maxLength: 12 }),
);

/** Percent-encodes every byte of the UTF-8 text, lone surrogates included (as the invalid UTF-8 a client can send). */
export function encodeBytes(text: string): string {
  return [...Buffer.from(text, "utf8")].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("");
}

/** Path segments that are not ids: malformed UUIDs, SQL, traversal, broken percent-encoding, invalid UTF-8. */
export const badPathSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "not-a-uuid",
    "123",
    "%00",
    "null",
    "undefined",
    "%27%20OR%201%3D1--",
    "..",
    "%2e%2e",
    "%2F",
    "%ZZ",
    "%C3%28",
    "%ED%A0%80",
    "00000000-0000-0000-0000-00000000000g",
    "0000000-0000-0000-0000-000000000000",
    "{00000000-0000-0000-0000-000000000000}",
    "x".repeat(2_000),
  ),
  fc.uuid().map((id) => `${id}0`),
  fc.uuid().map((id) => id.replaceAll("-", "")),
  fc.string({ maxLength: 40 }).map((s) => encodeBytes(s) || "x"),
);

/** Values for a query parameter, already encoded for the URL. */
export const badQueryValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS.map((s) => encodeBytes(s))),
  fc.constantFrom("%ZZ", "%", "%C3%28", "%ED%A0%80", "a%00b", "+", "%2B1", "0", "-1", "1.5", "1e3", "0x10", " 7"),
  fc.string({ unit: "binary", maxLength: 30 }).map(encodeBytes),
);
