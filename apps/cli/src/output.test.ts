import { describe, expect, it } from "vitest";
import { cellText, csvField, printRows, renderCsv, renderTable } from "./output.js";

const rows = [
  { name: "Jürgen Müller", email: "jurgen@contoso.test", licenses: ["POWER_BI_PRO", "ENTERPRISEPACK"], enabled: true },
  { name: 'Anne "AJ" de Jong, PhD', email: "anne@contoso.test", licenses: [], enabled: false },
];
const columns = [
  { header: "Name", value: (row: (typeof rows)[number]) => row.name },
  { header: "Email", value: (row: (typeof rows)[number]) => row.email },
  { header: "Licenses", value: (row: (typeof rows)[number]) => row.licenses },
  { header: "Enabled", value: (row: (typeof rows)[number]) => row.enabled },
];

describe("table output", () => {
  it("aligns columns under a header and a rule, lists joined, booleans as yes/no", () => {
    expect(renderTable(rows, columns)).toBe(
      [
        "Name                    Email                Licenses                      Enabled",
        "----------------------  -------------------  ----------------------------  -------",
        "Jürgen Müller           jurgen@contoso.test  POWER_BI_PRO, ENTERPRISEPACK  yes",
        'Anne "AJ" de Jong, PhD  anne@contoso.test                                  no',
        "",
      ].join("\n"),
    );
  });

  it("keeps a row on one line when a cell holds line breaks, and counts wide characters twice", () => {
    const table = renderTable(
      [{ a: "line one\r\nline two", b: "名前" }],
      [
        { header: "A", value: (row: { a: string }) => row.a },
        { header: "Wide", value: (row: { b: string }) => row.b },
      ],
    );
    expect(table.split("\n")).toEqual([
      "A                  Wide",
      "-----------------  ----",
      "line one line two  名前",
      "",
    ]);
  });

  it("says (none) for an empty list rather than printing a bare header", () => {
    let out = "";
    printRows("table", [], columns, (text) => {
      out += text;
    });
    expect(out).toBe("(none)\n");
  });
});

describe("CSV output", () => {
  it("quotes fields with the separator, quotes or line breaks (RFC 4180), CRLF line ends", () => {
    expect(renderCsv(rows, columns)).toBe(
      "Name,Email,Licenses,Enabled\r\n" +
        'Jürgen Müller,jurgen@contoso.test,"POWER_BI_PRO, ENTERPRISEPACK",yes\r\n' +
        '"Anne ""AJ"" de Jong, PhD",anne@contoso.test,,no\r\n',
    );
  });

  it.each([
    ["plain", ",", "plain"],
    ["a,b", ",", '"a,b"'],
    ["a;b", ",", "a;b"],
    ["a;b", ";", '"a;b"'],
    ['say "hi"', ",", '"say ""hi"""'],
    ["two\nlines", ",", '"two\nlines"'],
  ])("field %j with %j → %j", (text, delimiter, expected) => {
    expect(csvField(text, delimiter)).toBe(expected);
  });

  it("prints JSON as the API's objects, not the table's text", () => {
    let out = "";
    printRows("json", rows, columns, (text) => {
      out += text;
    });
    expect(JSON.parse(out)).toEqual(rows);
  });

  it("cells: nothing for null, ISO for dates", () => {
    expect(cellText(null)).toBe("");
    expect(cellText(new Date("2025-01-31T00:00:00Z"))).toBe("2025-01-31T00:00:00.000Z");
  });
});
