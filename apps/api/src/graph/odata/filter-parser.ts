import { invalidOption, unsupportedQuery } from "./errors.js";
import type { FilterExpression } from "./filter-ast.js";
import { comparison, functionCall, lambda, SUPPORTED_FILTERS } from "./filter-conditions.js";
import { FILTER, tokenize } from "./filter-lexer.js";
import { TokenStream } from "./token-stream.js";

/** Bounds that keep a hostile filter from costing a deep stack or a huge SQL statement; real scripts stay far below. */
const MAX_FILTER_LENGTH = 4_000;
const MAX_DEPTH = 32;
const MAX_CONDITIONS = 100;

/**
 * A $filter on users as an expression, by recursive descent over OData's grammar, `not` binding tighter than
 * `and`, `and` tighter than `or`:
 *
 *   or      := and ("or" and)*
 *   and     := unary ("and" unary)*
 *   unary   := "not" unary | primary
 *   primary := "(" or ")" | startswith(…) | assignedLicenses/any(…) | property ("eq" | "ne") literal
 *
 * Keywords, function and property names are matched without regard to case, as Graph does.
 */
export function parseFilter(text: string): FilterExpression {
  if (text.trim() === "") throw invalidOption(FILTER, `$filter is empty. ${SUPPORTED_FILTERS}`);
  if (text.length > MAX_FILTER_LENGTH) {
    throw invalidOption(FILTER, `$filter is longer than ${MAX_FILTER_LENGTH} characters.`);
  }
  return new FilterParser(new TokenStream(tokenize(text))).parse();
}

/** Words that compare: after a condition they mean `startswith(…) eq true`, which we do not take. */
const COMPARING = new Set(["eq", "ne", "lt", "le", "gt", "ge"]);

class FilterParser {
  private depth = 0;
  private conditions = 0;

  constructor(private readonly stream: TokenStream) {}

  parse(): FilterExpression {
    const expression = this.or();
    const rest = this.stream.peek();
    if (rest.kind === "symbol" && rest.text === ")") {
      throw invalidOption(FILTER, `The parenthesis at position ${rest.at + 1} of $filter closes none that was opened.`);
    }
    if (rest.kind !== "end") throw this.afterCondition();
    return expression;
  }

  private or(): FilterExpression {
    let left = this.and();
    while (this.stream.isWord("or")) {
      this.stream.next();
      left = { kind: "or", left, right: this.and() };
    }
    return left;
  }

  private and(): FilterExpression {
    let left = this.unary();
    while (this.stream.isWord("and")) {
      this.stream.next();
      left = { kind: "and", left, right: this.unary() };
    }
    return left;
  }

  private unary(): FilterExpression {
    if (!this.stream.isWord("not")) return this.primary();
    this.stream.next();
    return this.nested(() => ({ kind: "not", operand: this.unary() }));
  }

  private primary(): FilterExpression {
    const token = this.stream.peek();
    if (token.kind === "symbol" && token.text === "(") {
      this.stream.next();
      const inner = this.nested(() => this.or());
      if (!this.stream.isSymbol(")")) {
        if (this.stream.peek().kind === "end") {
          throw invalidOption(FILTER, `The parenthesis opened at position ${token.at + 1} of $filter is never closed.`);
        }
        throw this.afterCondition();
      }
      this.stream.next();
      return inner;
    }
    if (token.kind !== "name") throw this.stream.unexpected("a condition, such as userType eq 'Guest',");
    this.stream.next();
    this.conditions += 1;
    if (this.conditions > MAX_CONDITIONS) {
      throw invalidOption(FILTER, `$filter has more than ${MAX_CONDITIONS} conditions.`);
    }
    if (this.stream.isSymbol("(")) return functionCall(this.stream, token.text);
    if (this.stream.isSymbol("/")) return lambda(this.stream, token.text);
    return comparison(this.stream, token.text);
  }

  private nested(parse: () => FilterExpression): FilterExpression {
    this.depth += 1;
    if (this.depth > MAX_DEPTH) throw invalidOption(FILTER, `$filter nests deeper than ${MAX_DEPTH} levels.`);
    try {
      return parse();
    } finally {
      this.depth -= 1;
    }
  }

  /** The error for a token where only and, or, a closing parenthesis or the end may follow a condition. */
  private afterCondition() {
    const token = this.stream.peek();
    if (token.kind === "name" && COMPARING.has(token.text.toLowerCase())) {
      return unsupportedQuery(
        `Comparing a condition with a value (position ${token.at + 1} of $filter) is not supported: write the condition alone, or with not. ${SUPPORTED_FILTERS}`,
      );
    }
    return this.stream.unexpected("and, or, ')' or the end");
  }
}
