import { Readable } from "node:stream";
import type { CsvDelimiter } from "@allot/contracts";
import type { CastReturnObject, Options } from "csv-stringify";
import { stringify } from "csv-stringify/sync";

/**
 * Every CSV file the API writes goes through here, written by csv-stringify (RFC 4180, CRLF, UTF-8 with a BOM so
 * that Excel reads accents and other scripts right).
 *
 * Against CSV injection (OWASP): a text field starting with =, +, -, @, a tab or a carriage return (or their
 * full-width forms) gets a leading `'`, so spreadsheets show it as text instead of running it. And a field holding
 * a comma, semicolon, quote, tab, CR or LF is quoted whatever the delimiter, so that a file opened with the other
 * separator (Dutch Excel splits on `;`) cannot put half a value into a cell of its own.
 */

/** What every export's OpenAPI description says about the file. */
export const CSV_FORMAT =
  "RFC 4180 with CRLF line ends, UTF-8 with a byte order mark; `delimiter=semicolon` separates fields with `;` " +
  "(Excel in Dutch and other European languages), the default is `comma`. A field holding a comma, semicolon, " +
  "quote, tab or line break is quoted. A text value starting with =, +, -, @, a tab or a carriage return is " +
  "prefixed with ' so that spreadsheets show it as text instead of running it as a formula; amounts are numbers.";

const SEPARATORS: Record<CsvDelimiter, string> = { comma: ",", semicolon: ";" };

/** A number the API itself wrote as text (an amount with two decimals): no formula, so it stays a number. */
export class CsvNumber {
  constructor(readonly text: string) {
    if (!/^-?\d+(\.\d+)?$/.test(text)) throw new Error(`not a number: ${JSON.stringify(text)}`);
  }
}

/** One cell: text (neutralised when it looks like a formula), a number, a number as text, or empty. */
export type CsvCell = string | number | CsvNumber | null;

function optionsFor(delimiter: CsvDelimiter): Options {
  return {
    delimiter: SEPARATORS[delimiter],
    record_delimiter: "windows",
    escape_formulas: true,
    // One explicit rule instead of csv-stringify's own: it quotes the delimiter and quotes, but with a record
    // delimiter set it leaves a lone CR or LF unquoted, and it does not know the other separator or tabs.
    quoted_match: /[,;"\t\r\n]/,
    cast: {
      object: (value) => {
        if (!(value instanceof CsvNumber)) throw new Error("a CSV cell must be text, a number or null");
        // Numbers are never escaped as formulas (a credit's -12.30 stays a number); this one was text.
        return { value: value.text, escape_formulas: false } as CastReturnObject;
      },
    },
  };
}

export interface CsvWriter {
  /** The byte order mark and the header row: the first chunk of the file. */
  head(): string;
  /** Records as CSV text, each ending in CRLF. */
  rows(records: ReadonlyArray<ReadonlyArray<CsvCell>>): string;
}

export function csvWriter(columns: readonly string[], delimiter: CsvDelimiter): CsvWriter {
  const options = optionsFor(delimiter);
  return {
    head: () => stringify([[...columns]], { ...options, bom: true }),
    rows: (records) => (records.length === 0 ? "" : stringify(records as CsvCell[][], options)),
  };
}

/**
 * A CSV file as a stream: the header, then each page of records as it arrives (one chunk per page, so a slow client
 * pauses the reading through back-pressure).
 */
export function csvStream(
  columns: readonly string[],
  delimiter: CsvDelimiter,
  pages: AsyncIterable<ReadonlyArray<ReadonlyArray<CsvCell>>>,
): Readable {
  const writer = csvWriter(columns, delimiter);
  async function* chunks(): AsyncGenerator<string> {
    yield writer.head();
    for await (const page of pages) {
      const text = writer.rows(page);
      if (text !== "") yield text;
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}
