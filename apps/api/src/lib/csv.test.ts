import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { CsvNumber, csvWriter } from "./csv.js";

describe("csvWriter", () => {
  it("starts with the BOM and the header row, CRLF line ends", () => {
    expect(csvWriter(["a", "b"], "comma").head()).toBe("\uFEFFa,b\r\n");
    expect(csvWriter(["a", "b"], "semicolon").head()).toBe("\uFEFFa;b\r\n");
  });

  it.each(["comma", "semicolon"] as const)('quotes , ; " tab CR LF whatever the delimiter (%s)', (delimiter) => {
    const writer = csvWriter(["x"], delimiter);
    for (const value of ["a,b", "a;b", 'a"b', "a\tb", "a\rb", "a\nb"]) {
      expect(writer.rows([[value]]), JSON.stringify(value)).toBe(`"${value.replaceAll('"', '""')}"\r\n`);
    }
    expect(writer.rows([["plain"]])).toBe("plain\r\n");
  });

  it("neutralises text that starts like a formula, not numbers", () => {
    const writer = csvWriter(["x", "y", "z"], "semicolon");
    expect(writer.rows([["=1+1", -5, new CsvNumber("-12.30")]])).toBe("'=1+1;-5;-12.30\r\n");
    expect(writer.rows([["-12.30", "+1", "@A1"]])).toBe("'-12.30;'+1;'@A1\r\n");
    expect(writer.rows([["\tx", null, ""]])).toBe('"\'\tx";;\r\n');
  });

  it("round-trips through csv-parse", () => {
    const values = ["Bob;=1+1", 'Say "hi"\r\nbye', "\rx", "plain"];
    const text = csvWriter(["a", "b", "c", "d"], "semicolon").rows([values]);
    expect(parse(text, { delimiter: ";" })).toEqual([["Bob;=1+1", 'Say "hi"\r\nbye', "'\rx", "plain"]]);
  });

  it("a CsvNumber must be a number", () => {
    expect(() => new CsvNumber("=1")).toThrow();
    expect(() => new CsvNumber("1e3")).toThrow();
  });
});
