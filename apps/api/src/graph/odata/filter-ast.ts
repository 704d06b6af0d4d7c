/**
 * A parsed $filter on users: only the conditions we can run in SQL exist here, so a filter that parsed is one the
 * database can answer in full, and nothing of it is ever dropped.
 */
export type EqualityOperator = "eq" | "ne";

export type FilterCondition =
  | { kind: "userType"; operator: EqualityOperator; value: "Member" | "Guest" }
  /** Two upper-case letters, or null ("not set"). */
  | { kind: "usageLocation"; operator: EqualityOperator; value: string | null }
  | { kind: "accountEnabled"; operator: EqualityOperator; value: boolean }
  /** Graph's startswith: case-insensitive. */
  | { kind: "startsWith"; property: "displayName" | "userPrincipalName"; prefix: string }
  /** assignedLicenses/any(x:x/skuId eq <skuId>): holds the product in effect. skuId lower-case. */
  | { kind: "hasLicense"; skuId: string };

export type FilterExpression =
  | FilterCondition
  | { kind: "and" | "or"; left: FilterExpression; right: FilterExpression }
  | { kind: "not"; operand: FilterExpression };

/** An OData string literal: quoted, a quote inside doubled (O'Brien → 'O''Brien'). */
export function stringLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

const PRECEDENCE = { or: 1, and: 2 } as const;

/**
 * The filter in one canonical spelling: what a skip token's fingerprint is taken of (so `USERTYPE EQ 'guest'` and
 * `userType eq 'Guest'` page alike), and what parses back to the same expression. Parentheses only where the
 * grouping needs them.
 */
export function printFilter(expression: FilterExpression): string {
  switch (expression.kind) {
    case "and":
    case "or": {
      const own = PRECEDENCE[expression.kind];
      // Both operators group from the left, so a right operand of the same operator keeps its parentheses.
      return `${printWithin(expression.left, own)} ${expression.kind} ${printWithin(expression.right, own + 1)}`;
    }
    case "not": {
      const operand = expression.operand;
      const bare = operand.kind === "startsWith" || operand.kind === "hasLicense" || operand.kind === "not";
      return bare ? `not ${printFilter(operand)}` : `not (${printFilter(operand)})`;
    }
    case "userType":
      return `userType ${expression.operator} ${stringLiteral(expression.value)}`;
    case "usageLocation":
      return `usageLocation ${expression.operator} ${expression.value === null ? "null" : stringLiteral(expression.value)}`;
    case "accountEnabled":
      return `accountEnabled ${expression.operator} ${expression.value}`;
    case "startsWith":
      return `startswith(${expression.property},${stringLiteral(expression.prefix)})`;
    case "hasLicense":
      return `assignedLicenses/any(x:x/skuId eq ${expression.skuId})`;
  }
}

function printWithin(expression: FilterExpression, minimum: number): string {
  const own = expression.kind === "and" || expression.kind === "or" ? PRECEDENCE[expression.kind] : Infinity;
  const text = printFilter(expression);
  return own < minimum ? `(${text})` : text;
}
