import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findDuplicateKey } from "./json-duplicates.js";

describe("findDuplicateKey", () => {
  it.each([
    ['{"seats": 1, "seats": 500}', ["seats"]],
    ['{"a": {"b": 1, "c": {"d": [], "d": {}}}}', ["a", "c", "d"]],
    ['{"add": [{"skuId": "x"}, {"skuId": "y", "skuId": "z"}]}', ["add", 1, "skuId"]],
    ['[[1, 2], [3, {"k": 1, "k": 2}]]', [1, 1, "k"]],
    ['{"seats": 1, "s\\u0065ats": 2}', ["seats"]],
    ['{"a\\"b": 1, "a\\u0022b": 2}', ['a"b']],
    ['{"": 1, "": 2}', [""]],
  ] as const)("%s names %j", (text, path) => {
    expect(findDuplicateKey(text)).toEqual(path);
  });

  it.each([
    '{"a": 1, "b": 1}',
    '{"a": {"a": {"a": 1}}}',
    '[{"skuId": "x"}, {"skuId": "y"}]',
    '{"a": "\\"a\\": 1, \\"a\\": 2", "b": "}{,"}',
    '{"k": "\\\\", "l": "\\\\\\""}',
    "[]",
    "{}",
    '"{\\"a\\":1,\\"a\\":2}"',
    "123",
    "null",
  ])("%s has none", (text) => {
    expect(findDuplicateKey(text)).toBeNull();
  });

  it("finds exactly the first repeated key of an object written pair by pair", () => {
    // Keys from a small alphabet (with characters that need escapes), so that repeats are common.
    const key = fc.constantFrom("a", "b", "\u00e9", 'q"', "\\", "");
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: "small" }, fc.integer(), fc.string(), tie("array"), tie("object")),
      array: fc.array(tie("value"), { maxLength: 4 }),
      object: fc.array(fc.tuple(key, tie("value")), { maxLength: 4 }),
    }));
    fc.assert(
      fc.property(json.object, (pairs) => {
        const seen = new Set<string>();
        let duplicate: string | null = null;
        for (const [k] of pairs) {
          if (seen.has(k) && duplicate === null) duplicate = k;
          seen.add(k);
        }
        const text = `{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(",")}}`;
        const found = findDuplicateKey(text);
        if (duplicate === null) {
          // Nested values come from JSON.stringify, which never repeats a key.
          expect(found).toBeNull();
        } else {
          expect(found).toEqual([duplicate]);
        }
      }),
    );
  });
});
