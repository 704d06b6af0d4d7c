import type { CsvDelimiter } from "@allot/contracts";
import { AppError } from "./app-error.js";

/**
 * Reads a CSV file as people really have them: UTF-8 with or without a byte order mark, else Windows-1252 (what
 * Excel on Windows saves as "CSV"); `;` (Excel in Dutch and other European languages) or `,` as the separator,
 * told by the header line; RFC 4180 quoted fields holding separators, quotes ("") and line breaks; CRLF, LF or a
 * lone CR. Empty lines (and lines of separators only, which Excel leaves below a table) are skipped. Every record
 * carries the file line it starts on, so a problem can name it. A file that cannot be read is an
 * `InvalidCsvFile` problem naming the line, one with too many records `TooManyRows`: never an unexpected error.
 */

export interface CsvRecord {
  /** The file line (1-based) the record starts on. */
  line: number;
  fields: string[];
}

export interface CsvFile {
  encoding: "utf-8" | "windows-1252";
  delimiter: CsvDelimiter;
  /** The header's fields, trimmed, and its line. */
  header: string[];
  headerLine: number;
  /** The data records, empty lines left out. */
  records: CsvRecord[];
}

export interface CsvReadOptions {
  /** Most data records accepted; one more is TooManyRows. */
  maxRows: number;
}

const invalid = (message: string, line?: number) =>
  new AppError("InvalidCsvFile", line === undefined ? message : `Line ${line}: ${message}`, {
    ...(line === undefined ? {} : { extensions: { line } }),
  });

/** UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), else Windows-1252, which decodes any byte. */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvFile["encoding"] } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}

/** Where the first control character no text file holds is (tab, CR and LF aside): binary content; else -1. */
function binaryAt(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return i;
  }
  return -1;
}

/** The separator of the header line: whichever of `;` and `,` it uses more often outside quotes (a tie: comma). */
export function detectDelimiter(text: string): CsvDelimiter {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) {
      if (commas + semicolons > 0) break;
    } else if (!quoted && char === ",") commas += 1;
    else if (!quoted && char === ";") semicolons += 1;
  }
  return semicolons > commas ? "semicolon" : "comma";
}

export function readCsv(bytes: Uint8Array, options: CsvReadOptions): CsvFile {
  const { text, encoding } = decodeCsvBytes(bytes);
  const binary = binaryAt(text);
  if (binary >= 0) {
    const line = text.slice(0, binary).split(/\r\n|\r|\n/).length;
    throw invalid("the file holds binary content, not text. Save the spreadsheet as CSV and try again.", line);
  }
  const delimiter = detectDelimiter(text);
  const records = parseRecords(text, delimiter === "semicolon" ? ";" : ",", options.maxRows + 2);
  const [head, ...rows] = records;
  if (!head) throw invalid("The file is empty: it needs a header line and at least one row.");
  if (rows.length > options.maxRows) {
    throw new AppError(
      "TooManyRows",
      `The file has more than ${options.maxRows.toLocaleString("en-US")} rows; split it into smaller files.`,
      { extensions: { line: rows[options.maxRows]?.line } },
    );
  }
  return {
    encoding,
    delimiter,
    header: head.fields.map((field) => field.trim()),
    headerLine: head.line,
    records: rows,
  };
}

/**
 * A value as it was before an export guarded it against spreadsheet formulas (lib/csv.ts writes `'+31 20 …` for
 * `+31 20 …`), so that an exported file imports unchanged. Only a `'` before a formula's first character is such a
 * guard; any other leading `'` is the person's own.
 */
const FORMULA_GUARD = /^'[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const unguarded = (value: string) => (FORMULA_GUARD.test(value) ? value.slice(1) : value);

/**
 * The RFC 4180 state machine. Stops after `limit` records (the caller only needs to know there are more).
 */
function parseRecords(text: string, separator: string, limit: number): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let quoteLine = 0;
  /** fieldStart: nothing read yet; plain: an unquoted field; quoted: inside quotes; closed: after the closing quote. */
  let state: "fieldStart" | "plain" | "quoted" | "closed" = "fieldStart";
  const endRecord = () => {
    fields.push(field);
    // Empty lines, and Excel's rows of separators only, are no records.
    if (fields.some((value) => value.trim() !== "")) records.push({ line: recordLine, fields: fields.map(unguarded) });
    fields = [];
    field = "";
    state = "fieldStart";
  };
  const length = text.length;
  // A BOM the decoder kept (Windows-1252 shows it as three characters) is no part of the header.
  let i = text.startsWith("\uFEFF") ? 1 : text.startsWith("ï»¿") ? 3 : 0;
  for (; i < length && records.length < limit; i++) {
    const char = text[i] as string;
    const newline = char === "\n" || char === "\r";
    if (newline && char === "\r" && text[i + 1] === "\n") i++;
    if (state === "quoted") {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else state = "closed";
      } else {
        // A line break inside quotes belongs to the value (as LF, whatever the file used).
        field += newline ? "\n" : char;
        if (newline) line++;
      }
      continue;
    }
    if (newline) {
      endRecord();
      line++;
      recordLine = line;
      continue;
    }
    if (char === separator) {
      fields.push(field);
      field = "";
      state = "fieldStart";
      continue;
    }
    if (state === "closed") {
      throw invalid(`a quoted value is followed by "${char}"; a quote inside a value is written twice ("").`, line);
    }
    if (state === "fieldStart" && char === '"') {
      field = "";
      state = "quoted";
      quoteLine = line;
      continue;
    }
    field += char;
    state = "plain";
  }
  if (state === "quoted") throw invalid("a quoted value is never closed (a quote is missing).", quoteLine);
  if (records.length < limit && (fields.length > 0 || field !== "")) endRecord();
  return records;
}
