import { describe, expect, it } from "vitest";
import { passwordsCsv } from "./passwords-csv";

const HEADER = ["User Name", "Display Name", "Password"];

describe("passwordsCsv", () => {
  it("writes a BOM, the header and one CRLF line per user", () => {
    const csv = passwordsCsv(
      HEADER,
      [{ userPrincipalName: "a@x.test", displayName: "Ann", password: "Pw1!" }],
      "comma",
    );
    expect(csv).toBe("\uFEFFUser Name,Display Name,Password\r\na@x.test,Ann,Pw1!\r\n");
  });

  it("quotes fields that hold the separator, a quote or a line break", () => {
    const items = [{ userPrincipalName: "j@x.test", displayName: 'Müller; "Jürgen"', password: "a,b" }];
    expect(passwordsCsv(HEADER, items, "semicolon").split("\r\n")[1]).toBe('j@x.test;"Müller; ""Jürgen""";a,b');
    expect(passwordsCsv(HEADER, items, "comma").split("\r\n")[1]).toBe('j@x.test,"Müller; ""Jürgen""","a,b"');
  });

  it("defuses a name that a spreadsheet would run as a formula, never the password", () => {
    const items = [{ userPrincipalName: "e@x.test", displayName: "=HYPERLINK(1)", password: "-Start1" }];
    expect(passwordsCsv(HEADER, items, "comma").split("\r\n")[1]).toBe("e@x.test,'=HYPERLINK(1),-Start1");
  });
});
