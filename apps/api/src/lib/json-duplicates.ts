const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;

/** One open object or array while scanning: the keys seen so far (objects) and where we are in it. */
interface Frame {
  keys: Set<string> | null;
  at: string | number;
}

/** Index of the quote closing the string that opens at `start` (a quote preceded by an even run of backslashes). */
function stringEnd(text: string, start: number): number {
  let end = text.indexOf('"', start + 1);
  for (;;) {
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
}

/**
 * The path (`["add", 1, "skuId"]`) of the first key an object of this JSON text names twice, or null. JSON.parse
 * keeps the last of two equal keys without a word, so `{"seats": 1, "seats": 500}` would buy 500 seats behind the
 * back of a validator that saw a well-formed body.
 *
 * The text must already be valid JSON (parse it first): the scan then only needs the structure and the strings.
 * Keys compare decoded, so `"seats"` and `"s\u0065ats"` are the same key. One pass, strings skipped with indexOf,
 * no values built: a small fraction of JSON.parse's own time.
 */
export function findDuplicateKey(text: string): Array<string | number> | null {
  const frames: Frame[] = [];
  let expectingKey = false;
  const length = text.length;
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      const frame = frames.at(-1);
      if (expectingKey && frame?.keys) {
        const raw = text.slice(i + 1, end);
        const key = raw.includes("\\") ? (JSON.parse(`"${raw}"`) as string) : raw;
        if (frame.keys.has(key)) return [...frames.slice(0, -1).map((f) => f.at), key];
        frame.keys.add(key);
        frame.at = key;
        expectingKey = false;
      }
      i = end + 1;
      continue;
    }
    if (c === OPEN_OBJECT) {
      frames.push({ keys: new Set(), at: "" });
      expectingKey = true;
    } else if (c === OPEN_ARRAY) {
      frames.push({ keys: null, at: 0 });
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      frames.pop();
      expectingKey = false;
    } else if (c === COMMA) {
      const frame = frames.at(-1);
      if (frame?.keys) expectingKey = true;
      else if (frame) frame.at = (frame.at as number) + 1;
    }
    i++;
  }
  return null;
}
