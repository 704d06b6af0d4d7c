import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../../lib/app-error.js";
import { type FilterCondition, type FilterExpression, printFilter, stringLiteral } from "./filter-ast.js";
import { parseFilter } from "./filter-parser.js";
import { refusal } from "./test-support.js";

const SKU = "05e9a617-0261-4cee-bb44-138d3ef5d965";
const guest: FilterCondition = { kind: "userType", operator: "eq", value: "Guest" };
const inNl: FilterCondition = { kind: "usageLocation", operator: "eq", value: "NL" };
const enabled: FilterCondition = { kind: "accountEnabled", operator: "eq", value: true };

describe("parseFilter", () => {
  it.each<[string, FilterExpression]>([
    ["userType eq 'Member'", { kind: "userType", operator: "eq", value: "Member" }],
    ["userType ne 'Guest'", { kind: "userType", operator: "ne", value: "Guest" }],
    ["usageLocation eq 'NL'", inNl],
    ["usageLocation ne 'be'", { kind: "usageLocation", operator: "ne", value: "BE" }],
    ["usageLocation eq null", { kind: "usageLocation", operator: "eq", value: null }],
    ["usageLocation ne null", { kind: "usageLocation", operator: "ne", value: null }],
    ["accountEnabled eq true", enabled],
    ["accountEnabled ne false", { kind: "accountEnabled", operator: "ne", value: false }],
    ["startswith(displayName,'Ad')", { kind: "startsWith", property: "displayName", prefix: "Ad" }],
    [
      "startswith(userPrincipalName, 'adele@')",
      { kind: "startsWith", property: "userPrincipalName", prefix: "adele@" },
    ],
    ["startswith(displayName,'O''Brien')", { kind: "startsWith", property: "displayName", prefix: "O'Brien" }],
    ["startswith(displayName,'''')", { kind: "startsWith", property: "displayName", prefix: "'" }],
    ["startswith(displayName,'')", { kind: "startsWith", property: "displayName", prefix: "" }],
    [`assignedLicenses/any(x:x/skuId eq ${SKU})`, { kind: "hasLicense", skuId: SKU }],
    [`assignedLicenses/any(lic: lic/skuId eq ${SKU.toUpperCase()})`, { kind: "hasLicense", skuId: SKU }],
  ])("%s", (text, expected) => {
    expect(parseFilter(text)).toEqual(expected);
  });

  it("reads keywords, functions and property names in any letter case", () => {
    expect(parseFilter("USERTYPE EQ 'guest' AND NOT AccountEnabled Eq FALSE")).toEqual({
      kind: "and",
      left: guest,
      right: { kind: "not", operand: { kind: "accountEnabled", operator: "eq", value: false } },
    });
    expect(parseFilter(`StartsWith(DISPLAYNAME,'a') Or AssignedLicenses/ANY(X:x/SKUID EQ ${SKU})`)).toEqual({
      kind: "or",
      left: { kind: "startsWith", property: "displayName", prefix: "a" },
      right: { kind: "hasLicense", skuId: SKU },
    });
  });

  it("binds not tighter than and, and tighter than or, grouping from the left", () => {
    expect(parseFilter("userType eq 'Guest' or usageLocation eq 'NL' and accountEnabled eq true")).toEqual({
      kind: "or",
      left: guest,
      right: { kind: "and", left: inNl, right: enabled },
    });
    expect(parseFilter("(userType eq 'Guest' or usageLocation eq 'NL') and accountEnabled eq true")).toEqual({
      kind: "and",
      left: { kind: "or", left: guest, right: inNl },
      right: enabled,
    });
    expect(parseFilter("not userType eq 'Guest' and not (usageLocation eq 'NL')")).toEqual({
      kind: "and",
      left: { kind: "not", operand: guest },
      right: { kind: "not", operand: inNl },
    });
    expect(parseFilter("userType eq 'Guest' and usageLocation eq 'NL' and accountEnabled eq true")).toEqual({
      kind: "and",
      left: { kind: "and", left: guest, right: inNl },
      right: enabled,
    });
  });

  it.each([
    ["userType eq", "ValidationFailed"],
    ["userType 'Guest'", "ValidationFailed"],
    ["userType eq Guest", "ValidationFailed"],
    ["userType eq 'Admin'", "ValidationFailed"],
    ["usageLocation eq 'NLD'", "ValidationFailed"],
    ["usageLocation eq NL", "ValidationFailed"],
    ["accountEnabled eq 'true'", "ValidationFailed"],
    ["accountEnabled eq 1", "ValidationFailed"],
    ["(userType eq 'Guest'", "ValidationFailed"],
    ["userType eq 'Guest')", "ValidationFailed"],
    ["userType eq 'Guest' usageLocation eq 'NL'", "ValidationFailed"],
    ["userType eq 'Guest' and", "ValidationFailed"],
    ["and userType eq 'Guest'", "ValidationFailed"],
    ["startswith(displayName,'Ad", "ValidationFailed"],
    ["startswith(displayName,Ad)", "ValidationFailed"],
    ["startswith(displayName 'Ad')", "ValidationFailed"],
    ["startswith(displayName,'a\u0000')", "ValidationFailed"],
    ["favouriteColour eq 'blue'", "ValidationFailed"],
    ["startswith(favouriteColour,'b')", "ValidationFailed"],
    ["frobnicate(displayName,'b')", "ValidationFailed"],
    [`assignedLicenses/any(x:x/skuId eq '${SKU}')`, "ValidationFailed"],
    [`assignedLicenses/any(x:y/skuId eq ${SKU})`, "ValidationFailed"],
    ["assignedLicenses/any(x:x/skuId eq 42)", "ValidationFailed"],
    ["userType eq 'Guest' # 1", "ValidationFailed"],
    ["", "ValidationFailed"],
    ["   ", "ValidationFailed"],
    ["displayName eq 'Adele'", "UnsupportedQuery"],
    ["department eq 'Sales'", "UnsupportedQuery"],
    ["endswith(userPrincipalName,'@contoso.test')", "UnsupportedQuery"],
    ["contains(displayName,'a')", "UnsupportedQuery"],
    ["startswith(mail,'a')", "UnsupportedQuery"],
    ["startswith(givenName,'a')", "UnsupportedQuery"],
    ["usageLocation gt 'NL'", "UnsupportedQuery"],
    ["accountEnabled lt true", "UnsupportedQuery"],
    ["userType in ('Guest','Member')", "UnsupportedQuery"],
    ["accountEnabled eq null", "UnsupportedQuery"],
    ["startswith(displayName,'a') eq true", "UnsupportedQuery"],
    [`assignedLicenses/any(x:x/skuId ne ${SKU})`, "UnsupportedQuery"],
    [`assignedLicenses/all(x:x/skuId eq ${SKU})`, "UnsupportedQuery"],
    [`assignedLicenses/any(x:x/disabledPlans eq ${SKU})`, "UnsupportedQuery"],
    [`assignedLicenses/any(x:x/skuId eq ${SKU} or x/skuId eq ${SKU})`, "UnsupportedQuery"],
    ["assignedLicenses/any()", "UnsupportedQuery"],
    ["assignedLicenses/$count ne 0", "UnsupportedQuery"],
    ["proxyAddresses/any(p:startswith(p,'smtp:'))", "UnsupportedQuery"],
  ])("refuses %j as %s, naming $filter", (text, code) => {
    const refused = refusal(() => parseFilter(text));
    expect(refused.code).toBe(code);
    if (code === "ValidationFailed") expect(refused.paths).toEqual(["querystring.$filter"]);
    expect(refused.message.length).toBeGreaterThan(20);
  });

  it("says what it supports when refusing a property or function", () => {
    const refused = refusal(() => parseFilter("endswith(userPrincipalName,'@contoso.test')"));
    expect(refused.message).toContain("endswith is not supported");
    expect(refused.message).toContain("startswith(displayName");
    expect(refusal(() => parseFilter("jobTitle eq 'CEO'")).message).toContain("jobTitle is not supported");
    expect(refusal(() => parseFilter("colour eq 'red'")).message).toContain("Could not find a property named 'colour'");
    expect(refusal(() => parseFilter("userType eq 'Guest' usageLocation")).message).toContain("position 21");
  });

  it("bounds nesting and the number of conditions", () => {
    expect(parseFilter(`${"(".repeat(30)}userType eq 'Guest'${")".repeat(30)}`)).toEqual(guest);
    expect(refusal(() => parseFilter(`${"(".repeat(40)}userType eq 'Guest'${")".repeat(40)}`)).code).toBe(
      "ValidationFailed",
    );
    expect(refusal(() => parseFilter(`${"not ".repeat(40)}userType eq 'Guest'`)).code).toBe("ValidationFailed");
    const many = Array.from({ length: 101 }, () => "userType eq 'Guest'").join(" or ");
    expect(refusal(() => parseFilter(many)).message).toContain("more than 100 conditions");
  });
});

/** Any string PostgreSQL can compare: no control characters, no lone surrogates. */
const literalText = fc.string({ unit: "binary", maxLength: 30 }).filter((s) => !/[\p{Cc}\p{Cs}]/u.test(s));

const condition: fc.Arbitrary<FilterCondition> = fc.oneof(
  fc.record({
    kind: fc.constant("userType" as const),
    operator: fc.constantFrom("eq" as const, "ne" as const),
    value: fc.constantFrom("Member" as const, "Guest" as const),
  }),
  fc.record({
    kind: fc.constant("usageLocation" as const),
    operator: fc.constantFrom("eq" as const, "ne" as const),
    value: fc.option(fc.stringMatching(/^[A-Z]{2}$/), { nil: null }),
  }),
  fc.record({
    kind: fc.constant("accountEnabled" as const),
    operator: fc.constantFrom("eq" as const, "ne" as const),
    value: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant("startsWith" as const),
    property: fc.constantFrom("displayName" as const, "userPrincipalName" as const),
    prefix: literalText,
  }),
  fc.record({ kind: fc.constant("hasLicense" as const), skuId: fc.uuid() }),
);

const expression = fc.letrec<{ expression: FilterExpression }>((tie) => ({
  expression: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    condition,
    fc.record({
      kind: fc.constantFrom("and" as const, "or" as const),
      left: tie("expression"),
      right: tie("expression"),
    }),
    fc.record({ kind: fc.constant("not" as const), operand: tie("expression") }),
  ),
})).expression;

describe("parseFilter properties", () => {
  it("parses a printed filter back to the same expression", () => {
    fc.assert(
      fc.property(expression, (parsed) => {
        expect(parseFilter(printFilter(parsed))).toEqual(parsed);
      }),
      { numRuns: 500 },
    );
  });

  it("reads any string literal back, quotes doubled", () => {
    fc.assert(
      fc.property(literalText, (text) => {
        expect(parseFilter(`startswith(displayName,${stringLiteral(text)})`)).toEqual({
          kind: "startsWith",
          property: "displayName",
          prefix: text,
        });
      }),
    );
  });

  it("prints the same filter whatever the letter case and spacing it was written in", () => {
    fc.assert(
      fc.property(expression, fc.infiniteStream(fc.boolean()), (parsed, coin) => {
        const flips = coin[Symbol.iterator]();
        const respelled = respell(printFilter(parsed), () => flips.next().value === true);
        expect(printFilter(parseFilter(respelled))).toBe(printFilter(parsed));
      }),
      { numRuns: 300 },
    );
  });

  it("answers any text with an expression or a ValidationFailed / UnsupportedQuery, never another error", () => {
    const piece = fc.oneof(
      fc.constantFrom("(", ")", ",", ":", "/", " ", "'", "''", "and", "or", "not", "eq", "ne", "gt", "null", "true"),
      fc.constantFrom("userType", "usageLocation", "startswith", "displayName", "assignedLicenses", "any", "x"),
      fc.constantFrom("'Guest'", "'NL'", "skuId", SKU, "endswith", "$count"),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        try {
          parseFilter(pieces.join(""));
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect(["ValidationFailed", "UnsupportedQuery"]).toContain((error as AppError).code);
        }
      }),
      { numRuns: 2_000 },
    );
  });
});

/** The filter text with keywords and names in random letter case and extra spaces, string literals left alone. */
function respell(text: string, coin: () => boolean): string {
  return text
    .split(/('(?:[^']|'')*')/)
    .map((part, index) => {
      if (index % 2 === 1) return part;
      const cased = [...part].map((char) => (coin() ? char.toUpperCase() : char.toLowerCase())).join("");
      return cased.replace(/ /g, () => (coin() ? "  " : " ")).replace(/,/g, () => (coin() ? " , " : ","));
    })
    .join("");
}
