import type { CsvDelimiter } from "@allot/contracts";

const SEPARATOR: Record<CsvDelimiter, string> = { comma: ",", semicolon: ";" };

/** One CSV field: quoted when it holds the separator, a quote or a line break. */
function field(value: string, separator: string): string {
  return value.includes(separator) || /["\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * A name as a cell: one starting with = + - @ would run as a formula in a spreadsheet (CSV injection), so a leading
 * ' makes it text. Passwords are written as they are (a changed password would not work).
 */
function text(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * The one-time passwords as a CSV file made in the browser (they are never kept on the server after being shown):
 * UTF-8 with a BOM so Excel reads names such as "Jürgen Müller", CRLF line ends, the separator of the portal's
 * language.
 */
export function passwordsCsv(
  header: readonly string[],
  items: readonly { userPrincipalName: string; displayName: string; password: string }[],
  delimiter: CsvDelimiter,
): string {
  const separator = SEPARATOR[delimiter];
  const lines = [
    header,
    ...items.map((item) => [text(item.userPrincipalName), text(item.displayName), item.password]),
  ].map((cells) => cells.map((cell) => field(cell, separator)).join(separator));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
