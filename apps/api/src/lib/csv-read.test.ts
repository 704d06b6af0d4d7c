import { describe, expect, it } from "vitest";
import { AppError } from "./app-error.js";
import { type CsvFile, readCsv } from "./csv-read.js";

/**
 * The CSV reader against files as people have them. Duplicate User Names, bad emails and unknown countries are the
 * verify step's (apps/api/test/user-imports.test.ts); the reader only has to hand their values over intact.
 */

const utf8 = (text: string) => new TextEncoder().encode(text);
const cp1252 = (text: string) => Uint8Array.from(Buffer.from(text, "latin1"));
const read = (bytes: Uint8Array, maxRows = 50_000) => readCsv(bytes, { maxRows });
const shape = (file: CsvFile) => ({
  encoding: file.encoding,
  delimiter: file.delimiter,
  header: file.header,
  rows: file.records.map((record) => [record.line, ...record.fields]),
});

const CASES: Array<{ name: string; bytes: Uint8Array; expected: ReturnType<typeof shape> }> = [
  {
    name: "UTF-8 with a BOM, comma, LF",
    bytes: utf8("\uFEFFUser Name,Display Name\nanna@contoso.test,Anna\n"),
    expected: {
      encoding: "utf-8",
      delimiter: "comma",
      header: ["User Name", "Display Name"],
      rows: [[2, "anna@contoso.test", "Anna"]],
    },
  },
  {
    name: "semicolons (Dutch Excel) with commas in values, CRLF",
    bytes: utf8("Gebruikersnaam;Weergavenaam\r\nanna@contoso.test;de Vries, Anna\r\n"),
    expected: {
      encoding: "utf-8",
      delimiter: "semicolon",
      header: ["Gebruikersnaam", "Weergavenaam"],
      rows: [[2, "anna@contoso.test", "de Vries, Anna"]],
    },
  },
  {
    name: "quoted separators, quotes and line breaks; a record's line is the one it starts on",
    bytes: utf8('User Name,Address,Note\r\na@x.test,"Street 1\r\nFloor 2","say ""hi"", then; go"\r\nb@x.test,,\r\n'),
    expected: {
      encoding: "utf-8",
      delimiter: "comma",
      header: ["User Name", "Address", "Note"],
      rows: [
        [2, "a@x.test", "Street 1\nFloor 2", 'say "hi", then; go'],
        [4, "b@x.test", "", ""],
      ],
    },
  },
  {
    name: "Windows-1252 names (Jürgen Müller), semicolons",
    bytes: cp1252("User Name;Display Name\r\njurgen@contoso.test;Jürgen Müller\r\n"),
    expected: {
      encoding: "windows-1252",
      delimiter: "semicolon",
      header: ["User Name", "Display Name"],
      rows: [[2, "jurgen@contoso.test", "Jürgen Müller"]],
    },
  },
  {
    name: "empty lines, lines of separators only and no final line break are skipped or taken as they come",
    bytes: utf8("\r\nUser Name;Display Name\r\n\r\na@x.test;A\r\n;;\r\n\nb@x.test;B"),
    expected: {
      encoding: "utf-8",
      delimiter: "semicolon",
      header: ["User Name", "Display Name"],
      rows: [
        [4, "a@x.test", "A"],
        [7, "b@x.test", "B"],
      ],
    },
  },
  {
    name: "duplicate User Names, bad emails and unknown countries pass through for verify to judge",
    bytes: utf8("User Name,Country or Region\na@x.test,NL\na@x.test,Atlantis\nnot-an-email,\n"),
    expected: {
      encoding: "utf-8",
      delimiter: "comma",
      header: ["User Name", "Country or Region"],
      rows: [
        [2, "a@x.test", "NL"],
        [3, "a@x.test", "Atlantis"],
        [4, "not-an-email", ""],
      ],
    },
  },
];

describe("readCsv", () => {
  for (const { name, bytes, expected } of CASES) {
    it(name, () => expect(shape(read(bytes))).toEqual(expected));
  }

  it("reads what an export guarded against formulas as it was, and keeps any other leading quote", async () => {
    const { csvWriter } = await import("./csv.js");
    const writer = csvWriter(["User Name", "Office Phone", "Job Title"], "semicolon");
    const exported = writer.head() + writer.rows([["ann@contoso.test", "+31 20 123 4567", "=SUM(A1)"]]);
    expect(exported).toContain("'+31 20 123 4567");
    const file = read(utf8(exported));
    expect(file.records[0]?.fields).toEqual(["ann@contoso.test", "+31 20 123 4567", "=SUM(A1)"]);
    expect(read(utf8("User Name,Job Title\na@x.test,'t Hooft\n")).records[0]?.fields).toEqual(["a@x.test", "'t Hooft"]);
  });

  const refusals: Array<{ name: string; bytes: Uint8Array; code: string; detail: RegExp }> = [
    {
      name: "an unterminated quote names its line",
      bytes: utf8('User Name\na\n"b\nc\n'),
      code: "InvalidCsvFile",
      detail: /^Line 3:/,
    },
    {
      name: "text after a closing quote",
      bytes: utf8('User Name\n"a"b\n'),
      code: "InvalidCsvFile",
      detail: /^Line 2:/,
    },
    {
      name: "binary junk",
      bytes: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x0a]),
      code: "InvalidCsvFile",
      detail: /binary/,
    },
    { name: "an empty file", bytes: utf8("\r\n\r\n"), code: "InvalidCsvFile", detail: /empty/ },
    {
      name: "50,001 data rows",
      bytes: utf8(`User Name\n${"a@x.test\n".repeat(50_001)}`),
      code: "TooManyRows",
      detail: /more than 50,000 rows/,
    },
  ];
  for (const { name, bytes, code, detail } of refusals) {
    it(`refuses ${name}`, () => {
      const error = (() => {
        try {
          read(bytes);
        } catch (caught) {
          return caught;
        }
        return null;
      })();
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe(code);
      expect((error as AppError).message).toMatch(detail);
    });
  }

  it("takes exactly 50,000 data rows", () => {
    expect(read(utf8(`User Name\n${"a@x.test\n".repeat(50_000)}`)).records).toHaveLength(50_000);
  });
});
