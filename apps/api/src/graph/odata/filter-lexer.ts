import { invalidOption } from "./errors.js";

/** A piece of a $filter; `at` is its offset in the text, for messages that point at it. */
export type Token =
  | { kind: "name"; text: string; at: number }
  | { kind: "string"; value: string; at: number }
  | { kind: "guid"; text: string; at: number }
  | { kind: "number"; text: string; at: number }
  | { kind: "symbol"; text: "(" | ")" | "," | ":" | "/"; at: number }
  | { kind: "end"; at: number };

export const FILTER = "$filter";

/** Longest string literal accepted: a prefix to search for, not a document. */
const MAX_STRING_LENGTH = 256;

// Sticky patterns, tried at the current offset. A GUID is tried before names and numbers, which would otherwise
// take its first group ("0c8e…" as a number, "abcd…" as a name).
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9a-z_])/iy;
// `$` starts names such as $count, so they can be refused by name rather than as a stray character.
const NAME = /[a-z_$][a-z0-9_]*/iy;
const NUMBER = /-?[0-9]+(?:\.[0-9]+)?(?:e[+-]?[0-9]+)?(?![0-9a-z_])/iy;
const SPACE = /\s+/y;
const SYMBOLS = new Set(["(", ")", ",", ":", "/"]);

function match(pattern: RegExp, text: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0];
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const space = match(SPACE, text, at);
    if (space) {
      at += space.length;
      continue;
    }
    const char = text[at] as string;
    if (char === "'") {
      const literal = readString(text, at);
      tokens.push({ kind: "string", value: literal.value, at });
      at = literal.end;
      continue;
    }
    if (SYMBOLS.has(char)) {
      tokens.push({ kind: "symbol", text: char as "(" | ")" | "," | ":" | "/", at });
      at += 1;
      continue;
    }
    const guid = match(GUID, text, at);
    const number = guid ? undefined : match(NUMBER, text, at);
    const name = guid || number ? undefined : match(NAME, text, at);
    if (guid) tokens.push({ kind: "guid", text: guid.toLowerCase(), at });
    else if (number) tokens.push({ kind: "number", text: number, at });
    else if (name) tokens.push({ kind: "name", text: name, at });
    else throw invalidOption(FILTER, `Unexpected character '${char}' at position ${at + 1} of $filter.`);
    at += (guid ?? number ?? name ?? "").length;
  }
  tokens.push({ kind: "end", at: text.length });
  return tokens;
}

/** A quoted literal from `start` (its opening quote): two quotes in a row stand for one. */
function readString(text: string, start: number): { value: string; end: number } {
  let value = "";
  let at = start + 1;
  for (;;) {
    const quote = text.indexOf("'", at);
    if (quote === -1) {
      throw invalidOption(
        FILTER,
        `The string starting at position ${start + 1} of $filter has no closing quote. Write a quote inside a string twice, as in 'O''Brien'.`,
      );
    }
    value += text.slice(at, quote);
    if (text[quote + 1] !== "'") {
      at = quote + 1;
      break;
    }
    value += "'";
    at = quote + 2;
  }
  // No control character (NUL!) or lone surrogate: PostgreSQL cannot compare them, and no name holds them.
  if (/[\p{Cc}\p{Cs}]/u.test(value)) {
    throw invalidOption(FILTER, `The string at position ${start + 1} of $filter holds a control character.`);
  }
  if (value.length > MAX_STRING_LENGTH) {
    throw invalidOption(
      FILTER,
      `The string at position ${start + 1} of $filter is longer than ${MAX_STRING_LENGTH} characters.`,
    );
  }
  return { value, end: at };
}
