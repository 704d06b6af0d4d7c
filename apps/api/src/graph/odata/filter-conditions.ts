import type { AppError } from "../../lib/app-error.js";
import { invalidOption, unsupportedQuery } from "./errors.js";
import type { EqualityOperator, FilterCondition } from "./filter-ast.js";
import { FILTER, type Token } from "./filter-lexer.js";
import { describe, type TokenStream } from "./token-stream.js";
import { lookUpProperty } from "./user-properties.js";

/** What $filter can do, for the messages that refuse anything else. */
export const SUPPORTED_FILTERS =
  "$filter supports userType, usageLocation and accountEnabled with eq or ne; " +
  "startswith(displayName,'…') and startswith(userPrincipalName,'…'); " +
  "assignedLicenses/any(x:x/skuId eq <skuId>); joined with and, or, not and parentheses.";

/** OData's operators: the ones we do not run are refused as unsupported, anything else is a syntax error. */
const ODATA_OPERATORS = new Set(["lt", "le", "gt", "ge", "in", "has", "add", "sub", "mul", "div", "divby", "mod"]);

/** OData's built-in functions other than startswith: well-formed, not supported. */
const ODATA_FUNCTIONS = new Set([
  "contains",
  "endswith",
  "indexof",
  "length",
  "substring",
  "matchespattern",
  "tolower",
  "toupper",
  "trim",
  "concat",
  "year",
  "month",
  "day",
  "hour",
  "minute",
  "second",
  "fractionalseconds",
  "totalseconds",
  "date",
  "time",
  "totaloffsetminutes",
  "now",
  "mindatetime",
  "maxdatetime",
  "round",
  "floor",
  "ceiling",
  "cast",
  "isof",
]);

const COMPARABLE = ["userType", "usageLocation", "accountEnabled"] as const;
const PREFIXABLE = ["displayName", "userPrincipalName"] as const;

/** A property as a condition names it: one of `allowed`, or the right refusal for what it is instead. */
function propertyFor<T extends string>(name: string, allowed: readonly T[], use: string): T {
  const property = lookUpProperty(name);
  const found = allowed.find((candidate) => candidate === property.name);
  if (property.kind === "supported" && found) return found;
  if (property.kind === "unknown") {
    throw invalidOption(FILTER, `Could not find a property named '${name}' on the user. ${SUPPORTED_FILTERS}`);
  }
  throw unsupportedQuery(`${use} on ${property.name} is not supported. ${SUPPORTED_FILTERS}`);
}

/** `property op value`, with the property name already read. */
export function comparison(stream: TokenStream, name: string): FilterCondition {
  const property = propertyFor(name, COMPARABLE, "Filtering");
  const operator = equalityOperator(stream, property);
  const value = stream.next();
  switch (property) {
    case "userType": {
      const type = value.kind === "string" ? value.value.toLowerCase() : undefined;
      if (type === "member" || type === "guest") {
        return { kind: "userType", operator, value: type === "member" ? "Member" : "Guest" };
      }
      throw wrongValue(value, property, "'Member' or 'Guest'");
    }
    case "usageLocation": {
      if (isNull(value)) return { kind: "usageLocation", operator, value: null };
      if (value.kind === "string" && /^[a-z]{2}$/i.test(value.value)) {
        return { kind: "usageLocation", operator, value: value.value.toUpperCase() };
      }
      throw wrongValue(value, property, "a two-letter country code such as 'NL', or null");
    }
    case "accountEnabled": {
      if (value.kind === "name" && /^(true|false)$/i.test(value.text)) {
        return { kind: "accountEnabled", operator, value: value.text.toLowerCase() === "true" };
      }
      throw wrongValue(value, property, "true or false");
    }
  }
}

function equalityOperator(stream: TokenStream, property: string): EqualityOperator {
  const token = stream.peek();
  const word = token.kind === "name" ? token.text.toLowerCase() : "";
  if (word === "eq" || word === "ne") {
    stream.next();
    return word;
  }
  if (ODATA_OPERATORS.has(word)) {
    throw unsupportedQuery(`The operator ${word} is not supported on ${property}: use eq or ne. ${SUPPORTED_FILTERS}`);
  }
  throw stream.unexpected(`eq or ne after ${property}`);
}

function isNull(token: Token): boolean {
  return token.kind === "name" && token.text.toLowerCase() === "null";
}

function wrongValue(token: Token, property: string, expected: string): AppError {
  // A null where we take none is a well-formed comparison we do not run; anything else is the wrong kind of value.
  if (isNull(token)) return unsupportedQuery(`Comparing ${property} with null is not supported: it is never null.`);
  if (token.kind === "end") return invalidOption(FILTER, `$filter ends where a value for ${property} should follow.`);
  return invalidOption(
    FILTER,
    `${property} is compared with ${expected}, not ${describe(token)} (position ${token.at + 1} of $filter).`,
  );
}

/** `name(…)`, with the function name read and the stream at its opening parenthesis. */
export function functionCall(stream: TokenStream, name: string): FilterCondition {
  const lower = name.toLowerCase();
  if (ODATA_FUNCTIONS.has(lower)) {
    throw unsupportedQuery(`The function ${lower} is not supported in $filter. ${SUPPORTED_FILTERS}`);
  }
  if (lower !== "startswith")
    throw invalidOption(FILTER, `$filter has no function named '${name}'. ${SUPPORTED_FILTERS}`);
  stream.expectSymbol("(", "after startswith");
  const property = propertyFor(stream.expectName("a property name in startswith"), PREFIXABLE, "startswith");
  stream.expectSymbol(",", `after startswith(${property}`);
  const prefix = stream.next();
  if (prefix.kind !== "string") throw stream.unexpected(`a quoted string in startswith(${property},…)`, prefix);
  stream.expectSymbol(")", "to close startswith");
  return { kind: "startsWith", property, prefix: prefix.value };
}

/** `assignedLicenses/any(x:x/skuId eq <guid>)`, with the first name read and the stream at its '/'. */
export function lambda(stream: TokenStream, name: string): FilterCondition {
  const property = lookUpProperty(name);
  if (property.kind === "unknown") {
    throw invalidOption(FILTER, `Could not find a property named '${name}' on the user. ${SUPPORTED_FILTERS}`);
  }
  if (property.name !== "assignedLicenses") {
    throw unsupportedQuery(`Filtering on ${property.name} is not supported. ${SUPPORTED_FILTERS}`);
  }
  stream.expectSymbol("/", "after assignedLicenses");
  const operator = stream.expectName("any after assignedLicenses/");
  if (operator.toLowerCase() !== "any") {
    throw unsupportedQuery(
      `assignedLicenses/${operator} is not supported: use assignedLicenses/any(x:x/skuId eq <skuId>).`,
    );
  }
  stream.expectSymbol("(", "after assignedLicenses/any");
  if (stream.isSymbol(")")) {
    throw unsupportedQuery("assignedLicenses/any() without a condition is not supported: name the skuId.");
  }
  const variable = stream.expectName("a lambda variable, as in any(x:x/skuId eq <skuId>)");
  stream.expectSymbol(":", `after the lambda variable ${variable}`);
  const used = stream.expectName(`${variable}/skuId`);
  if (used.toLowerCase() !== variable.toLowerCase()) {
    throw invalidOption(FILTER, `The lambda uses '${used}', but its variable is '${variable}'.`);
  }
  stream.expectSymbol("/", `after ${variable}`);
  const member = stream.expectName(`skuId after ${variable}/`);
  if (member.toLowerCase() !== "skuid") {
    throw unsupportedQuery(`assignedLicenses can be filtered by skuId only, not by ${member}.`);
  }
  const comparisonOperator = stream.expectName(`eq after ${variable}/skuId`).toLowerCase();
  if (comparisonOperator !== "eq") {
    throw unsupportedQuery(
      `Only eq is supported in assignedLicenses/any(x:x/skuId eq <skuId>), not ${comparisonOperator}.`,
    );
  }
  const skuId = stream.next();
  if (skuId.kind === "string") {
    throw invalidOption(FILTER, "Write the skuId without quotes, as OData writes a GUID: x/skuId eq 6fd2c87f-….");
  }
  if (skuId.kind !== "guid") throw stream.unexpected("a skuId (a GUID) after eq", skuId);
  if (!stream.isSymbol(")")) {
    throw unsupportedQuery(
      "assignedLicenses/any takes one condition, x/skuId eq <skuId>; combine several any(…) with and, or, not.",
    );
  }
  stream.next();
  return { kind: "hasLicense", skuId: skuId.text };
}
