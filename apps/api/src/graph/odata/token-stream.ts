import type { AppError } from "../../lib/app-error.js";
import { invalidOption } from "./errors.js";
import { FILTER, type Token } from "./filter-lexer.js";

/** The tokens of a $filter with a read position: what the recursive-descent parser walks. */
export class TokenStream {
  private position = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  peek(ahead = 0): Token {
    return this.tokens[Math.min(this.position + ahead, this.tokens.length - 1)] as Token;
  }

  next(): Token {
    const token = this.peek();
    if (token.kind !== "end") this.position += 1;
    return token;
  }

  /** Whether the token `ahead` is the word (keywords and names are matched without regard to case). */
  isWord(word: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === "name" && token.text.toLowerCase() === word;
  }

  isSymbol(symbol: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === "symbol" && token.text === symbol;
  }

  expectSymbol(symbol: "(" | ")" | "," | ":" | "/", context: string): void {
    if (!this.isSymbol(symbol)) throw this.unexpected(`'${symbol}' ${context}`);
    this.next();
  }

  /** A name token, or a ValidationFailed saying what was expected there instead. */
  expectName(expected: string): string {
    const token = this.peek();
    if (token.kind !== "name") throw this.unexpected(expected);
    this.next();
    return token.text;
  }

  /** The error for the token at the read position when `expected` should have been there. */
  unexpected(expected: string, token: Token = this.peek()): AppError {
    const found = token.kind === "end" ? "the end of $filter" : `${describe(token)} at position ${token.at + 1}`;
    return invalidOption(FILTER, `Expected ${expected} in $filter, but found ${found}.`);
  }
}

export function describe(token: Token): string {
  switch (token.kind) {
    case "name":
    case "guid":
    case "number":
    case "symbol":
      return `'${token.text}'`;
    case "string":
      return `the string '${token.value.replaceAll("'", "''")}'`;
    case "end":
      return "the end";
  }
}
