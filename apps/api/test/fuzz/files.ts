import { LICENSE_ASSIGNMENT_COLUMNS, USER_TEMPLATE_COLUMNS } from "@allot/contracts";
import fc from "fast-check";
import { index, type ValueContext } from "./values.js";

/**
 * Bodies of the routes that take a file as the raw body (the CSV imports): what people upload — the Add multiple
 * users template or the license assignment file, in either language and separator, with or without a byte order
 * mark, rows naming the tenant's users or made-up ones — and what they should not: junk bytes, a quote left open,
 * JSON, nothing.
 */
export interface FileBody {
  text: string;
  contentType: string | undefined;
}

const cell = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom("", "Jürgen", "Müller", "Sales", "NL", "Netherlands", "Nederland", "POWER_BI_PRO"),
  },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('"a, b"', '"line\r\nbreak"', '"say ""hi"""', "=cmd|' /C calc'!A0", "x".repeat(300)),
  },
);

function csvText(headers: readonly string[], emails: readonly string[], separator: string): fc.Arbitrary<string> {
  const email = fc.oneof(
    index.map((n) => emails[n % Math.max(1, emails.length)] ?? "nobody@contoso.test"),
    fc.uuid().map((id) => `fuzz-${id.slice(0, 8)}@contoso.test`),
    fc.constantFrom("not-an-email", ""),
  );
  const row = fc
    .tuple(email, fc.array(cell, { minLength: 0, maxLength: headers.length + 1 }))
    .map(([first, rest]) => [first, ...rest].join(separator));
  return fc
    .tuple(fc.array(row, { maxLength: 4 }), fc.boolean(), fc.constantFrom("\r\n", "\n"))
    .map(([rows, bom, eol]) => `${bom ? "\uFEFF" : ""}${[headers.join(separator), ...rows].join(eol)}${eol}`);
}

export function fileBody(ctx: ValueContext, coherent: boolean, labels: string[]): fc.Arbitrary<FileBody> {
  const emails = ctx.pools.inTenant("email", ctx.tenantId);
  const users = (language: "en" | "nl") => USER_TEMPLATE_COLUMNS.map((column) => column[language]);
  const licenses = (language: "en" | "nl") => LICENSE_ASSIGNMENT_COLUMNS.map((column) => column[language]);
  const file = fc.oneof(
    csvText(users("en"), emails, ","),
    csvText(users("nl"), emails, ";"),
    csvText(licenses("en"), emails, ","),
    csvText(licenses("nl"), emails, ";"),
  );
  const csv = (text: string): FileBody => ({ text, contentType: "text/csv" });
  if (coherent) return file.map(csv);
  labels.push("file:odd");
  return fc.oneof(
    file.map((text): FileBody => ({ text, contentType: "application/octet-stream" })),
    file.map((text) => csv(text.replace(/"/, '"unterminated'))),
    fc.string({ unit: "binary", maxLength: 200 }).map(csv),
    fc.constant(csv("")),
    fc.constant<FileBody>({ text: '{"kind":"users"}', contentType: "application/json" }),
    file.map((text): FileBody => ({ text, contentType: "text/plain" })),
  );
}
